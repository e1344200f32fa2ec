// The part of useApi that decides which answer may be shown, kept free of React so it is tested
// under Node (latest-request.test.ts): a request waits out the debounce, and an answer is handed
// on only when no newer request was made (or the owner went away) since it was asked.

export class LatestRequest<T> {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** Asks `fetch` after `debounceMs` (0: at once) and passes its answer to `deliver` unless a
   *  newer `run` or `cancel` came first. */
  run(fetch: () => Promise<T>, deliver: (answer: T) => void, debounceMs = 0): void {
    const seq = ++this.seq;
    clearTimeout(this.timer);
    const ask = () => {
      void fetch().then(
        (answer) => {
          if (seq === this.seq) deliver(answer);
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
    this.seq++;
    clearTimeout(this.timer);
  }
}
