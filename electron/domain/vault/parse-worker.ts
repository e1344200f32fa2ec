// A thread of the parse pool (parse-pool.ts): reads and parses the notes it is sent, in batches,
// and posts the parsed notes back, each with its search document encoded (the language encoder
// was a third of the time of indexing a note on the main thread). It reads with blocking calls
// (readNoteFileSync). It needs the built bundle (out/parse-worker.cjs): a worker thread cannot
// load TypeScript through tsx on Node 20.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../notes/parse-note.ts';
import { createEncoder } from '../search/encoder.ts';
import { encodeNote } from '../search/note-document.ts';
import { NoteFields } from '../search/note-fields.ts';
import { type FlexExport, mergeExports } from '../search/flex-merge.ts';
import type { NoteText } from '../search/note-document.ts';
import { readNoteFileSync } from './read-note-file.ts';
import type { IndexedPart, IndexedSome, MergedIndex, ParseBatch, ParsedBatch, PoolRequest } from './parse-pool.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');

const encoder = createEncoder();
/** The search documents of this thread's notes, by number, in the order parsed (ascending). */
const kept: Array<[num: number, doc: NoteText]> = [];

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
    port.postMessage({ part } satisfies IndexedPart);
    return;
  }
  const batch: ParseBatch = msg;
  const notes: ParsedBatch['notes'] = [];
  const encoded: ParsedBatch['encoded'] = [];
  batch.files.forEach(({ id, abs }, k) => {
    const { text, diagnostics } = readNoteFileSync(id, abs);
    const note = parseNote(id, text, diagnostics);
    const doc = encodeNote(note, encoder);
    notes.push(note);
    encoded.push(doc);
    if (batch.keep) kept.push([batch.batch + k + 1, doc.fields]);
  });
  port.postMessage({ batch: batch.batch, notes, encoded } satisfies ParsedBatch);
});
