import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserRow } from '../../../electron/contract.ts';
import { DEFAULT_FILTER, filterRows } from './browser-filter.ts';

const NOW = new Date(2026, 10, 29, 10);
const row = (id: string, over: Partial<BrowserRow>): BrowserRow => ({
  id,
  noteId: `${id}.md`,
  noteTitle: id,
  line: 1,
  heading: null,
  kind: 'basic',
  front: id,
  decks: [],
  phase: 'new',
  due: null,
  reps: 0,
  lapses: 0,
  suspended: false,
  practiced: 0,
  ...over,
});
const rows = [
  row('spot', { front: 'Spot 인스턴스를 쓰면?', decks: ['instance/spot'], phase: 'review', due: new Date(2026, 10, 28).toISOString(), lapses: 2 }),
  row('savings', { front: 'Savings Plans', decks: ['service/savings-plans'], phase: 'review', due: new Date(2026, 11, 3).toISOString() }),
  row('glue', { front: 'AWS Glue', decks: ['service/aws-glue'], phase: 'learning', due: new Date(2026, 10, 29, 11).toISOString() }),
  row('s3', { front: 'S3 classes', noteTitle: 'storage', decks: ['service/s3'], suspended: true }),
];
const ids = (f: Partial<typeof DEFAULT_FILTER>) => filterRows(rows, { ...DEFAULT_FILTER, ...f }, NOW).map((r) => r.id);

test('search, deck, state, due and note filters', () => {
  assert.deepEqual(ids({ text: '인스턴스를' }), ['spot']);
  assert.deepEqual(ids({ text: 'SAVINGS plans' }), ['savings']);
  assert.deepEqual(ids({ deck: 'service' }), ['glue', 'savings', 's3']);
  assert.deepEqual(ids({ state: 'suspended' }), ['s3']);
  assert.deepEqual(ids({ state: 'learning' }), ['glue']);
  assert.deepEqual(ids({ due: 'overdue' }), ['spot']);
  assert.deepEqual(ids({ due: 'today' }), ['glue', 'spot']);
  assert.deepEqual(ids({ due: 'week' }), ['glue', 'savings', 'spot']);
  assert.deepEqual(ids({ note: 'STOR' }), ['s3']);
});

test('sort by any column, both ways', () => {
  assert.deepEqual(ids({ sort: 'due' }), ['spot', 'glue', 'savings', 's3']);
  assert.deepEqual(ids({ sort: 'lapses', descending: true }).slice(0, 1), ['spot']);
  assert.deepEqual(ids({ sort: 'front' }), ['glue', 's3', 'savings', 'spot']);
});
