// The full-text index of a cold open is built in parts on the parse threads and merged
// (flex-merge.ts): the merge must give exactly the export of one index built note by note.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNote } from '../notes/parse-note.ts';
import { createEncoder } from './encoder.ts';
import { type FlexExport, mergeExports } from './flex-merge.ts';
import { encodeNote } from './note-document.ts';
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
  // Words shared across parts, words of one note only, tags nested and shared.
  for (let i = 0; i < 60; i++)
    notes.push(parseNote(`gen/${i}.md`, `---\ntags: [gen/n${i % 7}, shared]\n---\n# Gen ${i}\nword${i % 5} 인스턴스를 비용${i % 3} only${i} spot instance`));
  return notes;
}

const exportOf = (fields: NoteFields): FlexExport => {
  const out: FlexExport = [];
  fields.export((key, data) => void out.push([key, data]));
  return out;
};

test('exports of parts, each with its notes in ascending number, merge into the export of the whole', async () => {
  const encoder = createEncoder();
  const docs = (await corpus()).map((note) => encodeNote(note, encoder).fields);
  assert.ok(docs.length > 100);
  const make = () =>
    new NoteFields(
      () => docs.length + 1,
      () => [],
    );
  const whole = make();
  docs.forEach((doc, i) => whole.add({ id: i + 1, ...doc }));
  // Three parts, batches of 4 in turn (as the pool's threads take them).
  const parts = [make(), make(), make()];
  docs.forEach((doc, i) => parts[Math.floor(i / 4) % 3].add({ id: i + 1, ...doc }));
  const merged = mergeExports(parts.map(exportOf));
  // The whole index's export, each kind's chunks put together.
  const expected = mergeExports([exportOf(whole)]);
  assert.deepEqual(
    merged.map(([key]) => key),
    expected.map(([key]) => key),
  );
  assert.deepStrictEqual(merged, expected);
  // Imported, it answers as the whole does.
  const imported = make();
  for (const [key, data] of merged) imported.import(key, data as string);
  for (const [field, term] of [
    ['body', 'spot'],
    ['ko', '인스'],
    ['name', 'gen'],
    ['typo', 'instnace'],
  ] as const)
    assert.deepEqual(imported.field(field, term, 50), whole.field(field, term, 50), `${field}: ${term}`);
});

test('a key the merge does not know is an error, not a wrong index', () => {
  assert.throws(() => mergeExports([[['1.ctx', '[]']]]), /does not know/);
});
