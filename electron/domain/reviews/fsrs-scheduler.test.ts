import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createScheduler, formatInterval, newFsrsCard, reviewCard, scheduleOptions, toCardState, type CardState } from './fsrs-scheduler.ts';
import type { Rating } from './review-entry.ts';

const NOW = new Date('2025-03-01T09:00:00.000Z');
const DAY = 86_400_000;

/** The state of `cardId` after Good reviews on each of `days` (offsets from NOW), then `last` if given. */
function reviewedOn(cardId: string, days: number[], retention?: number, last?: [number, Rating]): CardState {
  const scheduler = createScheduler({ retention });
  const history: Array<[number, Rating]> = [...days.map((d): [number, Rating] => [d, 3]), ...(last ? [last] : [])];
  let card = newFsrsCard(NOW);
  for (const [d, rating] of history) card = reviewCard(scheduler, cardId, card, rating, new Date(NOW.getTime() + d * DAY));
  return toCardState(cardId, card);
}

describe('scheduleOptions', () => {
  test('a new card: four buttons, Again < Hard < Good < Easy, labelled like Anki', () => {
    const options = scheduleOptions(toCardState('c1', newFsrsCard(NOW)), NOW);
    assert.deepEqual(
      options.map((o) => [o.rating, o.label]),
      [
        [1, 'Again'],
        [2, 'Hard'],
        [3, 'Good'],
        [4, 'Easy'],
      ],
    );
    const dues = options.map((o) => Date.parse(o.due));
    assert.ok(dues[0] < dues[1] && dues[1] < dues[2] && dues[2] < dues[3]);
    // ts-fsrs default learning steps are 1m and 10m; Easy graduates to days.
    assert.deepEqual(
      options.slice(0, 3).map((o) => o.interval),
      ['1m', '6m', '10m'],
    );
    assert.match(options[3].interval, /^\d+d$/);
  });

  test('what a button shows is what pressing it that day records', () => {
    const state = reviewedOn('c1', [0, 1, 4]);
    const shown = scheduleOptions(state, new Date(NOW.getTime() + 12 * DAY));
    const delay = 3 * 60_000;
    for (const option of shown) {
      const recorded = reviewedOn('c1', [0, 1, 4], undefined, [12 + delay / DAY, option.rating]);
      assert.equal(recorded.due, new Date(Date.parse(option.due) + delay).toISOString(), option.label);
    }
  });

  test('a lower retention target gives longer intervals', () => {
    const strict = reviewedOn('c1', [0, 1, 5, 15], 0.95);
    const relaxed = reviewedOn('c1', [0, 1, 5, 15], 0.8);
    assert.ok(relaxed.scheduledDays > strict.scheduledDays, `${relaxed.scheduledDays} > ${strict.scheduledDays}`);
  });

  test('retention outside (0, 1) is refused', () => {
    assert.throws(() => createScheduler({ retention: 1.2 }), RangeError);
  });

  test('fuzz is on and seeded per card: same history, different cards, not all the same interval', () => {
    const days = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => reviewedOn(id, [0, 1, 5, 20, 60]).scheduledDays);
    assert.ok(new Set(days).size > 1, `intervals ${days}`);
    assert.deepEqual(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => reviewedOn(id, [0, 1, 5, 20, 60]).scheduledDays),
      days,
    );
  });
});

describe('formatInterval', () => {
  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const cases: Array<[number, string]> = [
    [0, '1m'],
    [10, '10m'],
    [59, '59m'],
    [60, '1h'],
    [23 * 60, '23h'],
    [24 * 60, '1d'],
    [4 * 24 * 60, '4d'],
    [45 * 24 * 60, '1.5mo'],
    [400 * 24 * 60, '1.1y'],
  ];
  for (const [minutes, expected] of cases) test(`${minutes} min → ${expected}`, () => assert.equal(formatInterval(NOW, at(minutes)), expected));
});
