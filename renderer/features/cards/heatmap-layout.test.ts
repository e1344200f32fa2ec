import { test } from 'node:test';
import assert from 'node:assert/strict';
import { heatmapLayout, weekday } from './heatmap-layout.ts';

test('weekday reads the date as a local day', () => {
  const cases: Array<[string, number]> = [
    ['2025-03-01', 6],
    ['2025-03-02', 0],
    ['2024-12-31', 2],
  ];
  for (const [date, want] of cases) assert.equal(weekday(date), want, date);
});

test('days fill week columns from the first day’s weekday', () => {
  const days = ['2025-02-27', '2025-02-28', '2025-03-01', '2025-03-02'].map((date, i) => ({ date, count: i * 2 }));
  const { cells, columns, months } = heatmapLayout(days);
  assert.deepEqual(
    cells.map((c) => [c.col, c.row]),
    [
      [0, 4],
      [0, 5],
      [0, 6],
      [1, 0],
    ],
  );
  assert.equal(columns, 2);
  assert.deepEqual(months, [{ label: 'Mar', col: 0 }]);
  assert.deepEqual(
    cells.map((c) => c.level),
    [0, 2, 3, 4],
  );
});

test('365 days take 53 or 54 columns', () => {
  const start = new Date(2025, 0, 1);
  const days = Array.from({ length: 365 }, (_, i) => {
    const d = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
    return { date: `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`, count: 0 };
  });
  const { columns, cells } = heatmapLayout(days);
  assert.ok(columns === 53 || columns === 54);
  assert.ok(cells.every((c) => c.level === 0));
});
