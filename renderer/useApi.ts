import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../electron/contract.ts';

export type Loadable<T> =
  | { state: 'loading' }
  | { state: 'ok'; value: T }
  | { state: 'error'; code: string; message: string };

/**
 * Calls `fetcher` when `deps` change and whenever `reload()` is called; keeps showing the last
 * value while a reload is in flight so the view does not flash.
 */
export function useApi<T>(fetcher: () => Promise<Result<T>>, deps: unknown[]): [Loadable<T>, () => void] {
  const [data, setData] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let live = true;
    fetcher().then((r) => {
      if (!live) return;
      setData(r.ok ? { state: 'ok', value: r.value } : { state: 'error', code: r.error.code, message: r.error.message });
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return [data, reload];
}
