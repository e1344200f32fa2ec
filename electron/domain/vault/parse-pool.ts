// Reads and parses a vault's notes on worker threads, one per core, so a cold index is not bound
// to one core by gray-matter and the note parser. Batches of files go to whichever thread is free;
// the notes come back by structured clone (about a tenth of the cost of parsing them). The threads
// exist only while a pool is parsing: idle, they would only hold memory.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedNote } from '../notes/note-types.ts';
import type { EncodedNote } from '../search/note-document.ts';
import type { VaultFile } from './scan-vault.ts';

export interface ParseBatch {
  batch: number;
  files: Array<{ id: string; abs: string }>;
}

export interface ParsedBatch {
  batch: number;
  notes: ParsedNote[];
  /** Each note's search document (SearchIndex.put takes it). */
  encoded: EncodedNote[];
}

export interface PoolResult {
  notes: ParsedNote[];
  encoded: EncodedNote[];
}

/** Files per message: big enough that messaging costs little, small enough to balance threads. */
const BATCH = 64;

/** Parses the notes of `files` (in their order) on `threads` worker threads running `script`
 *  (the bundle of parse-worker.ts). `onParsed` hears each batch's size as it arrives. */
export async function parseOnPool(
  script: string | URL,
  files: VaultFile[],
  onParsed: (count: number) => void,
  threads = os.availableParallelism(),
): Promise<PoolResult> {
  const out: ParsedNote[] = new Array(files.length);
  const encodedOut: EncodedNote[] = new Array(files.length);
  const batches: ParseBatch[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ batch: i, files: files.slice(i, i + BATCH).map(({ id, abs }) => ({ id, abs })) });
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const send = () => {
        if (next >= batches.length) return resolve();
        worker.postMessage(batches[next++]);
      };
      worker.on('message', ({ batch, notes, encoded }: ParsedBatch) => {
        notes.forEach((n, k) => {
          out[batch + k] = n;
          encodedOut[batch + k] = encoded[k];
        });
        onParsed(notes.length);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (next < batches.length || code !== 0 ? reject(new Error(`a parse thread stopped (exit ${code})`)) : resolve()));
      send();
    });
  const workers = Array.from({ length: Math.max(1, Math.min(threads, batches.length)) }, () => new Worker(script, { execArgv: [] }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { notes: out, encoded: encodedOut };
}
