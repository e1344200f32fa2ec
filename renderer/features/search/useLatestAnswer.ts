import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result } from '../../../electron/contract.ts';

export interface Answer<T> {
  /** The text this answer is for. */
  text: string;
  result: Result<T>;
}

/**
 * Asks `ask` for `text` as it changes (after `delayMs`), and keeps only the answer for the
 * latest text: an answer that arrives late for an older text is dropped, so what is shown is
 * never stale. `answerFor(text)` gives the answer for exactly `text` — the one in hand when it
 * is for that text, else a fresh one — so Enter can act on what is in the box when it is pressed,
 * even right after a paste, before the answer for it has come. A new `refresh` value (a vault
 * event) asks again for the same text.
 */
export function useLatestAnswer<T>(text: string, ask: (text: string) => Promise<Result<T>>, delayMs: number, refresh?: unknown) {
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const latest = useRef(text);
  latest.current = text;
  const asking = useRef(ask);
  asking.current = ask;

  useEffect(() => {
    if (!text.trim()) {
      setAnswer(null);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      void asking.current(text).then((result) => {
        if (live && latest.current === text) setAnswer({ text, result });
      });
    }, delayMs);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [text, delayMs, refresh]);

  const answerFor = useCallback(
    (t: string): Promise<Result<T>> => (answer?.text === t ? Promise.resolve(answer.result) : asking.current(t)),
    [answer],
  );
  /** Whether the answer in hand is for the text in the box. */
  const current = answer !== null && answer.text === text;
  return { answer, current, answerFor };
}
