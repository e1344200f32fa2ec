import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHours, formatPercent, formatRate, formatUsd, roundCents } from './money.ts';

test('cents round half away from zero, despite binary fractions', () => {
  assert.deepEqual([0.125, 1.005, 111.8176, 391.772, -0.125, 0.1 + 0.2].map(roundCents), [0.13, 1.01, 111.82, 391.77, -0.13, 0.3]);
});

test('money, rates, hours and percentages as shown', () => {
  assert.deepEqual([formatUsd(8.8), formatUsd(3708.6336), formatUsd(-281.29)], ['$8.80', '$3,708.63', '−$281.29']);
  assert.deepEqual([0.05, 0.1, 0.922, 3.825, 0.14112, 0.000072].map(formatRate), ['$0.05/h', '$0.10/h', '$0.922/h', '$3.825/h', '$0.14112/h', '$0.00007/h']);
  assert.deepEqual([formatHours(176), formatHours(16.6667), formatHours(1234)], ['176 h', '16.67 h', '1,234 h']);
  assert.deepEqual([formatPercent(0.72), formatPercent(0.933)], ['72%', '93.3%']);
});
