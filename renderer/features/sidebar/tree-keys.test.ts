import assert from 'node:assert/strict';
import { test } from 'node:test';
import { treeKeyAction, type TreeRowInfo } from './tree-keys.ts';

// aws/ (open) > cost/ (closed), budgets, savings ; data/ (closed) ; readme
const rows: TreeRowInfo[] = [
  { name: 'aws', level: 1, open: true },
  { name: 'cost', level: 2, open: false },
  { name: 'budgets', level: 2, open: null },
  { name: 'savings', level: 2, open: null },
  { name: 'data', level: 1, open: false },
  { name: 'readme', level: 1, open: null },
];

test('arrows, Home and End walk the visible rows', () => {
  const cases: Array<[number, string, unknown]> = [
    [0, 'ArrowDown', { focus: 1 }],
    [5, 'ArrowDown', { focus: 5 }],
    [0, 'ArrowUp', { focus: 0 }],
    [3, 'Home', { focus: 0 }],
    [1, 'End', { focus: 5 }],
    [1, 'ArrowRight', { toggle: 1 }], // closed folder opens
    [0, 'ArrowRight', { focus: 1 }], // open folder: first child
    [2, 'ArrowRight', null], // a note
    [0, 'ArrowLeft', { toggle: 0 }], // open folder closes
    [3, 'ArrowLeft', { focus: 0 }], // child goes to its parent
    [5, 'ArrowLeft', null], // top-level leaf
    [3, 'Enter', { activate: 3 }],
  ];
  for (const [at, key, want] of cases) assert.deepEqual(treeKeyAction(rows, at, key), want, `${key} at ${at}`);
});

test('type-ahead jumps to the next name starting with the letters, wrapping', () => {
  assert.deepEqual(treeKeyAction(rows, 0, 'd', 'd'), { focus: 4 });
  assert.deepEqual(treeKeyAction(rows, 4, 'b', 'b'), { focus: 2 });
  assert.deepEqual(treeKeyAction(rows, 0, 'a', 's'), { focus: 3 });
  assert.deepEqual(treeKeyAction(rows, 0, 'v', 'sav'), { focus: 3 });
  assert.deepEqual(treeKeyAction(rows, 0, 'x', 'x'), null);
  assert.deepEqual(treeKeyAction([], 0, 'ArrowDown'), null);
});
