import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Card } from '../cards/card-types.ts';
import { extractCards } from '../cards/extract-cards.ts';
import { seedNote } from '../cards/fixtures/load-fixtures.ts';
import { dueBucket, dueCounts } from './due-counts.ts';
import type { CardState } from './fsrs-scheduler.ts';
import { replayReviews } from './replay.ts';

const NOW = new Date('2025-03-01T03:00:00Z'); // 12:00 in Seoul
const state = (phase: CardState['phase'], due: string): CardState => ({
  cardId: 'c',
  phase,
  due,
  stability: 1,
  difficulty: 5,
  reps: 1,
  lapses: 0,
  scheduledDays: 1,
  learningSteps: 0,
  lastReview: null,
});

describe('due counts', () => {
  const saved = process.env.TZ;
  before(() => (process.env.TZ = 'Asia/Seoul'));
  after(() => (process.env.TZ = saved));

  const buckets: Array<[string, CardState | undefined, ReturnType<typeof dueBucket>]> = [
    ['no state yet', undefined, 'new'],
    ['learning step passed', state('learning', '2025-03-01T02:59:00Z'), 'learning'],
    ['learning step in 5 minutes: learnt ahead (Anki: 20 min)', state('learning', '2025-03-01T03:05:00Z'), 'learning'],
    ['learning step in 20 minutes', state('learning', '2025-03-01T03:20:00Z'), 'learning'],
    ['learning step in 21 minutes', state('learning', '2025-03-01T03:21:00Z'), null],
    ['relearning due', state('relearning', '2025-03-01T03:00:00Z'), 'learning'],
    ['review due tonight (local day)', state('review', '2025-03-01T14:59:00Z'), 'due'],
    ['review due tomorrow', state('review', '2025-03-01T15:00:00Z'), null],
    ['review overdue', state('review', '2025-02-20T00:00:00Z'), 'due'],
  ];
  for (const [name, s, expected] of buckets) test(`bucket: ${name}`, () => assert.equal(dueBucket(s, NOW), expected));

  test('per deck, a deck counting its sub-tags, the whole vault first', () => {
    const [a, b, c] = [1, 2, 3].map((k): Card => ({ id: `c${k}`, noteId: 'n.md', kind: 'basic', front: `Q${k}`, back: 'A', decks: [], line: k }));
    a.decks = ['service/sagemaker-processing'];
    b.decks = ['service/ec2', 'exam'];
    c.decks = [];
    const states = new Map([['c2', state('review', '2025-02-28T00:00:00Z')]]);
    assert.deepEqual(dueCounts([a, b, c], states, NOW), [
      { deck: '', new: 2, learning: 0, due: 1, unseen: 2, total: 3 },
      { deck: 'exam', new: 0, learning: 0, due: 1, unseen: 0, total: 1 },
      { deck: 'service', new: 1, learning: 0, due: 1, unseen: 1, total: 2 },
      { deck: 'service/ec2', new: 0, learning: 0, due: 1, unseen: 0, total: 1 },
      { deck: 'service/sagemaker-processing', new: 1, learning: 0, due: 0, unseen: 1, total: 1 },
    ]);
  });

  test('the seed: four new cards in service and in each of its tags', () => {
    const cards = extractCards(seedNote()).cards;
    const rows = dueCounts(cards, replayReviews(cards, [], NOW), NOW);
    assert.deepEqual(
      rows.find((r) => r.deck === 'service'),
      { deck: 'service', new: 4, learning: 0, due: 0, unseen: 4, total: 4 },
    );
    assert.equal(rows.length, 1 + 5 + 5);
  });

  test('new counts are capped by the new cards still allowed today', () => {
    const cards = extractCards(seedNote()).cards;
    const states = replayReviews(cards, [], NOW);
    const rows = dueCounts(cards, states, NOW, 2);
    assert.deepEqual(
      rows.find((r) => r.deck === 'service'),
      { deck: 'service', new: 2, learning: 0, due: 0, unseen: 4, total: 4 },
    );
    assert.equal(dueCounts(cards, states, NOW, 0)[0].new, 0);
  });
});
