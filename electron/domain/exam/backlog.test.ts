import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CardState } from '../reviews/fsrs-scheduler.ts';
import { localDay, startOfLocalDay } from '../reviews/local-day.ts';
import { backlogOrder, planBacklog, recallNow } from './backlog.ts';

const NOW = new Date(2026, 10, 29, 9);
const DAY = 86_400_000;
const state = (cardId: string, stability: number, lastDaysAgo: number, dueDaysAgo: number): { state: CardState } => ({
  state: {
    cardId,
    phase: 'review',
    stability,
    difficulty: 5,
    reps: 3,
    lapses: 0,
    scheduledDays: lastDaysAgo - dueDaysAgo,
    learningSteps: 0,
    lastReview: new Date(NOW.getTime() - lastDaysAgo * DAY).toISOString(),
    due: new Date(NOW.getTime() - dueDaysAgo * DAY).toISOString(),
  },
});

test('backlog: least retrievable first, then most overdue, then by id', () => {
  const cards = [
    state('fresh', 30, 31, 1), // barely due, strong memory
    state('weak', 2, 12, 10), // a weak card long overdue: lowest recall
    state('mid', 10, 20, 10),
    state('tieB', 10, 20, 10),
    state('older', 10, 20, 12), // same recall as mid, more overdue
  ];
  const order = [...cards].sort((a, b) => backlogOrder(a.state, b.state, NOW)).map((c) => c.state.cardId);
  assert.deepEqual(order, ['weak', 'older', 'mid', 'tieB', 'fresh']);
  assert.ok(recallNow(cards[1].state, NOW) < recallNow(cards[2].state, NOW));
});

test('more due than the limit: the limit today, the rest spread over the next days', () => {
  const many = Array.from({ length: 450 }, (_, i) => state(`c${String(i).padStart(3, '0')}`, 5 + (i % 40), 10 + (i % 50), i % 9));
  const plan = planBacklog(many, NOW, 200);
  assert.equal(plan.today.length, 200);
  assert.equal(plan.moved, 250);
  assert.deepEqual(plan.spread, [
    { date: localDay(startOfLocalDay(NOW, 1)), count: 200 },
    { date: localDay(startOfLocalDay(NOW, 2)), count: 50 },
  ]);
  const todayIds = new Set(plan.today.map((c) => c.state.cardId));
  const moved = many.filter((c) => !todayIds.has(c.state.cardId));
  assert.ok(Math.max(...plan.today.map((c) => recallNow(c.state, NOW))) <= Math.min(...moved.map((c) => recallNow(c.state, NOW))));
});

test('under the limit nothing moves', () => {
  const plan = planBacklog([state('a', 3, 5, 1)], NOW);
  assert.deepEqual([plan.today.length, plan.moved, plan.spread], [1, 0, []]);
});
