// The full-text index of a cold open is built a few fields per parse thread (field-split.ts):
// the threads' exports, joined and imported, must be exactly the index built note by note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNote } from '../notes/parse-note.ts';
import { createEncoder } from './encoder.ts';
import { type FieldGroup, type FlexExport, fieldGroups, joinExports, pick } from './field-split.ts';
import { encodeNote, type NoteDocument } from './note-document.ts';
import { NoteFields } from './note-fields.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

async function corpus() {
  const notes = [];
  for (const dir of ['notes', 'e2e/obsidian-vault', 'e2e/search-vault']) {
    for (const f of (await readdir(path.join(ROOT, dir), { recursive: true })).sort()) {
      if (!f.endsWith('.md')) continue;
      notes.push(parseNote(`${dir}/${f}`, await readFile(path.join(ROOT, dir, f), 'utf8')));
    }
  }
  // Words shared among notes, words of one note only, tags nested and shared.
  for (let i = 0; i < 60; i++)
    notes.push(parseNote(`gen/${i}.md`, `---\ntags: [gen/n${i % 7}, shared]\n---\n# Gen ${i}\nword${i % 5} 인스턴스를 비용${i % 3} only${i} spot instance`));
  return notes;
}

const exportOf = (fields: NoteFields): FlexExport => {
  const out: FlexExport = [];
  fields.export((key, data) => void out.push([key, data]));
  return out;
};

test('the fields built apart, one group per thread, import as the index built note by note', async () => {
  const encoder = createEncoder();
  const docs = (await corpus()).map((note) => encodeNote(note, encoder).fields);
  assert.ok(docs.length > 100);
  const make = (only?: FieldGroup) =>
    new NoteFields(
      () => docs.length + 1,
      () => [],
      only,
    );
  const whole = make();
  docs.forEach((doc, i) => whole.add({ id: i + 1, ...doc }));
  const expected = exportOf(whole);
  for (const threads of [1, 2, 3, 8]) {
    const parts = fieldGroups(threads).map((group) => {
      if (!group.length) return [];
      const part = make(group);
      docs.forEach((doc, i) => part.add({ id: i + 1, ...pick(doc, group) } as NoteDocument));
      return exportOf(part);
    });
    const imported = make();
    for (const [key, data] of joinExports(parts)) imported.import(key, data);
    assert.deepStrictEqual(exportOf(imported), expected, `${threads} threads`);
    for (const [field, term] of [
      ['body', 'spot'],
      ['ko', '인스'],
      ['name', 'gen'],
      ['typo', 'instnace'],
    ] as const)
      assert.deepEqual(imported.field(field, term, 50), whole.field(field, term, 50), `${threads} threads, ${field}: ${term}`);
    assert.deepEqual(imported.tagSet(['gen'], 'all'), whole.tagSet(['gen'], 'all'));
  }
});

test('every field and the tag index go to exactly one thread, the costliest apart', () => {
  for (let threads = 1; threads <= 9; threads++) {
    const groups = fieldGroups(threads);
    assert.equal(groups.length, threads);
    assert.deepEqual(groups.flat().sort(), ['body', 'head', 'ko', 'name', 'tags', 'tagtext', 'typo']);
  }
  const [a, b] = fieldGroups(2);
  assert.ok(a.includes('ko') !== b.includes('ko') && a.includes('ko') !== a.includes('typo'), 'the syllable pairs and the typo field apart');
});

test('a key the join does not know, or a field two threads exported, is an error, not a wrong index', () => {
  assert.throws(() => joinExports([[['1.ctx', '[]']]]), /does not know/);
  assert.throws(
    () =>
      joinExports([
        [
          ['ko.1.map', '[]'],
          ['1.reg', '[]'],
        ],
        [
          ['ko.1.map', '[]'],
          ['1.reg', '[]'],
        ],
      ]),
    /same field: ko/,
  );
});
