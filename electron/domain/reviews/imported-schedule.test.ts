import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { State } from 'ts-fsrs';
import { fsrsCardFromImported } from './imported-schedule.ts';

describe('fsrsCardFromImported', () => {
  test('a review card due on the SR date (UTC), last reviewed one interval before', () => {
    const card = fsrsCardFromImported({ due: '2024-01-05', interval: 3, ease: 250 });
    assert.equal(card.state, State.Review);
    assert.equal(card.due.toISOString(), '2024-01-05T00:00:00.000Z');
    assert.equal(card.last_review!.toISOString(), '2024-01-02T00:00:00.000Z');
    assert.equal(card.stability, 3);
    assert.equal(card.scheduled_days, 3);
  });

  test('a higher ease means an easier card (lower difficulty), always within FSRS’ 1–10', () => {
    const difficulty = (ease: number) => fsrsCardFromImported({ due: '2024-01-05', interval: 10, ease }).difficulty;
    const ds = [130, 200, 250, 300, 400].map(difficulty);
    for (let k = 1; k < ds.length; k++) assert.ok(ds[k] <= ds[k - 1], `${ds}`);
    for (const d of [...ds, difficulty(100), difficulty(1000)]) assert.ok(d >= 1 && d <= 10);
  });
});
