import type { ReactNode } from 'react';
import type { Loadable } from './useApi.ts';

interface Props<T> {
  value: Loadable<T>;
  /** What is being done, e.g. "Counting cards…"; left out where the view shows nothing meanwhile. */
  loading?: string;
  /** What failed, e.g. "Could not read the decks"; the error's own message follows it. */
  failed: string | ((code: string, message: string) => string);
  /** Shown instead of `children` when `isEmpty(value)`. */
  empty?: ReactNode;
  isEmpty?: (value: T) => boolean;
  /** The content; left out where the caller renders the value itself once it is ok. */
  children?: (value: T) => ReactNode;
}

/** The one view of a fetch's state: a status line while loading, an alert on error (announced to
 *  screen readers), an empty message, or the content. */
export function ApiState<T>({ value, loading, failed, empty, isEmpty, children }: Props<T>) {
  if (value.state === 'loading')
    return loading ? (
      <p className="status" role="status">
        {loading}
      </p>
    ) : null;
  if (value.state === 'error') {
    return (
      <p className="error" role="alert">
        {typeof failed === 'function' ? failed(value.code, value.message) : `${failed}: ${value.message}`}
      </p>
    );
  }
  if (isEmpty?.(value.value)) return <p className="empty">{empty}</p>;
  return <>{children?.(value.value)}</>;
}
