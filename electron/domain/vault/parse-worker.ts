// A thread of the parse pool (parse-pool.ts): reads and parses the notes it is sent, in batches,
// and posts the parsed notes back, each with its search document encoded (the language encoder
// was a third of the time of indexing a note on the main thread), or, on a cold open, keeps the
// documents for its part of the full-text index. It reads with blocking calls
// (readNoteFileSync). It needs the built bundle (out/parse-worker.cjs): a worker thread cannot
// load TypeScript through tsx on Node 20.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../notes/parse-note.ts';
import { createEncoder } from '../search/encoder.ts';
import { type EncodedNote, encodeNote, type NoteText } from '../search/note-document.ts';
import { NoteFields } from '../search/note-fields.ts';
import { type FlexExport, mergeExports } from '../search/flex-merge.ts';
import { TermCounter } from '../search/spelling.ts';
import { readNoteFileSync } from './read-note-file.ts';
import { batchOf, type IndexedPart, type IndexedSome, type MergedIndex, type ParseBatch, type PoolRequest } from './parse-pool.ts';
import type { ParsedNote } from '../notes/note-types.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');

const encoder = createEncoder();
/** The search documents of this thread's notes, by number, in the order parsed (ascending). */
const kept: Array<[num: number, doc: NoteText]> = [];
/** Their terms, counted: sent with the part instead of every note's terms with the note (at 10k
 *  notes, 24 MB to copy, and a second on the index thread to take in). */
const terms = new TermCounter();

port.on('message', (msg: PoolRequest) => {
  if ('merge' in msg) {
    // Every thread's part as one export, here rather than on the thread that asked: at 10k notes
    // the merge takes about 0.8 s.
    const merged: FlexExport = mergeExports(msg.merge).map(([key, data]) => [key, JSON.stringify(data)]);
    port.postMessage({ merged } satisfies MergedIndex);
    return;
  }
  if ('index' in msg) {
    // This thread's part of the full-text index, built once every note is read (flex-merge.ts
    // says how the parts become one).
    const fields = new NoteFields(
      () => msg.index,
      () => [],
    );
    let added = 0;
    for (const [num, doc] of kept) {
      fields.add({ id: num, ...doc });
      if (++added % 250 === 0) port.postMessage({ added: 250 } satisfies IndexedSome);
    }
    kept.length = 0;
    const part: FlexExport = [];
    fields.export((key: string, data: string) => void part.push([key, data]));
    port.postMessage({ part, terms: terms.take() } satisfies IndexedPart);
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
