// A thread of the parse pool (parse-pool.ts): reads and parses the notes it is sent, in batches,
// and posts the parsed notes back, each with its search document encoded (the language encoder
// was a third of the time of indexing a note on the main thread), or, on a cold open, keeps the
// documents and then builds a few fields of the full-text index over every note
// (field-split.ts). It reads with blocking calls (readNoteFileSync). It needs the built bundle
// (out/parse-worker.cjs): a worker thread cannot load TypeScript through tsx on Node 20.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../notes/parse-note.ts';
import { createEncoder } from '../search/encoder.ts';
import { type EncodedNote, encodeNote, type NoteDocument } from '../search/note-document.ts';
import { NoteFields } from '../search/note-fields.ts';
import { type FlexExport, pick } from '../search/field-split.ts';
import { TermCounter } from '../search/spelling.ts';
import { mappedUtf8, textsOf } from './mapped-bytes.ts';
import { readNoteFileSync } from './read-note-file.ts';
import { batchOf, type IndexedPart, type IndexedSome, type ParseBatch, type PoolRequest, type SharedDoc, type SharedDocs } from './parse-pool.ts';
import type { ParsedNote } from '../notes/note-types.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');

const encoder = createEncoder();
/** The search documents of this thread's notes, by number, in the order parsed (ascending);
 *  after `share`, only the fields this thread builds. */
const kept: SharedDoc[] = [];
/** Their terms, counted: sent with the part instead of every note's terms with the note (at 10k
 *  notes, 24 MB to copy, and a second on the index thread to take in). */
const terms = new TermCounter();

port.on('message', (msg: PoolRequest) => {
  if ('share' in msg) {
    // The other threads' fields of this thread's notes, and this thread's own fields kept.
    const shared = msg.share.map((group, t) =>
      t === msg.self ? null : mappedUtf8([JSON.stringify(kept.map(([num, doc]): SharedDoc => [num, pick(doc, group)]))]),
    );
    for (const entry of kept) entry[1] = pick(entry[1], msg.share[msg.self]);
    port.postMessage(
      { shared } satisfies SharedDocs,
      shared.flatMap((s) => (s ? [s.bytes.buffer as ArrayBuffer] : [])),
    );
    return;
  }
  if ('index' in msg) {
    // This thread's fields of the full-text index over every note, in ascending number, once
    // every note is read (field-split.ts says how the fields become one index).
    const all = kept.concat(...msg.take.map((texts) => JSON.parse(textsOf(texts)[0]) as SharedDoc[])).sort((a, b) => a[0] - b[0]);
    kept.length = 0;
    const part: FlexExport = [];
    if (msg.fields.length) {
      const fields = new NoteFields(
        () => msg.index,
        () => [],
        msg.fields,
      );
      let added = 0;
      for (const [num, doc] of all) {
        fields.add({ id: num, ...doc } as NoteDocument);
        if (++added % 250 === 0) port.postMessage({ added: 250 } satisfies IndexedSome);
      }
      fields.export((key: string, data: string) => void part.push([key, data]));
    }
    const texts = mappedUtf8(part.map(([, data]) => data));
    port.postMessage({ keys: part.map(([key]) => key), texts, terms: terms.take() } satisfies IndexedPart, [texts.bytes.buffer as ArrayBuffer]);
    return;
  }
  const batch: ParseBatch = msg;
  const notes: ParsedNote[] = [];
  const encoded: EncodedNote[] = [];
  batch.files.forEach(({ id, abs }, k) => {
    const { text, diagnostics } = readNoteFileSync(id, abs);
    const note = parseNote(id, text, diagnostics);
    const doc = encodeNote(note, encoder);
    notes.push(note);
    if (batch.keep) {
      const num = batch.batch + k + 1;
      kept.push([num, doc.fields]);
      terms.add(num, doc.terms);
    } else encoded.push(doc);
  });
  port.postMessage(batchOf(batch.batch, notes, batch.keep ? null : encoded));
});
