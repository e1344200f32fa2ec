// A note's search document is the same whatever was encoded just before it (FlexSearch's encoder
// keeps a cache of stems for 50 ms windows, and its dedupe skips a stem taken from that cache).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNote } from '../notes/parse-note.ts';
import { createEncoder } from './encoder.ts';
import { encodeNote } from './note-document.ts';

test('a document has each term once, with or without the encoder cache warm', () => {
  const note = parseNote('k.md', '# 인스턴스를 멈추기\n인스턴스를 멈추면 인스턴스가 쉰다. instances instance Instances.');
  const encoder = createEncoder();
  // The first encode fills the term cache; the second, in the same window, reads from it.
  const first = encodeNote(note, encoder).fields;
  const second = encodeNote(note, encoder).fields;
  assert.deepEqual(second, first);
  for (const field of ['name', 'head', 'body', 'ko', 'typo'] as const) {
    const terms = String(first[field]).split(' ').filter(Boolean);
    if (field !== 'ko') assert.deepEqual(terms, [...new Set(terms)], `${field} holds a term twice: ${first[field]}`);
  }
  // A fresh encoder (cold cache) makes the same document.
  assert.deepEqual(encodeNote(note, createEncoder()).fields, first);
});

test('a stem that equals a word dropped earlier in the note is kept whether or not the cache is warm', () => {
  // From a generated 10k vault: `것은` is a stop word, dropped; `것은에는` stems to `것은` (then
  // `것`). FlexSearch's `encode(text, true)` remembers `것은` as seen before its filter, so with a
  // cold cache it dropped the stem, and with a warm one (the stem read from its cache) it kept it.
  // Two cold indexes of one vault differed in this way, by which notes a thread encoded first.
  const note = parseNote('s.md', '옵션 건의만 추가는 것은 제어할 못한다.\n두면 할당은 것은에는 인스턴스 않는다.');
  const fresh = encodeNote(note, createEncoder());
  const warmed = createEncoder();
  encodeNote(note, warmed);
  assert.deepEqual(encodeNote(note, warmed), fresh);
  assert.ok(fresh.terms.includes('것'), `terms: ${fresh.terms.join(' ')}`);
});
