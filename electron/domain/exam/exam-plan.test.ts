import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Rating, State } from 'ts-fsrs';
import type { Card } from '../cards/card-types.ts';
import { createScheduler, newFsrsCard, reviewCard, toCardState } from '../reviews/fsrs-scheduler.ts';
import { localDay, startOfLocalDay } from '../reviews/local-day.ts';
import { examMoment, ExamInputError, parseExamDay } from './exam-date.ts';
import { curveFor, retrievabilityAt } from './interval-cap.ts';
import { newQuota, planExam } from './exam-plan.ts';

import { NOW, seededDeck } from './test-deck.ts';

const inDays = (n: number) => localDay(startOfLocalDay(NOW, n));

describe('exam planner', () => {
  for (const days of [14, 60]) {
    test(`an exam in ${days} days: every card introduced, every card at the target on exam day`, () => {
      const { cards, states } = seededDeck();
      const { plan, atExam } = planExam({ deck: 'exam/mla', cards, states, exam: inDays(days), target: 0.9, now: NOW, newLimit: 20 });
      assert.equal(plan.days.length, days + 1);
      assert.equal(plan.days[0].date, localDay(NOW));
      assert.equal(plan.days.at(-1)!.date, inDays(days));
      assert.equal(plan.unseen, 90);
      assert.equal(
        plan.days.reduce((n, d) => n + d.new, 0),
        90,
      );
      assert.equal(atExam.size, 150);
      // Checked here again with ts-fsrs' forgetting curve, independently of the plan's own figure.
      const exam = examMoment(parseExamDay(inDays(days)));
      const recall = [...atExam.values()].map((c) => retrievabilityAt(curveFor(0.9), c, exam));
      assert.ok(Math.min(...recall) >= 0.9, `lowest recall ${Math.min(...recall)}`);
      assert.equal(plan.belowTarget, 0);
      assert.ok(plan.retrievabilityAtExam >= 0.9 && plan.retrievabilityAtExam < 1);
      assert.ok([...atExam.values()].every((c) => c.state !== State.New));
    });
  }

  test('a higher target is reached too, with more reviews than at 0.9', () => {
    const { cards, states } = seededDeck(11);
    const base = planExam({ deck: 'd', cards, states, exam: inDays(30), target: 0.9, now: NOW, newLimit: 20 }).plan;
    const high = planExam({ deck: 'd', cards, states, exam: inDays(30), target: 0.97, now: NOW, newLimit: 20 }).plan;
    const total = (p: typeof base) => p.days.reduce((n, d) => n + d.reviews, 0);
    assert.equal(high.belowTarget, 0);
    assert.ok(high.retrievabilityAtExam >= 0.97);
    assert.ok(total(high) > total(base));
  });

  test('the daily new limit is raised, and the plan says so, when the days left demand it', () => {
    const { cards, states } = seededDeck();
    const short = planExam({ deck: 'd', cards, states, exam: inDays(3), target: 0.9, now: NOW, newLimit: 20 }).plan;
    assert.equal(short.newPerDay, 30); // 90 unseen over the 3 days before the exam
    assert.equal(short.newLimitRaised, true);
    assert.deepEqual(
      short.days.map((d) => d.new),
      [30, 30, 30, 0],
    );
    const long = planExam({ deck: 'd', cards, states, exam: inDays(60), target: 0.9, now: NOW, newLimit: 20 }).plan;
    assert.equal(long.newLimitRaised, false);
    assert.equal(long.newPerDay, 2);
  });

  test('an exam today introduces everything today', () => {
    const { cards, states } = seededDeck();
    const { plan } = planExam({ deck: 'd', cards, states, exam: inDays(0), target: 0.9, now: NOW, newLimit: 20 });
    assert.deepEqual(
      plan.days.map((d) => d.new),
      [90],
    );
  });

  test('a past exam date, a malformed date, a bad target and an empty deck are clear errors', () => {
    const { cards, states } = seededDeck();
    const base = { deck: 'd', cards, states, target: 0.9, now: NOW, newLimit: 20 };
    assert.throws(
      () => planExam({ ...base, exam: inDays(-1) }),
      (e: Error) => e instanceof ExamInputError && /in the past/.test(e.message),
    );
    assert.throws(() => planExam({ ...base, exam: '2026-02-30' }), ExamInputError);
    assert.throws(() => planExam({ ...base, exam: 'soon' }), ExamInputError);
    assert.throws(() => planExam({ ...base, exam: inDays(5), target: 1 }), /between 0 and 1/);
    assert.throws(() => planExam({ ...base, cards: [], exam: inDays(5) }), /has no cards/);
  });

  test('newQuota spreads the rest evenly', () => {
    assert.deepEqual([newQuota(10, 3), newQuota(0, 3), newQuota(5, 0), newQuota(1, 60)], [4, 0, 0, 1]);
  });

  test('a card rated Again today is still planned (its learning steps run today)', () => {
    const scheduler = createScheduler();
    const card = reviewCard(scheduler, 'x', newFsrsCard(NOW), Rating.Again as 1, NOW);
    const cards: Card[] = [{ id: 'x', noteId: 'n.md', kind: 'basic', front: 'q', back: 'a', decks: ['d'], line: 1 }];
    const { plan } = planExam({ deck: 'd', cards, states: new Map([['x', toCardState('x', card)]]), exam: inDays(10), target: 0.9, now: NOW, newLimit: 20 });
    assert.equal(plan.unseen, 0);
    assert.equal(plan.belowTarget, 0);
    assert.equal(plan.days[0].reviews, 1);
  });
});
