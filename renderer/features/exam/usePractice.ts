import { useCallback, useEffect, useRef, useState } from 'react';
import type { PracticeTest } from '../../../electron/contract.ts';
import { api } from '../../api.ts';

export type PracticePhase =
  | { phase: 'setup'; error: string | null }
  | { phase: 'running'; test: PracticeTest; index: number; picked: string | null; deadline: number | null }
  | { phase: 'done'; test: PracticeTest; timedOut: boolean };

export interface PracticeOptions {
  deck: string;
  count: number | 'all';
  /** 0: untimed. */
  minutes: number;
}

/**
 * One practice test: start, pick, next, finish. Each answer is logged (as a practice entry that
 * never moves the schedule) when the student moves on; when time runs out the rest are logged
 * unanswered.
 */
export function usePractice() {
  const [state, setState] = useState<PracticePhase>({ phase: 'setup', error: null });
  const [answers, setAnswers] = useState<Record<string, string | null>>({});
  const [logError, setLogError] = useState<string | null>(null);
  const busy = useRef(false);

  const start = useCallback(async (o: PracticeOptions) => {
    const r = await api.practiceTest({ deck: o.deck || undefined, count: o.count });
    if (!r.ok) return setState({ phase: 'setup', error: r.error.message });
    setAnswers({});
    setLogError(null);
    setState({ phase: 'running', test: r.value, index: 0, picked: null, deadline: o.minutes > 0 ? Date.now() + o.minutes * 60_000 : null });
  }, []);

  const log = async (test: PracticeTest, index: number, shown: string | null) => {
    const q = test.questions[index];
    const original = shown ? (q.options.find((o) => o.key === shown)?.original ?? null) : null;
    const r = await api.practiceAnswer({ test: test.id, cardId: q.cardId, picked: original });
    if (!r.ok) setLogError(`Answer not logged: ${r.error.message}`);
  };

  const pick = useCallback((key: string) => {
    setState((s) => (s.phase === 'running' && s.test.questions[s.index].options.some((o) => o.key === key) ? { ...s, picked: key } : s));
  }, []);

  const next = useCallback(async () => {
    if (state.phase !== 'running' || busy.current) return;
    busy.current = true;
    const { test, index, picked } = state;
    await log(test, index, picked);
    setAnswers((a) => ({ ...a, [test.questions[index].cardId]: picked }));
    busy.current = false;
    setState(index + 1 < test.questions.length ? { ...state, index: index + 1, picked: null } : { phase: 'done', test, timedOut: false });
  }, [state]);

  // Time up: the current pick counts, the rest are logged unanswered.
  useEffect(() => {
    if (state.phase !== 'running' || state.deadline === null) return;
    const timer = setTimeout(
      async () => {
        const { test, index, picked } = state;
        for (let i = index; i < test.questions.length; i++) await log(test, i, i === index ? picked : null);
        setAnswers((a) => ({ ...a, [test.questions[index].cardId]: picked }));
        setState({ phase: 'done', test, timedOut: true });
      },
      Math.max(0, state.deadline - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [state]);

  const reset = useCallback(() => setState({ phase: 'setup', error: null }), []);
  return { state, answers, logError, start, pick, next, reset };
}
