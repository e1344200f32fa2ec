// A study session as Anki runs one (Anki manual, "Studying" and "Deck Options": learning steps,
// "learn ahead limit" 20 minutes). Pure: every action carries the time, so tests drive the clock.
//   - A card answered into a (re)learning step comes back in this session when that step is due.
//   - A learning card that is due goes before the remaining new and review cards.
//   - With nothing else left, a learning card due within LEARN_AHEAD_MS is shown early.
//   - The session is complete only when no card is left and none is due within that window.
import type { SessionCard } from '../../../electron/contract.ts';

export type Rating = 1 | 2 | 3 | 4;
export const LEARN_AHEAD_MS = 20 * 60_000;

export interface Reviewed {
  card: SessionCard;
  rating: Rating;
}

export interface Waiting {
  card: SessionCard;
  /** When its learning step is due (ms). */
  due: number;
}

export interface SessionState {
  status: 'loading' | 'ready' | 'error';
  message: string;
  /** On screen, or null (nothing to show now). */
  current: SessionCard | null;
  /** New and review cards not shown yet, in order. */
  queue: SessionCard[];
  /** Cards in a learning step, waiting for it to be due. */
  learning: Waiting[];
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
  /** The state before each review, for undo (without its own history). */
  history: SessionState[];
  now: number;
}

export type SessionAction =
  | { type: 'loaded'; cards: SessionCard[]; now: number }
  | { type: 'failed-to-load'; message: string }
  | { type: 'reveal' }
  | { type: 'pick'; key: string }
  /** `next` is the card as the host rescheduled it, with the buttons for its next showing. */
  | { type: 'rated'; rating: Rating; next: SessionCard; now: number }
  | { type: 'not-saved'; message: string }
  | { type: 'undone'; now: number }
  | { type: 'undo-failed'; message: string }
  | { type: 'tick'; now: number };

export const START: SessionState = {
  status: 'loading',
  message: '',
  current: null,
  queue: [],
  learning: [],
  revealed: false,
  picked: null,
  failure: null,
  reviewed: [],
  readNext: null,
  startedAt: 0,
  finishedAt: null,
  history: [],
  now: 0,
};

const inLearning = (card: SessionCard) => card.state?.phase === 'learning' || card.state?.phase === 'relearning';

export function sessionReducer(s: SessionState, a: SessionAction): SessionState {
  switch (a.type) {
    case 'loaded': {
      const learning = a.cards.filter(inLearning).map((card) => ({ card, due: Date.parse(card.state!.due) }));
      const queue = a.cards.filter((c) => !inLearning(c));
      return advance({ ...START, status: 'ready', queue, learning, startedAt: a.now, now: a.now });
    }
    case 'failed-to-load':
      return { ...START, status: 'error', message: a.message };
    case 'reveal':
      return s.current && !s.revealed ? { ...s, revealed: true } : s;
    case 'pick': {
      const card = s.current;
      if (!card || s.revealed || card.kind !== 'choice' || !card.options?.some((o) => o.key === a.key)) return s;
      return { ...s, revealed: true, picked: a.key };
    }
    case 'rated': {
      const card = s.current;
      if (!card) return s;
      const { history: _drop, ...before } = s;
      const learning = inLearning(a.next) ? [...s.learning, { card: a.next, due: Date.parse(a.next.state!.due) }] : s.learning;
      return advance({
        ...s,
        current: null,
        learning,
        revealed: false,
        picked: null,
        failure: null,
        reviewed: [...s.reviewed, { card, rating: a.rating }],
        readNext: a.rating === 1 ? card : s.readNext,
        history: [...s.history, { ...before, history: [] }],
        now: a.now,
      });
    }
    case 'not-saved':
      return { ...s, failure: `This review was not saved: ${a.message.replace(/^review not saved:\s*/i, '')}. The card stays here: rate it again to retry.` };
    case 'undone': {
      const previous = s.history.at(-1);
      if (!previous) return s;
      return { ...previous, revealed: false, picked: null, failure: null, history: s.history.slice(0, -1), now: a.now };
    }
    case 'undo-failed':
      return { ...s, failure: a.message };
    case 'tick':
      return advance({ ...s, now: a.now });
  }
}

/**
 * Puts the next card on screen when none is: a due learning card first, then the queue, then —
 * with nothing else to do — a learning card due within the learn-ahead window.
 * A learning card that falls due while a card is on screen is shown next, not in its middle.
 */
function advance(s: SessionState): SessionState {
  if (s.status !== 'ready' || s.current) return s;
  const byDue = [...s.learning].sort((x, y) => x.due - y.due);
  const first = byDue[0];
  let next: SessionState;
  if (first && (first.due <= s.now || (!s.queue.length && first.due <= s.now + LEARN_AHEAD_MS))) {
    next = { ...s, current: first.card, learning: byDue.slice(1) };
  } else if (s.queue.length) {
    next = { ...s, current: s.queue[0], queue: s.queue.slice(1) };
  } else {
    return { ...s, finishedAt: s.finishedAt ?? s.now };
  }
  return { ...next, finishedAt: null };
}

/** Cards still to answer now or within the learn-ahead window, the one on screen included. */
export function cardsLeft(s: SessionState): number {
  return (s.current ? 1 : 0) + s.queue.length + s.learning.filter((w) => w.due <= s.now + LEARN_AHEAD_MS).length;
}

/** Learning cards that will be due later than the window (shown in the summary). */
export function learningLater(s: SessionState): number {
  return s.learning.filter((w) => w.due > s.now + LEARN_AHEAD_MS).length;
}

/** Cards rated Again in this session that came back and were answered again. */
export function relearnedCount(reviewed: Reviewed[]): number {
  const failed = new Set<string>();
  const relearned = new Set<string>();
  for (const r of reviewed) {
    if (failed.has(r.card.id)) relearned.add(r.card.id);
    if (r.rating === 1) failed.add(r.card.id);
  }
  return relearned.size;
}
