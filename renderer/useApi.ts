// The one way the renderer fetches data (renderer/README.md, "Data"): every view that shows an
// answer of the API goes through useApi and shows its state through <ApiState>.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result, VaultEvent } from '../electron/contract.ts';
import { LatestRequest } from './latest-request.ts';
import { useVaultEvents } from './vault-events.ts';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T }
  /** `last` is the last good value, for views that keep showing it under the error. */
  | { state: 'error'; code: string; message: string; last?: T };

export interface UseApiOptions {
  /** Wait this long after the last change of `deps` before asking (typing, dragging a slider). */
  debounceMs?: number;
  /** false: ask nothing (e.g. an empty search box); an answer in flight is dropped. */
  enabled?: boolean;
  /** Ask again, with the same deps, after a vault event this returns true for. */
  reloadOn?: (e: VaultEvent) => boolean;
}

/**
 * Calls `fetcher` when `deps` change, when `reload()` is called and after matching vault events.
 * Only the answer to the newest request is shown: a late answer for older deps is dropped, and
 * its `signal` aborted — pass it to the API call (`api.x(req, { signal })`) so the transport gives
 * the call up. While a newer request is in flight the last value stays on screen, so the view
 * does not flash.
 */
export function useApi<T>(
  fetcher: (signal: AbortSignal) => Promise<Result<T>>,
  deps: unknown[],
  options: UseApiOptions = {},
): [Loadable<T>, () => void, boolean] {
  const { debounceMs = 0, enabled = true, reloadOn } = options;
  const [data, setData] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  // A newer request than the value shown is on its way (views that keep the old value say so).
  const [pending, setPending] = useState(false);
  const request = useRef(new LatestRequest<Result<T>>());
  const fetching = useRef(fetcher);
  fetching.current = fetcher;
  // The tick of the last request: a new tick is a reload, which asks at once.
  const asked = useRef(-1);

  useEffect(() => {
    const latest = request.current;
    if (!enabled) {
      latest.cancel();
      setPending(false);
      return;
    }
    // A reload (tick) or vault event asks at once; only a change of deps waits out the debounce.
    const delay = asked.current === -1 || asked.current !== tick ? 0 : debounceMs;
    asked.current = tick;
    setPending(true);
    latest.run(
      (signal) => fetching.current(signal).catch(thrown),
      (r) => {
        setPending(false);
        setData((prev) => settle(prev, r));
      },
      delay,
    );
    return () => latest.cancel();
  }, [...deps, tick, enabled]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  useVaultEvents((e) => {
    if (reloadOn?.(e)) reload();
  });
  return [data, reload, pending];
}

function settle<T>(prev: Loadable<T>, r: Result<T>): Loadable<T> {
  if (r.ok) return { state: 'ok', value: r.value };
  const last = prev.state === 'ok' ? prev.value : prev.state === 'error' ? prev.last : undefined;
  return { state: 'error', code: r.error.code, message: r.error.message, last };
}

/** The transports answer every call with a Result; a throw is a bug, shown rather than lost. */
function thrown(err: unknown): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', message: (err as Error)?.message ?? String(err) } };
}
