import assert from 'node:assert/strict';
import { test } from 'node:test';
import { treeKeyAction, typedBy, type TreeRowInfo } from './tree-keys.ts';

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

test('Korean names: a syllable typed, or initial consonants (초성) from keys a Korean input method reports as Process', () => {
  const ko: TreeRowInfo[] = [
    { name: 'aws', level: 1, open: null },
    { name: '세이지메이커-노트북', level: 1, open: null },
    { name: '스팟-인스턴스', level: 1, open: null },
    { name: 'sagemaker', level: 1, open: null },
  ];
  // A key the input method took: t is ㅅ on the 2-set layout, d is ㅇ.
  assert.deepEqual(typedBy('Process', 'KeyT', false), { text: 'ㅅ', latin: 't' });
  assert.deepEqual(typedBy('Process', 'KeyR', true), { text: 'ㄲ', latin: 'R' });
  assert.deepEqual(typedBy('a', 'KeyA', false), { text: 'a', latin: 'a' });
  assert.deepEqual(typedBy('Shift', 'ShiftLeft', true), { text: '', latin: '' });
  assert.deepEqual(treeKeyAction(ko, 0, 'Process', 'ㅅ'), { focus: 1 });
  assert.deepEqual(treeKeyAction(ko, 0, 'Process', 'ㅅㅍ'), { focus: 2 });
  // 세 typed as ㅅ ㅔ ㅇ ㅣ: the vowels are skipped, ㅅㅇ are the initials of 세이지메이커.
  assert.deepEqual(treeKeyAction(ko, 0, 'Process', 'ㅅㅔㅇㅣ'), { focus: 1 });
  assert.deepEqual(treeKeyAction(ko, 0, '세', '세'), { focus: 1 });
  // The input method left on while a Latin name is typed: the keys' letters find it.
  assert.deepEqual(treeKeyAction(ko, 0, 'Process', 'ㄴㅁㅎ', 'sag'), { focus: 3 });
  // A Latin name is never found by the initials of Hangul further in.
  assert.deepEqual(treeKeyAction([{ name: 'aws 세이지', level: 1, open: null }], 0, 'Process', 'ㅅ'), null);
});
