// Card state is never stored: it is the replay of every device's log (electron/domain/README.md §3). Merging
// by time, ties broken by device then entry id, makes the order — and so the state — the same
// on every machine whatever order the files were read in.
import type { Card as FsrsCard } from 'ts-fsrs';
import type { Card } from '../cards/card-types.ts';
import type { LogEntry, ReviewEntry } from './review-entry.ts';
import { createScheduler, newFsrsCard, reviewCard, toCardState, type CardState, type SchedulerOptions } from './fsrs-scheduler.ts';
import { fsrsCardFromImported } from './imported-schedule.ts';

/** Entries in replay order, each id once (a log copied between folders counts once). */
export function orderEntries(entries: LogEntry[]): LogEntry[] {
  const byId = new Map<string, LogEntry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  return [...byId.values()].sort(compareEntries);
}

/** Replay order: time, then device, then entry id. */
export function compareEntries(a: LogEntry, b: LogEntry): number {
  return Date.parse(a.at) - Date.parse(b.at) || compare(a.device, b.device) || compare(a.id, b.id);
}

/** The reviews that count: in replay order, without those an undo entry cancelled. */
export function effectiveReviews(entries: LogEntry[]): ReviewEntry[] {
  const ordered = orderEntries(entries);
  const undone = new Set(ordered.flatMap((e) => (e.type === 'undo' ? [e.target] : [])));
  return ordered.filter((e): e is ReviewEntry => e.type === 'review' && !undone.has(e.id));
}

/**
 * The state of each card at `now`. A card's history is its imported SR schedule (if any) and its
 * reviews, in time order; the imported schedule counts as of its last review, so whichever is
 * newer wins. Reviews of cards no longer in the notes are kept in the log but not replayed.
 */
export function replayReviews(cards: Card[], entries: LogEntry[], now: Date, options: SchedulerOptions = {}): Map<string, CardState> {
  const scheduler = createScheduler(options);
  const reviewsByCard = new Map<string, ReviewEntry[]>();
  for (const review of effectiveReviews(entries)) {
    const list = reviewsByCard.get(review.cardId) ?? [];
    list.push(review);
    reviewsByCard.set(review.cardId, list);
  }

  const states = new Map<string, CardState>();
  for (const card of cards) {
    const events: Array<{ at: number; step: (fsrsCard: FsrsCard) => FsrsCard }> = [];
    if (card.imported) {
      const imported = fsrsCardFromImported(card.imported);
      events.push({ at: imported.last_review!.getTime(), step: () => imported });
    }
    for (const review of reviewsByCard.get(card.id) ?? []) {
      const at = new Date(review.at);
      events.push({ at: at.getTime(), step: (c) => reviewCard(scheduler, card.id, c, review.rating, at) });
    }
    // Stable sort: reviews keep their merged order, and an import at the same instant comes first.
    events.sort((a, b) => a.at - b.at);
    const start = newFsrsCard(events.length ? new Date(events[0].at) : now);
    states.set(
      card.id,
      toCardState(
        card.id,
        events.reduce((c, e) => e.step(c), start),
      ),
    );
  }
  return states;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
