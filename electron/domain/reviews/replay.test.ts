import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Card } from '../cards/card-types.ts';
import { extractCards } from '../cards/extract-cards.ts';
import { seedNote } from '../cards/fixtures/load-fixtures.ts';
import { createScheduler, newFsrsCard, reviewCard, toCardState } from './fsrs-scheduler.ts';
import type { LogEntry, Rating, ReviewEntry } from './review-entry.ts';
import { ReviewStore } from './review-store.ts';
import { effectiveReviews, orderEntries, replayReviews } from './replay.ts';

const START = Date.parse('2025-01-01T08:00:00.000Z');
const DAY = 86_400_000;
const NOW = new Date(START + 120 * DAY);
const cards = extractCards(seedNote()).cards;

let serial = 0;
const review = (card: Card, device: string, at: number, rating: Rating): ReviewEntry => ({
  v: 1,
  type: 'review',
  id: `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
  cardId: card.id,
  noteId: card.noteId,
  rating,
  at: new Date(at).toISOString(),
  device,
});

/** A made-up but fixed study history: two devices, 90 days, every seed card (xorshift, fixed seed). */
function history(): LogEntry[] {
  let x = 2463534242;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  const out: LogEntry[] = [];
  for (let day = 0; day < 90; day += 1 + Math.floor(next() * 4)) {
    for (const card of cards) {
      const rating = (1 + Math.min(3, Math.floor(next() * 4.5))) as Rating;
      out.push(review(card, next() < 0.5 ? 'laptop' : 'phone', START + day * DAY + Math.floor(next() * 8 * 3_600_000), rating));
    }
  }
  return out;
}

describe('replayReviews', () => {
  test('replaying the same log twice gives identical states', () => {
    const entries = history();
    assert.deepEqual(replayReviews(cards, entries, NOW), replayReviews(cards, entries, NOW));
  });

  test('the order entries are read in does not matter (files, devices, shuffles)', () => {
    const entries = history();
    const expected = replayReviews(cards, entries, NOW);
    assert.deepEqual(replayReviews(cards, [...entries].reverse(), NOW), expected);
    const byDevice = [...entries.filter((e) => e.device === 'phone'), ...entries.filter((e) => e.device === 'laptop')];
    assert.deepEqual(replayReviews(cards, byDevice, NOW), expected);
  });

  test('a card never reviewed is new and due now; reviews of unknown cards are ignored', () => {
    const stranger = { ...review(cards[0], 'laptop', START, 3), cardId: 'no-such-card' };
    const states = replayReviews(cards, [stranger], NOW);
    assert.equal(states.size, cards.length);
    for (const s of states.values()) assert.deepEqual([s.phase, s.due, s.reps], ['new', NOW.toISOString(), 0]);
  });

  test('an undone review does not count', () => {
    const [card] = cards;
    const kept = review(card, 'laptop', START, 3);
    const undone = review(card, 'laptop', START + DAY, 1);
    const undo: LogEntry = { v: 1, type: 'undo', id: 'u-1', target: undone.id, at: new Date(START + DAY + 1000).toISOString(), device: 'laptop' };
    assert.deepEqual(replayReviews([card], [kept, undone, undo], NOW), replayReviews([card], [kept], NOW));
    assert.deepEqual(effectiveReviews([kept, undone, undo]), [kept]);
  });

  test('same instant: ordered by device, then by id', () => {
    const at = START;
    const b = { ...review(cards[0], 'phone', at, 3), id: 'a-id' };
    const a2 = { ...review(cards[0], 'laptop', at, 3), id: 'z-id' };
    const a1 = { ...review(cards[0], 'laptop', at, 3), id: 'b-id' };
    assert.deepEqual(
      orderEntries([b, a2, a1]).map((e) => e.id),
      ['b-id', 'z-id', 'a-id'],
    );
  });

  test('instants with different offsets compare as instants, not as text', () => {
    const early = { ...review(cards[0], 'x', START, 3), at: '2025-01-01T17:00:00+09:00' }; // 08:00Z
    const late = { ...review(cards[0], 'x', START, 3), at: '2025-01-01T09:00:00Z' };
    assert.deepEqual(
      orderEntries([late, early]).map((e) => e.at),
      [early.at, late.at],
    );
  });
});

describe('replay of imported SR history', () => {
  const base = cards[0];
  const imported: Card = { ...base, imported: { due: '2025-01-20', interval: 10, ease: 250 } };

  test('without reviews, the imported schedule is the state', () => {
    const s = replayReviews([imported], [], NOW).get(base.id)!;
    assert.deepEqual([s.phase, s.due, s.scheduledDays], ['review', '2025-01-20T00:00:00.000Z', 10]);
  });

  test('a review after the imported one builds on it', () => {
    const s = replayReviews([imported], [review(base, 'laptop', Date.parse('2025-01-21T10:00:00Z'), 3)], NOW).get(base.id)!;
    assert.equal(s.phase, 'review');
    assert.equal(s.reps, 2);
    assert.ok(s.scheduledDays > 10);
  });

  test('a review older than the imported schedule is superseded by it', () => {
    const old = review(base, 'laptop', Date.parse('2025-01-02T10:00:00Z'), 1);
    assert.deepEqual(replayReviews([imported], [old], NOW), replayReviews([imported], [], NOW));
  });
});

describe('two device logs on disk', () => {
  test('are merged in time order, whatever file they are in', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'cairn-replay-'));
    const vaultRoot = path.join(root, 'vault');
    mkdirSync(vaultRoot);
    const at = (day: number) => () => new Date(START + day * DAY);
    const open = (device: string, day: number) => ReviewStore.open({ vaultRoot, device, fallbackDir: path.join(root, 'data'), clock: at(day) });
    const [card] = cards;
    const note = { cardId: card.id, noteId: card.noteId };
    // The laptop reviews on days 0 and 9, the phone on days 3 and 6: the files interleave in time.
    await open('laptop', 0).append({ ...note, rating: 3 });
    await open('phone', 3).append({ ...note, rating: 3 });
    await open('phone', 6).append({ ...note, rating: 2 });
    await open('laptop', 9).append({ ...note, rating: 1 });

    const { states, warnings } = await open('laptop', 0).replay([card], NOW);
    assert.deepEqual(warnings, []);

    const scheduler = createScheduler();
    let expected = newFsrsCard(new Date(START));
    for (const [day, rating] of [
      [0, 3],
      [3, 3],
      [6, 2],
      [9, 1],
    ] as const) {
      expected = reviewCard(scheduler, card.id, expected, rating, new Date(START + day * DAY));
    }
    assert.deepEqual(states.get(card.id), toCardState(card.id, expected));
    assert.equal(states.get(card.id)!.lapses, 1);
    rmSync(root, { recursive: true });
  });
});
