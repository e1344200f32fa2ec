// A thread of the parse pool (parse-pool.ts): reads and parses the notes it is sent, in batches,
// and posts the parsed notes back. It needs the built bundle (out/parse-worker.cjs): a worker
// thread cannot load TypeScript through tsx on Node 20.
import { parentPort } from 'node:worker_threads';
import { parseNote } from '../notes/parse-note.ts';
import { readNoteFile } from './read-note-file.ts';
import type { ParseBatch, ParsedBatch } from './parse-pool.ts';

const port = parentPort;
if (!port) throw new Error('parse-worker must run as a worker thread');

port.on('message', async (batch: ParseBatch) => {
  const notes: ParsedBatch['notes'] = [];
  for (const { id, abs } of batch.files) {
    const { text, diagnostics } = await readNoteFile(id, abs);
    notes.push(parseNote(id, text, diagnostics));
  }
  port.postMessage({ batch: batch.batch, notes } satisfies ParsedBatch);
});
