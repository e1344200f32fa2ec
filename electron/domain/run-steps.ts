// Long jobs of the index (restoring or building an index, a graph, the quick switcher) are
// generators that yield between pieces, so the vault can give the thread a turn between them
// (vault.ts, inTurns). A caller with nothing else to do runs one to its end in one go here.

/** Runs a job given in steps to its end; returns what it returns. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
