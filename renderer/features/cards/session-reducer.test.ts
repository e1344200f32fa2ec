import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SessionCard } from '../../../electron/contract.ts';
import { cardsLeft, learningLater, relearnedCount, sessionReducer, START, type SessionAction, type SessionState } from './session-reducer.ts';

const T0 = Date.parse('2026-11-29T10:00:00Z');
const MIN = 60_000;

function card(id: string, phase: 'new' | 'learning' | 'review' | 'relearning' = 'new', dueMs = T0): SessionCard {
  return {
    id,
    noteId: 'n.md',
    kind: 'basic',
    front: id,
    back: 'b',
    decks: [],
    line: 1,
    noteTitle: 'n',
    buttons: [],
    state:
      phase === 'new'
        ? null
        : {
            cardId: id,
            phase,
            due: new Date(dueMs).toISOString(),
            stability: 1,
            difficulty: 5,
            reps: 1,
            lapses: 0,
            scheduledDays: 0,
            learningSteps: 0,
            lastReview: null,
          },
  };
}

const run = (s: SessionState, ...actions: SessionAction[]) => actions.reduce(sessionReducer, s);
const load = (cards: SessionCard[], now = T0) => run(START, { type: 'loaded', cards, now });
/** Reveal, then rate the card on screen; the host answers with `next`. */
const answer = (s: SessionState, rating: 1 | 2 | 3 | 4, next: SessionCard, now: number) => run(s, { type: 'reveal' }, { type: 'rated', rating, next, now });

test('a card rated Again comes back once its step is due, before the session completes', () => {
  let s = load([card('a'), card('b'), card('c')]);
  assert.equal(s.current?.id, 'a');
  s = answer(s, 1, card('a', 'learning', T0 + 1 * MIN), T0);
  assert.equal(s.current?.id, 'b');
  assert.equal(cardsLeft(s), 3);
  // Two minutes later its step is due: it goes before the rest of the queue.
  s = answer(s, 3, card('b', 'review', T0 + 3 * 86_400_000), T0 + 2 * MIN);
  assert.equal(s.current?.id, 'a');
  s = answer(s, 3, card('a', 'review', T0 + 86_400_000), T0 + 3 * MIN);
  assert.equal(s.current?.id, 'c');
  s = answer(s, 4, card('c', 'review', T0 + 5 * 86_400_000), T0 + 4 * MIN);
  assert.equal(s.current, null);
  assert.equal(s.finishedAt, T0 + 4 * MIN);
  assert.equal(relearnedCount(s.reviewed), 1);
  assert.deepEqual(
    s.reviewed.map((r) => [r.card.id, r.rating]),
    [
      ['a', 1],
      ['b', 3],
      ['a', 3],
      ['c', 4],
    ],
  );
});

test('relearned: cards rated Again that came back and were answered again', () => {
  const r = (id: string, rating: 1 | 2 | 3 | 4) => ({ card: card(id), rating });
  assert.equal(relearnedCount([r('a', 1), r('b', 3), r('b', 3), r('a', 1), r('a', 3), r('c', 1)]), 1);
  assert.equal(relearnedCount([r('a', 3), r('a', 3)]), 0);
});

test('with nothing else left, a learning card due within 20 minutes is shown early', () => {
  let s = load([card('a')]);
  s = answer(s, 2, card('a', 'learning', T0 + 6 * MIN), T0);
  assert.equal(s.current?.id, 'a', 'Hard while learning: back at once, learning ahead');
  assert.equal(s.finishedAt, null);
});

test('"complete" only when nothing is due within the window; later steps are counted apart', () => {
  let s = load([card('a')]);
  s = answer(s, 1, card('a', 'relearning', T0 + 25 * MIN), T0);
  assert.equal(s.current, null);
  assert.equal(s.finishedAt, T0);
  assert.equal(cardsLeft(s), 0);
  assert.equal(learningLater(s), 1);
  // Six minutes on, the step is inside the window: a tick brings the card back.
  s = run(s, { type: 'tick', now: T0 + 6 * MIN });
  assert.equal(s.current?.id, 'a');
  assert.equal(s.finishedAt, null);
});

test('a due learning card waits for the card on screen to be answered', () => {
  let s = load([card('a'), card('b')]);
  s = answer(s, 1, card('a', 'learning', T0 + MIN), T0);
  assert.equal(s.current?.id, 'b');
  s = run(s, { type: 'tick', now: T0 + 5 * MIN });
  assert.equal(s.current?.id, 'b');
});

test('learning cards from an earlier session are queued by their due time', () => {
  const s = load([card('late', 'learning', T0 + 10 * MIN), card('now', 'learning', T0 - MIN), card('new')]);
  assert.equal(s.current?.id, 'now');
  const next = answer(s, 3, card('now', 'review', T0 + 86_400_000), T0);
  assert.equal(next.current?.id, 'new', 'a learning card not yet due waits for the queue');
  const last = answer(next, 3, card('new', 'review', T0 + 86_400_000), T0);
  assert.equal(last.current?.id, 'late', 'then learns ahead');
});

test('undo puts back the state before the last review, card on screen, answer hidden', () => {
  let s = load([card('a'), card('b')]);
  s = answer(s, 1, card('a', 'learning', T0 + MIN), T0);
  s = run(s, { type: 'undone', now: T0 + 1000 });
  assert.equal(s.current?.id, 'a');
  assert.equal(s.revealed, false);
  assert.deepEqual(s.learning, []);
  assert.deepEqual(
    s.queue.map((c) => c.id),
    ['b'],
  );
  assert.equal(s.reviewed.length, 0);
  assert.equal(s.readNext, null);
  assert.equal(run(s, { type: 'undone', now: T0 }), s, 'nothing left to undo');
});

test('a review that was not saved keeps the card on screen', () => {
  let s = load([card('a')]);
  s = run(s, { type: 'reveal' }, { type: 'not-saved', message: 'review not saved: ENOSPC' });
  assert.equal(s.current?.id, 'a');
  assert.equal(s.revealed, true);
  assert.match(s.failure!, /^This review was not saved: ENOSPC\./);
});

test('rating needs a card; pick only answers a choice card with a real option', () => {
  const empty = load([]);
  assert.equal(empty.finishedAt, T0);
  assert.equal(run(empty, { type: 'rated', rating: 3, next: card('x'), now: T0 }), empty);
  const s = load([card('a')]);
  assert.equal(run(s, { type: 'pick', key: 'A' }), s);
});
