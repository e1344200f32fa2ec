// A thread of the parse pool (parse-pool.ts): reads and parses the notes it is sent, in batches,
// and posts the parsed notes back, each with its search document encoded (the language encoder
// was a third of the time of indexing a note on the main thread). It reads with blocking calls
// (readNoteFileSync). It needs the built bundle (out/parse-worker.cjs): a worker thread cannot
// load TypeScript through tsx on Node 20.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../notes/parse-note.ts';
import { createEncoder } from '../search/encoder.ts';
import { encodeNote } from '../search/note-document.ts';
import { readNoteFileSync } from './read-note-file.ts';
import type { ParseBatch, ParsedBatch } from './parse-pool.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');

const encoder = createEncoder();

port.on('message', (batch: ParseBatch) => {
  const notes: ParsedBatch['notes'] = [];
  const encoded: ParsedBatch['encoded'] = [];
  for (const { id, abs } of batch.files) {
    const { text, diagnostics } = readNoteFileSync(id, abs);
    const note = parseNote(id, text, diagnostics);
    notes.push(note);
    encoded.push(encodeNote(note, encoder));
  }
  port.postMessage({ batch: batch.batch, notes, encoded } satisfies ParsedBatch);
});
