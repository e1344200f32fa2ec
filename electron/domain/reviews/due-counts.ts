import type { Card } from '../cards/card-types.ts';
import { decksWithAncestors } from '../cards/decks.ts';
import type { CardState } from './fsrs-scheduler.ts';
import { startOfLocalDay } from './local-day.ts';

export interface DeckCounts {
  /** Deck (tag) key; `''` is the whole vault. */
  deck: string;
  new: number;
  /** (Re)learning cards whose step is due now or within the learn-ahead window. */
  learning: number;
  /** Review cards due today. */
  due: number;
  /** New cards not seen yet, before the daily limit (`new` is what is left of it today). */
  unseen: number;
  total: number;
}

type Bucket = 'new' | 'learning' | 'due' | null;

/** Anki's "learn ahead limit": a learning step due within 20 minutes counts (and is studied) now. */
export const LEARN_AHEAD_MS = 20 * 60_000;

/**
 * As in Anki, learning steps are due to the minute and review cards by the day: a review card
 * falling due later today is counted now. A card with no state yet is new.
 */
export function dueBucket(state: CardState | undefined, now: Date): Bucket {
  if (!state || state.phase === 'new') return 'new';
  const due = Date.parse(state.due);
  if (state.phase === 'review') return due < startOfLocalDay(now, 1).getTime() ? 'due' : null;
  return due <= now.getTime() + LEARN_AHEAD_MS ? 'learning' : null;
}

/**
 * Counts per deck — a deck includes its sub-tags — sorted by deck, the whole vault first. As in
 * Anki, `new` is capped by the new cards still allowed today (`newLeft`, unlimited by default).
 */
export function dueCounts(cards: Card[], states: Map<string, CardState>, now: Date, newLeft = Infinity): DeckCounts[] {
  const rows = new Map<string, DeckCounts>();
  const row = (deck: string) => {
    let r = rows.get(deck);
    if (!r) rows.set(deck, (r = { deck, new: 0, learning: 0, due: 0, unseen: 0, total: 0 }));
    return r;
  };
  row('');
  for (const card of cards) {
    const bucket = dueBucket(states.get(card.id), now);
    for (const deck of ['', ...decksWithAncestors(card.decks)]) {
      const r = row(deck);
      r.total++;
      if (bucket === 'new') r.unseen++;
      else if (bucket) r[bucket]++;
    }
  }
  for (const r of rows.values()) r.new = Math.min(r.unseen, Math.max(0, newLeft));
  return [...rows.values()].sort((a, b) => (a.deck < b.deck ? -1 : a.deck > b.deck ? 1 : 0));
}
