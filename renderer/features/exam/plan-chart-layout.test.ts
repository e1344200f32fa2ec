import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planBars } from './plan-chart-layout.ts';

test('bars stack new cards on reviews, the tallest day reaching the top', () => {
  const { bars, base, max } = planBars([
    { date: '2026-12-01', reviews: 0, new: 10 },
    { date: '2026-12-02', reviews: 15, new: 5 },
    { date: '2026-12-03', reviews: 4, new: 0 },
  ]);
  assert.equal(max, 20);
  assert.equal(bars.length, 3);
  assert.ok(bars[0].x < bars[1].x && bars[1].x < bars[2].x);
  assert.equal(bars[1].reviewsY + bars[1].reviewsH, base);
  assert.equal(bars[1].newY + bars[1].newH, bars[1].reviewsY);
  assert.equal(bars[1].newY, 12);
  assert.equal(bars[2].newH, 0);
  assert.equal(planBars([]).bars.length, 0);
});
