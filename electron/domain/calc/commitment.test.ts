import { test } from 'node:test';
import assert from 'node:assert/strict';
import { amortisedRate, breakEven, splitByPayment } from './commitment.ts';

test('amortised rate = hourly + upfront / (8760 × years)', () => {
  assert.equal(amortisedRate(0.1, 876, 1), 0.2);
  assert.equal(amortisedRate(0, 2628, 3), 0.1);
});

test('an effective rate splits into hourly and upfront by payment option, same amortised rate', () => {
  const cases = [
    ['no', 0.3, 0],
    ['partial', 0.15, 0.15 * 8760 * 3],
    ['all', 0, 0.3 * 8760 * 3],
  ] as const;
  for (const [payment, hourly, upfront] of cases) {
    const split = splitByPayment(0.3, 3, payment);
    assert.ok(Math.abs(split.hourly - hourly) < 1e-12 && Math.abs(split.upfront - upfront) < 1e-9, payment);
    assert.ok(Math.abs(amortisedRate(split.hourly, split.upfront, 3) - 0.3) < 1e-12, payment);
  }
});

test('break-even by utilisation: a commitment at (1 − d) of on-demand pays off above (1 − d) of 730 h', () => {
  assert.deepEqual(breakEven(1, 0.36), { utilisation: 0.36, hoursPerMonth: 262.8 });
  const { utilisation, hoursPerMonth } = breakEven(0.504, 0.504 * 0.28);
  assert.ok(Math.abs(utilisation - 0.28) < 1e-12 && Math.abs(hoursPerMonth - 204.4) < 1e-9);
  assert.equal(breakEven(0, 0.1).utilisation, Infinity);
});
