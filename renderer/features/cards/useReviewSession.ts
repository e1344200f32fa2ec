import { useCallback, useEffect, useRef, useState } from 'react';
import type { SessionCard } from '../../../electron/contract.ts';
import { api } from '../../api.ts';

export type Rating = 1 | 2 | 3 | 4;

export interface Reviewed {
  card: SessionCard;
  rating: Rating;
}

interface State {
  status: 'loading' | 'ready' | 'error';
  message: string;
  /** Cards still to answer; the one on screen is first. */
  queue: SessionCard[];
  revealed: boolean;
  /** Option key chosen on a choice card (null: revealed without picking). */
  picked: string | null;
  /** Why the last review or undo was not recorded; the card stays on screen. */
  failure: string | null;
  reviewed: Reviewed[];
  /** The last card rated Again, whose note's links are offered as "Read next". */
  readNext: SessionCard | null;
  startedAt: number;
  finishedAt: number | null;
}

const START: State = { status: 'loading', message: '', queue: [], revealed: false, picked: null, failure: null, reviewed: [], readNext: null, startedAt: 0, finishedAt: null };

/** One study session on `deck` ('' = the whole vault). */
export function useReviewSession(deck: string) {
  const [state, setState] = useState<State>(START);
  const [round, setRound] = useState(0);
  const [saving, setSaving] = useState(false);
  const latest = useRef(state);
  latest.current = state;
  // A ref, not state: two key presses in one frame must not send two reviews of one card.
  const busy = useRef(false);

  useEffect(() => {
    let live = true;
    setState(START);
    void api.cardSession({ deck: deck || undefined }).then((r) => {
      if (!live) return;
      const now = Date.now();
      setState(r.ok ? { ...START, status: 'ready', queue: r.value, startedAt: now, finishedAt: r.value.length ? null : now } : { ...START, status: 'error', message: r.error.message });
    });
    return () => {
      live = false;
    };
  }, [deck, round]);

  const reveal = useCallback(() => setState((s) => (s.queue.length && !s.revealed ? { ...s, revealed: true } : s)), []);

  const pick = useCallback(
    (key: string) =>
      setState((s) => {
        const card = s.queue[0];
        if (!card || s.revealed || card.kind !== 'choice' || !card.options?.some((o) => o.key === key)) return s;
        return { ...s, revealed: true, picked: key };
      }),
    [],
  );

  const rate = useCallback(async (rating: Rating) => {
    const card = latest.current.queue[0];
    if (!card || !latest.current.revealed || busy.current) return;
    busy.current = true;
    setSaving(true);
    // Reviews are never lost (electron/domain/README.md §3): move on only once the host says the line is on disk.
    const r = await api.reviewCard({ cardId: card.id, rating });
    busy.current = false;
    setSaving(false);
    setState((s) => {
      // The host's message already starts "review not saved"; say it once.
      if (!r.ok) return { ...s, failure: `This review was not saved: ${r.error.message.replace(/^review not saved:\s*/i, '')}. The card stays here: rate it again to retry.` };
      const queue = s.queue.slice(1);
      return {
        ...s,
        queue,
        revealed: false,
        picked: null,
        failure: null,
        reviewed: [...s.reviewed, { card, rating }],
        readNext: rating === 1 ? card : s.readNext,
        finishedAt: queue.length ? null : Date.now(),
      };
    });
  }, []);

  const undo = useCallback(async () => {
    const last = latest.current.reviewed.at(-1);
    if (!last || busy.current) return;
    busy.current = true;
    setSaving(true);
    const r = await api.undoReview({ cardId: last.card.id });
    busy.current = false;
    setSaving(false);
    setState((s) => {
      if (!r.ok) return { ...s, failure: `Undo failed: ${r.error.message}` };
      const reviewed = s.reviewed.slice(0, -1);
      // null: the log no longer holds that review (undone elsewhere); drop it here too.
      if (!r.value.undone) return { ...s, reviewed, failure: 'Nothing to undo: that review is no longer in the log.' };
      return {
        ...s,
        queue: [last.card, ...s.queue],
        revealed: false,
        picked: null,
        failure: null,
        reviewed,
        readNext: s.readNext?.id === last.card.id ? null : s.readNext,
        finishedAt: null,
      };
    });
  }, []);

  const restart = useCallback(() => setRound((n) => n + 1), []);

  return { ...state, card: state.queue[0] ?? null, saving, reveal, pick, rate, undo, restart };
}
