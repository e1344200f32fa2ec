import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nestTags, tagRows } from './tag-rows.ts';
import { treeKeyAction } from './tree-keys.ts';

const tags = [
  { tag: 'service/sagemaker/processing', count: 2 },
  { tag: 'moc', count: 1 },
  { tag: 'service', count: 6 },
  { tag: 'service/sagemaker', count: 4 },
  { tag: 'service/ec2', count: 2 },
];

test('nested tags sit under their parent; a closed tag hides its nested tags', () => {
  const roots = nestTags(tags);
  assert.deepEqual(
    tagRows(roots, new Set()).map((r) => [r.path, r.level, r.open]),
    [
      ['moc', 1, null],
      ['service', 1, false],
    ],
  );
  assert.deepEqual(
    tagRows(roots, new Set(['service', 'service/sagemaker'])).map((r) => [r.name, r.level, r.open, r.count]),
    [
      ['moc', 1, null, 1],
      ['service', 1, true, 6],
      ['ec2', 2, null, 2],
      ['sagemaker', 2, true, 4],
      ['processing', 3, null, 2],
    ],
  );
});

test("the tree's keys work on tag rows: → opens, → again enters, ← goes to the parent, type-ahead by name", () => {
  const roots = nestTags(tags);
  const closed = tagRows(roots, new Set());
  assert.deepEqual(treeKeyAction(closed, 1, 'ArrowRight'), { toggle: 1 });
  const open = tagRows(roots, new Set(['service']));
  assert.deepEqual(treeKeyAction(open, 1, 'ArrowRight'), { focus: 2 });
  assert.deepEqual(treeKeyAction(open, 3, 'ArrowLeft'), { focus: 1 });
  assert.deepEqual(treeKeyAction(open, 1, 'ArrowLeft'), { toggle: 1 });
  assert.deepEqual(treeKeyAction(open, 0, 's', 's'), { focus: 1 });
  assert.deepEqual(treeKeyAction(open, 1, 's', 's'), { focus: 3 });
  assert.deepEqual(treeKeyAction(open, 3, 'Enter'), { activate: 3 });
});
