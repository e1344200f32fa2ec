// The part of useApi that decides which answer may be shown, kept free of React so it is tested
// under Node (latest-request.test.ts): a request waits out the debounce, and an answer is handed
// on only when no newer request was made (or the owner went away) since it was asked. A request
// that is no longer wanted is also aborted (its signal), so the transport can give it up: over
// HTTP that frees its connection (CallOptions in electron/contract.ts).

export class LatestRequest<T> {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: AbortController | null = null;

  /** Asks `fetch` after `debounceMs` (0: at once) and passes its answer to `deliver` unless a
   *  newer `run` or `cancel` came first, which also aborts the signal `fetch` was given. */
  run(fetch: (signal: AbortSignal) => Promise<T>, deliver: (answer: T) => void, debounceMs = 0): void {
    this.drop();
    const seq = this.seq;
    const ask = () => {
      const controller = new AbortController();
      this.inFlight = controller;
      void fetch(controller.signal).then(
        (answer) => {
          if (seq !== this.seq) return;
          this.inFlight = null;
          deliver(answer);
        },
        // A transport that throws instead of answering a Result is a bug upstream; the hook turns it
        // into an error value through `fetch` itself, so nothing is lost by ignoring a stale one here.
        () => undefined,
      );
    };
    if (debounceMs > 0) this.timer = setTimeout(ask, debounceMs);
    else ask();
  }

  /** Drops the request in flight (and any waiting out its debounce). */
  cancel(): void {
    this.drop();
  }

  private drop(): void {
    this.seq++;
    clearTimeout(this.timer);
    this.inFlight?.abort();
    this.inFlight = null;
  }
}
