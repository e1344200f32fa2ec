import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { localDay, localDaysBetween, startOfLocalDay } from './local-day.ts';

describe('local days', () => {
  // Node re-reads TZ when it is assigned; Seoul (UTC+9, no DST) makes local and UTC days differ.
  const saved = process.env.TZ;
  before(() => (process.env.TZ = 'Asia/Seoul'));
  after(() => (process.env.TZ = saved));

  test('localDay is the calendar day where the user is', () => {
    assert.equal(localDay(new Date('2025-03-01T20:00:00Z')), '2025-03-02');
    assert.equal(localDay(new Date('2025-03-01T14:59:59Z')), '2025-03-01');
  });

  test('startOfLocalDay with an offset', () => {
    assert.equal(startOfLocalDay(new Date('2025-03-01T20:00:00Z'), 1).toISOString(), '2025-03-02T15:00:00.000Z');
  });

  test('localDaysBetween counts calendar days, not 24-hour spans', () => {
    assert.equal(localDaysBetween(new Date('2025-03-01T14:00:00Z'), new Date('2025-03-01T15:30:00Z')), 1);
    assert.equal(localDaysBetween(new Date('2025-03-05T00:00:00Z'), new Date('2025-03-01T00:00:00Z')), -4);
  });

  test('a daylight-saving day still counts as one day', () => {
    process.env.TZ = 'Europe/Berlin';
    // 2025-03-30 has 23 hours in Berlin.
    assert.equal(localDaysBetween(new Date('2025-03-29T12:00:00Z'), new Date('2025-03-31T12:00:00Z')), 2);
    process.env.TZ = 'Asia/Seoul';
  });
});
