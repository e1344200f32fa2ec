import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Diagnostic } from '../notes/note-types.ts';
import { READ_FLAGS } from './open-vault-file.ts';

/** Notes above this are indexed by their first MAX_NOTE_BYTES only (reported). */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;

export interface NoteText {
  text: string;
  diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

const NOT_A_FILE = 'not a regular file (a FIFO, socket or device is never read)';
const unreadable = (id: string, err: unknown): NoteText => ({
  text: '',
  diagnostics: [{ id, code: 'UNREADABLE_FILE', message: `cannot read: ${(err as Error).message}` }],
});

/** Reads a note as text. Never throws: an unreadable, binary or mis-encoded file is a diagnostic. */
export async function readNoteFile(id: string, abs: string): Promise<NoteText> {
  let bytes: Buffer;
  try {
    // The scan saw a regular file, but it may have been swapped since: O_NOFOLLOW refuses a link,
    // O_NONBLOCK and fstat make a FIFO or device a diagnostic instead of a hang (SECURITY.md).
    const handle = await open(abs, READ_FLAGS);
    try {
      if (!(await handle.stat()).isFile()) throw new Error(NOT_A_FILE);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (err) {
    return unreadable(id, err);
  }
  return decodeNote(id, bytes);
}

/**
 * readNoteFile with blocking calls and the same checks, on a parse thread (parse-worker.ts) and
 * for a change on disk (Vault.fileChanged). Each of the five awaited calls of a read queued on
 * the process's four libuv threads, shared by both parse threads and the main thread: 1.4 ms a
 * file at 2k notes, more than parsing and encoding it.
 */
export function readNoteFileSync(id: string, abs: string): NoteText {
  let bytes: Buffer;
  try {
    const fd = openSync(abs, READ_FLAGS);
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw new Error(NOT_A_FILE);
      bytes = readAll(fd, st.size);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    return unreadable(id, err);
  }
  return decodeNote(id, bytes);
}

/** The whole file from `fd`, which may have grown or shrunk since fstat gave `size`. */
function readAll(fd: number, size: number): Buffer {
  let buf = Buffer.allocUnsafe(Math.max(size, 4096));
  let done = 0;
  for (;;) {
    if (done === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, done);
      buf = bigger;
    }
    const n = readSync(fd, buf, done, buf.length - done, null);
    if (n === 0) return buf.subarray(0, done);
    done += n;
  }
}

export function decodeNote(id: string, bytes: Uint8Array): NoteText {
  const diagnostics: Diagnostic[] = [];
  if (bytes.length > MAX_NOTE_BYTES) {
    diagnostics.push({
      id,
      code: 'FILE_TOO_LARGE',
      message: `${(bytes.length / 1048576).toFixed(1)} MB; only the first ${MAX_NOTE_BYTES / 1048576} MB are indexed`,
    });
    bytes = bytes.subarray(0, MAX_NOTE_BYTES);
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    diagnostics.push({ id, code: 'BINARY_FILE', message: 'binary content (NUL bytes): only the file name is indexed' });
    return { text: '', diagnostics };
  }
  try {
    return { text: utf8.decode(bytes), diagnostics };
  } catch {
    diagnostics.push({ id, code: 'INVALID_UTF8', message: 'not valid UTF-8: undecodable bytes shown as U+FFFD' });
    return { text: utf8Lenient.decode(bytes), diagnostics };
  }
}
