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
 *  in the next one (at 10k notes, 70 MB). Each holds the thread (about 0.15 s at 10k notes, 1 s
 *  at 50k): between the two the thread is left to requests for as long as the first took. */
export async function collectGarbage(): Promise<void> {
  gc ??= exposedGc();
  const started = performance.now();
  gc();
  await new Promise((resolve) => setTimeout(resolve, performance.now() - started));
  gc();
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
