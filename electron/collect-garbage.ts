// Full garbage collection, for a process that has just finished a burst of work and is going to
// sit idle: opening a vault decodes the index cache or reads every note, and the heap then holds
// far more than the vault needs. At 10k notes through `cairn serve`, a warm start left 530 MB of
// RSS. V8 gives that memory back by itself only when its memory reducer notices the process is
// idle: there it took 45 s, down to 330 MB. Collected at once, it was about 390 MB.
//
// Neither the app nor `cairn serve` controls the flags the thread the vault runs on starts with,
// so the collection is asked for from within: through the inspector, where it is built in, or
// else with `gc()`. Node exposes `gc()` only with the `--expose-gc` flag; set from within (Node's
// `v8.setFlagsFromString`; Node, and Electron with it, leave V8's flags unfrozen for that), the
// flag applies to contexts made after it, so one new `vm` context gives the function; the flag is
// then turned off again, so nothing else sees it.
import v8 from 'node:v8';
import { createRequire } from 'node:module';
import vm from 'node:vm';

const require = createRequire(import.meta.url);

let gc: (() => void) | null = null;

/** Runs V8's collection for low memory, where the inspector is built in (Node and Electron):
 *  the one V8 runs when the system is short of memory. Compared with `gc()` run twice as below,
 *  at 10k notes through `cairn serve` after a warm start: 271-272 MB of RSS against 302-304,
 *  283 against 307-310 after 200 more searches. The searches right after pay for the young
 *  generation it gives back until it has grown again: through the host, p95 9.2-9.4 ms against
 *  6.0-7.0 in the bench's runs (V8's own memory reducer gives it back too, once the process has
 *  been idle a while). It is the only way to it from JavaScript: the inspector's
 *  `HeapProfiler.collectGarbage`, on a session of this thread's own, closed at once.
 *
 *  What it does that `gc()` does not: it compacts the old generation, which a cold index leaves
 *  with free space spread over every page (at 10k notes, 213 MB of pages for 152 MB of objects,
 *  all resident; V8 moves objects out of a page by itself only when most of it is free); it
 *  shrinks the young generation back to its first size (from 32 MB; it grows again as the work
 *  needs); and it collects again for as long as the last round let something go, so Node's
 *  strings of over a megabyte (the index cache's sections) go too. Its pages are let go before
 *  it returns. It holds the thread once, for about as long as one of the two `gc()` below
 *  (measured: 0.15-0.18 s at 10k notes, 0.46-0.53 s at 50k). */
export async function collectGarbage(options: { inspector?: boolean } = {}): Promise<void> {
  if (options.inspector !== false && (await lowMemoryCollection())) return;
  await collectTwice();
}

async function lowMemoryCollection(): Promise<boolean> {
  let session: import('node:inspector').Session;
  try {
    // Not imported at the top: Node built without the inspector throws when it is required.
    session = new (require('node:inspector') as typeof import('node:inspector')).Session();
    session.connect();
  } catch {
    return false;
  }
  // The answer comes on a later turn of the thread's loop. A host that never gave it would hold
  // the end of the start for ever: past NO_ANSWER_MS, `collectTwice` runs instead.
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      new Promise<boolean>((resolve) => session.post('HeapProfiler.collectGarbage', (err) => resolve(!err))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), NO_ANSWER_MS))),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    session.disconnect();
  }
}

/** At 50k notes the collection takes about half a second. */
const NO_ANSWER_MS = 20_000;

/** Without the inspector: a full collection, twice. Node keeps a string of over a megabyte
 *  outside the heap, and the first collection only finds it dead; its memory is let go in the
 *  next one (at 10k notes, 70 MB). Each holds the thread (about 0.2 s at 10k notes, 1 s at
 *  50k): between the two the thread is left to requests for as long as the first took. The
 *  first compacts (V8's `--compact-on-every-full-gc`, set for it only and unset again, as
 *  `--expose-gc` is below): at 10k notes after a cold index, RSS 373 → 315 MB. The pages it
 *  empties are let go once swept, on V8's threads after it returns; the second finishes that
 *  sweep first. (With both compacting, the second one's pages were still held when it
 *  returned: RSS read at once varied by up to 80 MB.) */
async function collectTwice(): Promise<void> {
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
