import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { CardState } from './fsrs-scheduler.ts';
import type { LogEntry, Rating } from './review-entry.ts';
import { effectiveReviews } from './replay.ts';
import { dueForecast, retention, reviewHeatmap } from './review-stats.ts';

let serial = 0;
const review = (cardId: string, at: string, rating: Rating): LogEntry => ({
  v: 1,
  type: 'review',
  id: `r${++serial}`,
  cardId,
  noteId: 'n.md',
  rating,
  at,
  device: 'laptop',
});
const NOW = new Date('2025-03-01T03:00:00Z'); // 12:00 on 1 March in Seoul

describe('review stats', () => {
  const saved = process.env.TZ;
  before(() => (process.env.TZ = 'Asia/Seoul'));
  after(() => (process.env.TZ = saved));

  test('heatmap: 365 local days ending today, undone reviews left out', () => {
    const late = review('c1', '2025-02-28T16:00:00Z', 3); // 1 March 01:00 local
    const entries = [
      review('c1', '2025-02-28T14:00:00Z', 3), // 28 Feb 23:00 local
      late,
      review('c2', '2025-03-01T02:00:00Z', 1),
      review('c3', '2024-03-01T02:00:00Z', 3), // 366 days ago: outside
      { v: 1, type: 'undo', id: 'u1', target: late.id, at: '2025-03-01T02:30:00Z', device: 'laptop' } as LogEntry,
    ];
    const map = reviewHeatmap(effectiveReviews(entries), NOW);
    assert.equal(map.length, 365);
    assert.equal(map[0].date, '2024-03-02');
    assert.deepEqual(map.at(-1), { date: '2025-03-01', count: 1 });
    assert.deepEqual(map.at(-2), { date: '2025-02-28', count: 1 });
    assert.equal(
      map.reduce((n, d) => n + d.count, 0),
      2,
    );
  });

  test('retention: reviews not rated Again, over cards past their first review', () => {
    const entries = [
      review('c1', '2025-01-01T00:00:00Z', 1), // first sight: not counted
      review('c1', '2025-01-02T00:00:00Z', 3),
      review('c1', '2025-01-05T00:00:00Z', 1),
      review('c2', '2025-01-01T00:00:00Z', 4), // first sight
      review('c2', '2025-01-09T00:00:00Z', 2),
    ];
    assert.deepEqual(retention(effectiveReviews(entries)), { reviews: 3, retained: 2, rate: 2 / 3 });
    assert.deepEqual(retention([]), { reviews: 0, retained: 0, rate: null });
  });

  test('forecast: next 30 local days, overdue counted today, new cards not scheduled', () => {
    const s = (phase: CardState['phase'], due: string) => ({ phase, due }) as CardState;
    const forecast = dueForecast(
      [
        s('review', '2025-02-20T00:00:00Z'),
        s('review', '2025-03-01T14:00:00Z'),
        s('review', '2025-03-01T15:30:00Z'),
        s('new', '2025-03-01T03:00:00Z'),
        s('review', '2025-04-15T00:00:00Z'),
      ],
      NOW,
    );
    assert.equal(forecast.length, 30);
    assert.deepEqual(forecast.slice(0, 2), [
      { date: '2025-03-01', count: 2 },
      { date: '2025-03-02', count: 1 },
    ]);
    assert.equal(
      forecast.reduce((n, d) => n + d.count, 0),
      3,
    );
  });
});
