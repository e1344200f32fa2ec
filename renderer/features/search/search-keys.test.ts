import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderOf, isComposing, repeatedTitles } from './search-keys.ts';

const key = (isComposing: boolean, keyCode: number) => ({ nativeEvent: { isComposing } as KeyboardEvent, keyCode });

test('an Enter that ends an IME composition is told apart from one that opens a note', () => {
  assert.equal(isComposing(key(true, 13)), true, 'isComposing (the standard flag)');
  assert.equal(isComposing(key(false, 229)), true, 'keyCode 229 (Chromium and Safari while an IME holds the key)');
  assert.equal(isComposing(key(false, 13)), false);
});

test('titles that repeat are found, and a note id gives its folder', () => {
  const hits = [{ title: 'index' }, { title: 'a' }, { title: 'index' }, { title: 'b' }, { title: 'a' }];
  assert.deepEqual([...repeatedTitles(hits)].sort(), ['a', 'index']);
  assert.deepEqual(repeatedTitles([{ title: 'x' }]), new Set());
  assert.equal(folderOf('aws/cost/sagemaker-savings-plans.md'), 'aws/cost');
  assert.equal(folderOf('root.md'), '');
});
