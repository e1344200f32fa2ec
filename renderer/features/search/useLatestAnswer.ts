import { useCallback } from 'react';
import type { Result } from '../../../electron/contract.ts';
import { useApi } from '../../useApi.ts';
import { isContentChange } from '../../vault-events.ts';

export interface Answer<T> {
  /** The text this answer is for. */
  text: string;
  result: Result<T>;
}

/**
 * The search boxes' use of useApi: asks `ask` for `text` as it changes (after `delayMs`); useApi
 * drops an answer that arrives late for an older text, so what is shown is never stale, and asks
 * again after a vault event (a deleted note leaves the results); `ask` is given the signal that
 * aborts a call no longer wanted (useApi). Each answer carries the text it
 * is for, and `answerFor(text)` gives the answer for exactly `text` — the one in hand when it is
 * for that text, else a fresh one — so Enter acts on what is in the box when it is pressed, even
 * right after a paste, before the answer for it has come.
 */
export function useLatestAnswer<T>(text: string, ask: (text: string, signal?: AbortSignal) => Promise<Result<T>>, delayMs: number) {
  const enabled = text.trim() !== '';
  // The Result goes inside the value, so an error for a text is an answer for that text too.
  // A new `ask` (the search panel's asks for more hits) asks again.
  const [loaded] = useApi<Answer<T>>(async (signal) => ({ ok: true, value: { text, result: await ask(text, signal) } }), [text, ask], {
    debounceMs: delayMs,
    enabled,
    reloadOn: isContentChange,
  });
  const answer = enabled && loaded.state === 'ok' ? loaded.value : null;

  const answerFor = useCallback((t: string): Promise<Result<T>> => (answer?.text === t ? Promise.resolve(answer.result) : ask(t)), [answer, ask]);
  /** Whether the answer in hand is for the text in the box. */
  const current = answer !== null && answer.text === text;
  return { answer, current, answerFor };
}
