import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { useApi } from '../../useApi.ts';
import { cardsLeft, learningLater, sessionReducer, START, type Rating } from './session-reducer.ts';

export type { Rating, Reviewed } from './session-reducer.ts';

/** How often the session looks whether a learning card has fallen due (a step is a minute or more). */
const TICK_MS = 15_000;

/**
 * One study session on `deck` ('' = the whole vault): the host calls around the pure reducer
 * (session-reducer.ts), which decides which card comes next and when the session is complete.
 */
export function useReviewSession(deck: string) {
  const [state, dispatch] = useReducer(sessionReducer, START);
  const [round, setRound] = useState(0);
  const [saving, setSaving] = useState(false);
  const latest = useRef(state);
  latest.current = state;
  // A ref, not state: two key presses in one frame must not send two reviews of one card.
  const busy = useRef(false);

  const [loaded] = useApi((signal) => api.cardSession({ deck: deck || undefined }, { signal }), [deck, round]);
  useEffect(() => {
    if (loaded.state === 'ok') dispatch({ type: 'loaded', cards: loaded.value, now: Date.now() });
    else if (loaded.state === 'error') dispatch({ type: 'failed-to-load', message: loaded.message });
  }, [loaded]);

  // Learning cards waiting for their step: look again now and then, and when the window regains focus.
  const waiting = state.learning.length > 0;
  useEffect(() => {
    if (!waiting) return;
    const tick = () => dispatch({ type: 'tick', now: Date.now() });
    const timer = setInterval(tick, TICK_MS);
    window.addEventListener('focus', tick);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', tick);
    };
  }, [waiting]);

  const reveal = useCallback(() => dispatch({ type: 'reveal' }), []);
  const pick = useCallback((key: string) => dispatch({ type: 'pick', key }), []);

  const rate = useCallback(async (rating: Rating) => {
    const card = latest.current.current;
    if (!card || !latest.current.revealed || busy.current) return;
    busy.current = true;
    setSaving(true);
    // Reviews are never lost (electron/domain/README.md §3): move on only once the host says the line is on disk.
    const r = await api.reviewCard({ cardId: card.id, rating });
    busy.current = false;
    setSaving(false);
    dispatch(r.ok ? { type: 'rated', rating, next: r.value.card, now: Date.now() } : { type: 'not-saved', message: r.error.message });
  }, []);

  const undo = useCallback(async () => {
    const last = latest.current.reviewed.at(-1);
    if (!last || busy.current) return;
    busy.current = true;
    setSaving(true);
    const r = await api.undoReview({ cardId: last.card.id });
    busy.current = false;
    setSaving(false);
    if (!r.ok) dispatch({ type: 'undo-failed', message: `Undo failed: ${r.error.message}` });
    // null: the log no longer holds that review (undone elsewhere); the session cannot go back.
    else if (!r.value.undone) dispatch({ type: 'undo-failed', message: 'Nothing to undo: that review is no longer in the log.' });
    else dispatch({ type: 'undone', now: Date.now() });
  }, []);

  const restart = useCallback(() => setRound((n) => n + 1), []);

  return { ...state, card: state.current, left: cardsLeft(state), later: learningLater(state), saving, reveal, pick, rate, undo, restart };
}
