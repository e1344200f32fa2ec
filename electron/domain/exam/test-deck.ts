// A seeded deck for the exam tests: the same cards and histories on every run.
import type { Card } from '../cards/card-types.ts';
import { createScheduler, newFsrsCard, reviewCard, toCardState, type CardState } from '../reviews/fsrs-scheduler.ts';

// mulberry32: a seeded deck, the same on every run.
export function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const NOW = new Date(2026, 10, 29, 18, 30);

/** 150 cards: 90 never seen, 60 with 1–6 past reviews of random ratings over the last 90 days. */
export function seededDeck(seed = 7): { cards: Card[]; states: Map<string, CardState> } {
  const rand = random(seed);
  const scheduler = createScheduler();
  const cards: Card[] = [];
  const states = new Map<string, CardState>();
  for (let i = 0; i < 150; i++) {
    const id = `card-${i}`;
    cards.push({ id, noteId: `n${i % 12}.md`, kind: 'basic', front: `Q${i}`, back: `A${i}`, decks: ['exam/mla'], line: 1 });
    if (i % 5 >= 2) continue;
    let at = new Date(NOW.getTime() - (30 + rand() * 60) * 86_400_000);
    let card = newFsrsCard(at);
    for (let r = 0, n = 1 + Math.floor(rand() * 6); r < n && at < NOW; r++) {
      card = reviewCard(scheduler, id, card, (1 + Math.floor(rand() * 4)) as 1 | 2 | 3 | 4, at);
      at = new Date(Math.max(card.due.getTime(), at.getTime() + 600_000));
    }
    states.set(id, toCardState(id, card));
  }
  return { cards, states };
}
