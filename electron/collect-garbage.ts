// Full garbage collection, for a process that has just finished a burst of work and is going to
// sit idle: opening a vault decodes the index cache or reads every note, and the heap then holds
// far more than the vault needs. At 10k notes through `cairn serve`, a warm start left 530 MB of
// RSS. V8 gives that memory back by itself only when its memory reducer notices the process is
// idle: there it took 45 s, down to 330 MB. Collected at once, it was about 390 MB.
//
// Node exposes `gc()` only with the `--expose-gc` flag given at start, which neither the app nor
// `cairn serve` controls for the thread the vault runs on. Set from within (Node's
// `v8.setFlagsFromString`; Node, and Electron with it, leave V8's flags unfrozen for that), the
// flag applies to contexts made after it, so one new `vm` context gives the function; the flag is
// then turned off again, so nothing else sees it.
import v8 from 'node:v8';
import vm from 'node:vm';

let gc: (() => void) | null = null;

/** Runs a full collection, twice: Node keeps a string of over a megabyte, like the index cache's
 *  sections, outside the heap, and the first collection only finds it dead; its memory is let go
 *  in the next one (at 10k notes, 70 MB). Each holds the thread (about 0.2 s at 10k notes, 1 s
 *  at 50k): between the two the thread is left to requests for as long as the first took.
 *
 *  The first collection compacts the heap. V8 moves objects out of a page only when most of it
 *  is free, and a cold index leaves its old generation with free space spread over every page:
 *  at 10k notes, 213 MB of pages for 152 MB of objects, all of it resident. V8's own flag
 *  `--compact-on-every-full-gc`, set for that collection only (and unset again, as `--expose-gc`
 *  is below), moves the objects together: the process's RSS went from 373 to 315 MB, for 0.1 s
 *  more. The pages it empties are let go once they are swept, on V8's own threads after the
 *  collection returns; the second collection finishes that sweep first, so the memory is back
 *  when this resolves. (With both compacting, the second one's pages were still held when it
 *  resolved: RSS read at once varied by up to 80 MB, and was 30-40 MB lower a second later.) */
export async function collectGarbage(): Promise<void> {
  gc ??= exposedGc();
  const started = performance.now();
  compacting(gc);
  await new Promise((resolve) => setTimeout(resolve, performance.now() - started));
  gc();
}

function compacting(collect: () => void): void {
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try {
    collect();
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }
}

function exposedGc(): () => void {
  const own = (globalThis as { gc?: () => void }).gc;
  if (typeof own === 'function') return own;
  v8.setFlagsFromString('--expose-gc');
  try {
    return vm.runInNewContext('gc') as () => void;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}
