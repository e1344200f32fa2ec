// Reads and parses a vault's notes on worker threads, one per core, so a cold index is not bound
// to one core by gray-matter and the note parser. Batches of files go to whichever thread is free;
// the notes come back by structured clone (about a tenth of the cost of parsing them). The threads
// exist only while a pool is parsing: idle, they would only hold memory.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParsedNote } from '../notes/note-types.ts';
import { isJsonExact } from '../notes/json-exact.ts';
import type { EncodedNote } from '../search/note-document.ts';
import { type FieldGroup, type FlexExport, fieldGroups, joinExports } from '../search/field-split.ts';
import type { NoteText } from '../search/note-document.ts';
import type { TermCounts } from '../search/spelling.ts';
import { type MappedTexts, textsOf } from './mapped-bytes.ts';
import type { VaultFile } from './scan-vault.ts';

export interface ParseBatch {
  /** Where the batch starts in the files: a note's number in the full-text index is its place + 1. */
  batch: number;
  files: Array<{ id: string; abs: string }>;
  /** Whether the thread keeps the search documents for its part of the index (`index`), and
   *  counts their terms, instead of sending them back. */
  keep: boolean;
}

/** A note's search document for the fields a thread builds, by its number. */
export type SharedDoc = [num: number, doc: Partial<NoteText>];

/** What a thread is sent: a batch; once every batch is parsed, `share`: send the other threads
 *  the fields of its notes they build (`groups`, by thread; it is thread `self`); then `index`:
 *  with the other threads' notes for its fields (`take`), build and export its fields of the
 *  full-text index (`index` is the highest note number + 1). field-split.ts says why by field. */
export type PoolRequest = ParseBatch | { share: FieldGroup[]; self: number } | { index: number; fields: FieldGroup; take: MappedTexts[] };

/** A thread's answer to `share`: for each thread, the fields it builds of this thread's notes,
 *  as the UTF-8 of their JSON (SharedDoc[]; null for itself). The bytes are moved, not copied:
 *  the index thread only hands them on. Copied as objects through it, they left the process
 *  4 MB larger after a cold start at 10k notes, and as bytes from malloc 10-15 MB (malloc keeps
 *  much of what a thread frees: mapped-bytes.ts). */
export interface SharedDocs {
  shared: Array<MappedTexts | null>;
}

/** A thread's part of the full-text index: FlexSearch's export of its fields (its keys, and their
 *  texts moved as bytes: by structured clone they left 16 MB in the thread's malloc arena,
 *  mapped-bytes.ts), and the terms of the notes it parsed counted (for the spelling vocabulary). */
export interface IndexedPart {
  keys: string[];
  texts: MappedTexts;
  terms: TermCounts;
}

/** A thread has added this many more notes to its fields (for the progress shown). */
export interface IndexedSome {
  added: number;
}

export interface ParsedBatch {
  batch: number;
  /** The batch's notes as JSON (json-exact.ts says why), 0 in place of a note whose frontmatter
   *  JSON would change: those are in `exact`, in order. */
  notes: string;
  exact: ParsedNote[];
  /** Each note's search document (SearchIndex.put takes it); null when the thread keeps them
   *  (`keep`). */
  encoded: EncodedNote[] | null;
}

/** The full-text index the threads built: their exports joined, and each thread's term counts. */
export interface BuiltIndex {
  flex: FlexExport;
  terms: TermCounts[];
}

export interface PoolResult {
  notes: ParsedNote[];
  /** Each note's search document; null with `index` (the threads index them themselves). */
  encoded: EncodedNote[] | null;
  /** With `index`: the full-text index, built by the threads a few fields each after the notes
   *  are returned (the threads stop then; rejects if one fails). */
  index: Promise<BuiltIndex> | null;
}

/** Files per message: big enough that messaging costs little, small enough to balance threads. */
const BATCH = 64;
/** Batches a thread holds at once: the next is waiting when it posts one, so it does not sit
 *  idle while the thread that takes the notes is busy. */
const AHEAD = 2;

/** Parses the notes of `files` (in their order) on `threads` worker threads running `script`
 *  (the bundle of parse-worker.ts). `onParsed` hears each batch's size as it arrives. With
 *  `index`, the threads then build the full-text index of the notes in parts (numbered by their
 *  place in `files`, from 1), while the caller goes on with the notes. */
export async function parseOnPool(
  script: string | URL,
  files: VaultFile[],
  onParsed: (count: number) => void,
  threads = os.availableParallelism(),
  index = false,
  onIndexed: (count: number) => void = () => {},
): Promise<PoolResult> {
  const out: ParsedNote[] = new Array(files.length);
  const encodedOut: EncodedNote[] | null = index ? null : new Array(files.length);
  const batches: ParseBatch[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ batch: i, files: files.slice(i, i + BATCH).map(({ id, abs }) => ({ id, abs })), keep: index });
  let next = 0;
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let sent = 0;
      const send = () => {
        if (next < batches.length) {
          sent++;
          worker.postMessage(batches[next++]);
        } else if (sent === 0) resolve();
      };
      worker.on('message', (msg: ParsedBatch | IndexedPart | IndexedSome | SharedDocs) => {
        if (!('batch' in msg)) return;
        sent--;
        const { batch, encoded } = msg;
        const notes = batchNotes(msg);
        notes.forEach((n, k) => {
          out[batch + k] = n;
          if (encodedOut && encoded) encodedOut[batch + k] = encoded[k];
        });
        onParsed(notes.length);
        send();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (next < batches.length || sent > 0 || code !== 0 ? reject(new Error(`a parse thread stopped (exit ${code})`)) : resolve()));
      for (let i = 0; i < AHEAD; i++) send();
    });
  const workers = Array.from({ length: Math.max(1, Math.min(threads, batches.length)) }, () => new Worker(script, { execArgv: [] }));
  const stop = () => Promise.all(workers.map((w) => w.terminate()));
  try {
    await Promise.all(workers.map(run));
  } catch (err) {
    await stop();
    throw err;
  }
  if (!index) {
    await stop();
    return { notes: out, encoded: encodedOut, index: null };
  }
  const groups = fieldGroups(workers.length);
  // Every thread that builds fields adds every note to them: the progress is the slowest one's.
  const added = new Map<number, number>(groups.flatMap((g, t) => (g.length ? [[t, 0]] : [])));
  let shown = 0;
  workers.forEach((w, t) =>
    w.on('message', (msg: object) => {
      if (!('added' in msg)) return;
      added.set(t, (added.get(t) ?? 0) + (msg as IndexedSome).added);
      const least = Math.min(...added.values());
      if (least > shown) onIndexed(least - shown);
      shown = least;
    }),
  );
  const built = Promise.all(workers.map((w, self) => ask<SharedDocs>(w, { share: groups, self }, 'shared')))
    .then((shares) =>
      Promise.all(
        workers.map((w, t) => {
          const take = shares.flatMap((s) => s.shared[t] ?? []);
          return ask<IndexedPart>(
            w,
            { index: files.length + 1, fields: groups[t], take },
            'texts',
            take.map((texts) => texts.bytes.buffer as ArrayBuffer),
          );
        }),
      ),
    )
    .then((parts) => ({ flex: joinExports(parts.map(exportOf)), terms: parts.map((p) => p.terms) }))
    .finally(stop);
  built.catch(() => undefined);
  return { notes: out, encoded: encodedOut, index: built };
}

/** A thread's export, as FlexSearch gave it. */
function exportOf({ keys, texts }: IndexedPart): FlexExport {
  const data = textsOf(texts);
  return keys.map((key, i) => [key, data[i]]);
}

/** The notes a thread sent (ParsedBatch). */
function batchNotes({ notes, exact }: ParsedBatch): ParsedNote[] {
  let next = 0;
  return (JSON.parse(notes) as Array<ParsedNote | 0>).map((n) => (n === 0 ? exact[next++] : n));
}

/** What a thread sends back for the notes it parsed (ParsedBatch). */
export function batchOf(batch: number, notes: ParsedNote[], encoded: EncodedNote[] | null): ParsedBatch {
  const exact = notes.filter((n) => !isJsonExact(n.frontmatter));
  return { batch, notes: JSON.stringify(notes.map((n) => (exact.includes(n) ? 0 : n))), exact, encoded };
}

/** Sends a thread a request (moving `transfer`) and resolves with its answer (the message
 *  holding `key`). */
function ask<T>(worker: Worker, request: PoolRequest, key: string, transfer: ArrayBuffer[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (msg: object) => {
      if (!(key in msg)) return;
      worker.off('message', onMessage);
      resolve(msg as T);
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`a parse thread stopped (exit ${code})`)));
    worker.postMessage(request, transfer);
  });
}
