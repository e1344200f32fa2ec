// After missed days more reviews can be due than a day's limit. As FSRS helpers for Anki advise,
// the cards most at risk go first: least retrievable now (ts-fsrs' forgetting curve), then the
// most overdue; the rest wait for the next days, at most `limit` a day.
import type { CardState } from '../reviews/fsrs-scheduler.ts';
import { localDay, startOfLocalDay } from '../reviews/local-day.ts';
import { curveFor } from './interval-cap.ts';

export const DEFAULT_REVIEW_LIMIT = 200;
const DAY = 86_400_000;

export interface BacklogPlan<T> {
  /** Reviews to do today, in the order to do them. */
  today: T[];
  /** Due reviews moved to the next days. */
  moved: number;
  /** The moved reviews per following day. */
  spread: Array<{ date: string; count: number }>;
}

const curve = curveFor(0.9);

/** Predicted recall of a review card now (1 when never reviewed). */
export function recallNow(state: CardState, now: Date): number {
  if (!state.lastReview || state.stability <= 0) return 1;
  return curve.forgetting_curve(Math.max(0, (now.getTime() - Date.parse(state.lastReview)) / DAY), state.stability);
}

/** Most at risk first: lower recall, then longer overdue, then card id (a stable order). */
export function backlogOrder(a: CardState, b: CardState, now: Date): number {
  return recallNow(a, now) - recallNow(b, now) || Date.parse(a.due) - Date.parse(b.due) || (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0);
}

export function planBacklog<T extends { state: CardState }>(due: T[], now: Date, limit = DEFAULT_REVIEW_LIMIT): BacklogPlan<T> {
  const ordered = [...due].sort((a, b) => backlogOrder(a.state, b.state, now));
  const today = ordered.slice(0, Math.max(0, limit));
  const moved = ordered.length - today.length;
  const spread: BacklogPlan<T>['spread'] = [];
  for (let rest = moved, day = 1; rest > 0 && limit > 0; rest -= limit, day++) {
    spread.push({ date: localDay(startOfLocalDay(now, day)), count: Math.min(limit, rest) });
  }
  return { today, moved, spread };
}
