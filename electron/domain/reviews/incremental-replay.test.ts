import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Card } from '../cards/card-types.ts';
import { IncrementalReplay } from './incremental-replay.ts';
import type { LogEntry } from './review-entry.ts';
import { effectiveReviews, replayReviews } from './replay.ts';

const NOW = new Date('2025-06-01T00:00:00Z');
const cards: Card[] = ['c0', 'c1', 'c2', 'c3'].map((id, k) => ({ id, noteId: 'n.md', kind: 'basic', front: id, back: 'b', decks: [], line: k + 1 }));
cards[3].imported = { due: '2025-01-20', interval: 10, ease: 250 };

/** A log: reviews of four cards by two devices at any time order, undos of earlier ids, repeated ids. */
const logArb = fc
  .array(
    fc.record({
      undo: fc.boolean(),
      card: fc.integer({ min: 0, max: 3 }),
      minute: fc.integer({ min: 0, max: 60 * 24 * 60 }),
      device: fc.constantFrom('a', 'b'),
      rating: fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>,
      target: fc.nat(),
      dupe: fc.nat(),
    }),
    { maxLength: 40 },
  )
  .map((raw) => {
    const entries: LogEntry[] = [];
    raw.forEach((r, i) => {
      const at = new Date(Date.parse('2025-01-01T00:00:00Z') + r.minute * 60_000).toISOString();
      if (r.dupe % 7 === 0 && entries.length) entries.push(entries[r.dupe % entries.length]);
      else if (r.undo && entries.length) entries.push({ v: 1, type: 'undo', id: `u${i}`, target: entries[r.target % entries.length].id, at, device: r.device });
      else entries.push({ v: 1, type: 'review', id: `r${i}`, cardId: cards[r.card].id, noteId: 'n.md', rating: r.rating, at, device: r.device });
    });
    return entries;
  });

test('fed in any chunks, the incremental replay equals the whole replay', () => {
  fc.assert(
    fc.property(logArb, fc.array(fc.nat(), { maxLength: 5 }), (entries, cuts) => {
      const replay = new IncrementalReplay();
      const points = [...new Set(cuts.map((c) => c % (entries.length + 1)))].sort((a, b) => a - b);
      let from = 0;
      for (const to of [...points, entries.length]) {
        replay.add(entries.slice(from, to));
        from = to;
        // Asking between chunks exercises the cache.
        replay.states(cards, NOW);
      }
      assert.deepEqual(replay.states(cards, NOW), replayReviews(cards, entries, NOW));
      assert.deepEqual(replay.effective(), effectiveReviews(entries));
      // Oracle: each card's first review in effect, compared with the instant.
      const since = Date.parse('2025-02-10T00:00:00Z');
      const first = new Map<string, string>();
      for (const r of effectiveReviews(entries)) if (!first.has(r.cardId)) first.set(r.cardId, r.at);
      assert.equal(replay.startedSince(since), [...first.values()].filter((at) => Date.parse(at) >= since).length);
    }),
    { numRuns: 300 },
  );
});

test('only the card a new review names is folded again', () => {
  const replay = new IncrementalReplay();
  const at = (m: number) => new Date(Date.parse('2025-01-01T00:00:00Z') + m * 60_000).toISOString();
  replay.add([{ v: 1, type: 'review', id: 'a', cardId: 'c0', noteId: 'n.md', rating: 3, at: at(0), device: 'd' }]);
  const first = replay.states(cards, NOW);
  replay.add([{ v: 1, type: 'review', id: 'b', cardId: 'c1', noteId: 'n.md', rating: 3, at: at(5), device: 'd' }]);
  const second = replay.states(cards, NOW);
  assert.equal(second.get('c0'), first.get('c0'), 'same object: not folded again');
  assert.notEqual(second.get('c1'), first.get('c1'));
});
