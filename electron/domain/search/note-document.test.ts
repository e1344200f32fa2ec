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
