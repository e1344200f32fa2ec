import type { CardState } from './fsrs-scheduler.ts';
import type { ReviewEntry } from './review-entry.ts';
import { localDay, localDaysBetween, startOfLocalDay } from './local-day.ts';

export interface DayCount {
  /** Local calendar day, `YYYY-MM-DD`. */
  date: string;
  count: number;
}

export interface Retention {
  /** Reviews counted: every review of a card except its first. */
  reviews: number;
  /** Of those, the ones not rated Again. */
  retained: number;
  /** retained / reviews; null before any card was seen twice. */
  rate: number | null;
}

/** Reviews per local day over the last `days` days (today last); `reviews` are the effective ones (replay.ts). */
export function reviewHeatmap(reviews: readonly ReviewEntry[], now: Date, days = 365): DayCount[] {
  const out = dayRange(now, -(days - 1), days);
  for (const review of reviews) {
    const index = days - 1 + localDaysBetween(now, new Date(review.at));
    if (index >= 0 && index < days) out[index].count++;
  }
  return out;
}

/**
 * Share of reviews not rated Again, over cards past their first review: the first sight of a new
 * card measures nothing learnt yet, so it is left out.
 */
export function retention(effective: readonly ReviewEntry[]): Retention {
  const seen = new Set<string>();
  let reviews = 0;
  let retained = 0;
  for (const review of effective) {
    if (!seen.has(review.cardId)) {
      seen.add(review.cardId);
      continue;
    }
    reviews++;
    if (review.rating !== 1) retained++;
  }
  return { reviews, retained, rate: reviews ? retained / reviews : null };
}

/** Cards falling due on each of the next `days` local days; overdue cards count today. New cards are not scheduled. */
export function dueForecast(states: Iterable<CardState>, now: Date, days = 30): DayCount[] {
  const out = dayRange(now, 0, days);
  for (const state of states) {
    if (state.phase === 'new') continue;
    const index = Math.max(0, localDaysBetween(now, new Date(state.due)));
    if (index < days) out[index].count++;
  }
  return out;
}

function dayRange(now: Date, firstOffset: number, days: number): DayCount[] {
  return Array.from({ length: days }, (_, k) => ({ date: localDay(startOfLocalDay(now, firstOffset + k)), count: 0 }));
}
