import { test } from 'node:test';
import assert from 'node:assert/strict';
import { State, type Card as FsrsCard } from 'ts-fsrs';
import { capForExam, curveFor, longestIntervalAbove, retrievabilityAt } from './interval-cap.ts';

const DAY = 86_400_000;
const last = new Date('2026-10-01T09:00:00Z');
const card = (stability: number, dueInDays: number): FsrsCard => ({
  due: new Date(last.getTime() + dueInDays * DAY),
  stability,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: dueInDays,
  learning_steps: 0,
  reps: 4,
  lapses: 0,
  state: State.Review,
  last_review: last,
});

test('a due date past the exam is capped when recall at the exam would fall below the target', () => {
  const curve = curveFor(0.9);
  const exam = new Date(last.getTime() + 60 * DAY);
  const capped = capForExam(curve, card(40, 40 * 1.05), exam, 0.95);
  assert.ok(capped.due < exam);
  const days = (capped.due.getTime() - last.getTime()) / DAY;
  assert.ok(curve.forgetting_curve(days, 40) >= 0.95 && curve.forgetting_curve(days + 1, 40) < 0.95);
});

test('no cap when recall at the exam stays above the target, after the exam, or for a learning card', () => {
  const curve = curveFor(0.9);
  const soon = new Date(last.getTime() + 5 * DAY);
  const c = card(100, 100);
  assert.equal(capForExam(curve, c, soon, 0.9), c);
  assert.equal(capForExam(curve, c, new Date(last.getTime() - DAY), 0.9), c);
  const learning = { ...card(0.5, 0), state: State.Learning };
  assert.equal(capForExam(curve, learning, new Date(last.getTime() + 30 * DAY), 0.9), learning);
  assert.ok(retrievabilityAt(curve, c, soon) > 0.9);
});

test('the longest interval above the target is at least one day', () => {
  const curve = curveFor(0.9);
  assert.equal(longestIntervalAbove(curve, 0.1, 0.99), 1);
  assert.ok(longestIntervalAbove(curve, 10, 0.9) >= 9 && longestIntervalAbove(curve, 10, 0.9) <= 11);
});
