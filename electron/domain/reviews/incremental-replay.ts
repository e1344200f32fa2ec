// The replay of replay.ts, kept up to date entry by entry: each card's reviews are held in replay
// order, and only the cards whose history changed are folded again. Appending a review costs the
// fold of that one card; the result equals replayReviews over the whole log (tested).
import type { Card } from '../cards/card-types.ts';
import type { LogEntry, ReviewEntry } from './review-entry.ts';
import { createScheduler, newFsrsCard, reviewCard, toCardState, type CardState, type SchedulerOptions } from './fsrs-scheduler.ts';
import { fsrsCardFromImported } from './imported-schedule.ts';
import { compareEntries } from './replay.ts';
import type { Card as FsrsCard } from 'ts-fsrs';
import type { FSRS } from 'ts-fsrs';

interface Folded {
  /** The imported schedule the state was folded with (a note edit can change it). */
  imported: string;
  version: number;
  state: CardState;
}

export class IncrementalReplay {
  private readonly seen = new Set<string>();
  private readonly reviewsByCard = new Map<string, ReviewEntry[]>();
  private readonly reviewById = new Map<string, ReviewEntry>();
  private readonly undone = new Set<string>();
  private readonly version = new Map<string, number>();
  private readonly folded = new Map<string, Folded>();
  private readonly scheduler: FSRS;
  private ordered: ReviewEntry[] | null = null;

  constructor(options: SchedulerOptions = {}) {
    this.scheduler = createScheduler(options);
  }

  /** Takes in new entries (an id already seen counts once, as in replay.ts). */
  add(entries: Iterable<LogEntry>): void {
    for (const e of entries) {
      if (this.seen.has(e.id)) continue;
      this.seen.add(e.id);
      if (e.type === 'review') {
        this.reviewById.set(e.id, e);
        insertInOrder(this.reviewsByCard, e);
        this.touch(e.cardId);
        // The common case, a new review after all others, keeps the ordered list; else re-sort later.
        const last = this.ordered?.at(-1);
        if (this.ordered && !this.undone.has(e.id) && (!last || compareEntries(last, e) <= 0)) this.ordered.push(e);
        else if (!this.undone.has(e.id)) this.ordered = null;
      } else if (e.type === 'undo') {
        // Practice and suspend entries never reach the schedule (review-entry.ts).
        this.undone.add(e.target);
        const target = this.reviewById.get(e.target);
        if (target) {
          this.touch(target.cardId);
          if (this.ordered) this.ordered = this.ordered.filter((r) => r.id !== e.target);
        }
      }
    }
  }

  /** The state of each card at `now`; cards without history are new, due `now`. */
  states(cards: Card[], now: Date): Map<string, CardState> {
    const states = new Map<string, CardState>();
    for (const card of cards) {
      const reviews = this.reviewsByCard.get(card.id);
      if (!reviews && !card.imported) {
        states.set(card.id, toCardState(card.id, newFsrsCard(now)));
        continue;
      }
      const imported = card.imported ? `${card.imported.due},${card.imported.interval},${card.imported.ease}` : '';
      const version = this.version.get(card.id) ?? 0;
      let f = this.folded.get(card.id);
      if (!f || f.version !== version || f.imported !== imported) {
        f = { imported, version, state: this.fold(card, reviews ?? [], now) };
        this.folded.set(card.id, f);
      }
      states.set(card.id, f.state);
    }
    return states;
  }

  /** The reviews that count, in replay order (undone ones left out). Do not modify. */
  effective(): readonly ReviewEntry[] {
    this.ordered ??= [...this.reviewById.values()].filter((r) => !this.undone.has(r.id)).sort(compareEntries);
    return this.ordered;
  }

  /**
   * Cards with reviews in effect that are not in `known` (their note or card is gone): the log
   * keeps their history, and it applies again if the card comes back.
   */
  orphans(known: Set<string>): Array<{ cardId: string; noteId: string; reviews: number; lastReview: string }> {
    const out = [];
    for (const [cardId, reviews] of this.reviewsByCard) {
      if (known.has(cardId)) continue;
      const kept = reviews.filter((r) => !this.undone.has(r.id));
      if (kept.length) out.push({ cardId, noteId: kept.at(-1)!.noteId, reviews: kept.length, lastReview: kept.at(-1)!.at });
    }
    return out.sort((a, b) => a.noteId.localeCompare(b.noteId) || a.cardId.localeCompare(b.cardId));
  }

  /**
   * Cards whose first review in effect is at or after `since` (ms): new cards started since then.
   * Looks only at the reviews since then (the ordered list is by time), not the whole log.
   */
  startedSince(since: number): number {
    const reviews = this.effective();
    let lo = 0;
    let hi = reviews.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Date.parse(reviews[mid].at) < since) lo = mid + 1;
      else hi = mid;
    }
    const candidates = new Set<string>();
    for (let i = lo; i < reviews.length; i++) candidates.add(reviews[i].cardId);
    let started = 0;
    for (const id of candidates) {
      const first = this.reviewsByCard.get(id)?.find((r) => !this.undone.has(r.id));
      if (first && Date.parse(first.at) >= since) started++;
    }
    return started;
  }

  private touch(cardId: string): void {
    this.version.set(cardId, (this.version.get(cardId) ?? 0) + 1);
  }

  private fold(card: Card, reviews: ReviewEntry[], now: Date): CardState {
    // As replayReviews: the imported schedule counts as of its last review; a stable sort keeps
    // reviews in their merged order and an import at the same instant first.
    const events: Array<{ at: number; step: (c: FsrsCard) => FsrsCard }> = [];
    if (card.imported) {
      const imported = fsrsCardFromImported(card.imported);
      events.push({ at: imported.last_review!.getTime(), step: () => imported });
    }
    for (const review of reviews) {
      if (this.undone.has(review.id)) continue;
      const at = new Date(review.at);
      events.push({ at: at.getTime(), step: (c) => reviewCard(this.scheduler, card.id, c, review.rating, at) });
    }
    events.sort((a, b) => a.at - b.at);
    const start = newFsrsCard(events.length ? new Date(events[0].at) : now);
    return toCardState(
      card.id,
      events.reduce((c, e) => e.step(c), start),
    );
  }
}

/** Appends `e` to its card's list, or inserts it in replay order when it is older (another device's). */
function insertInOrder(byCard: Map<string, ReviewEntry[]>, e: ReviewEntry): void {
  let list = byCard.get(e.cardId);
  if (!list) byCard.set(e.cardId, (list = []));
  let i = list.length;
  while (i > 0 && compareEntries(list[i - 1], e) > 0) i--;
  list.splice(i, 0, e);
}
