import { test } from 'node:test';
import assert from 'node:assert/strict';
import { folderOf, isComposing, nameQuery, repeatedTitles } from './search-keys.ts';

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

test('while the full text is indexed, names are searched for the words and phrases, never for a filter', () => {
  assert.equal(nameQuery('sagemaker 비용'), 'sagemaker 비용');
  assert.equal(nameQuery('"Savings Plan" spot'), 'Savings Plan  spot');
  assert.equal(nameQuery('"unclosed phrase'), 'unclosed phrase');
  // A filter by tag or an exclusion cannot be answered by names: none are shown.
  for (const q of ['tag:service 비용', 'TAG:service', '#exam/saa', 'spot -gpu', '-"on demand" spot', '-tag:x y']) assert.equal(nameQuery(q), null, q);
  // A hyphen inside a word is no exclusion.
  assert.equal(nameQuery('is-an-the'), 'is-an-the');
  assert.equal(nameQuery('  '), null);
  assert.equal(nameQuery('""'), null);
});
