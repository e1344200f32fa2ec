// Durable appends to a JSONL log, and bounded reads of it. Each line is ONE write on an O_APPEND
// descriptor — concurrent writers (two windows, the CLI) cannot interleave inside a line —
// followed by fsync before the promise resolves, so a review the UI was told is saved survives
// kill -9 or a power cut.
// Nothing under `<vault>/.cairn/` is trusted (a shared vault shapes it): every open goes through
// openInside (no symbolic link followed, regular files only, no blocking open), and a read stops
// at a size cap (SECURITY.md, "Reviews").
import * as nodeFs from 'node:fs/promises';
import { constants } from 'node:fs';
import path from 'node:path';
import { APPEND_FLAGS, checkFolder, nodeSafeFs, openInside, readChunks, UnsafePathError, type SafeFs, type SafeHandle } from '../vault/open-vault-file.ts';
import { parseLogLine, type LogEntry, type ParsedLog } from './review-entry.ts';
import { DomainError } from '../domain-error.ts';

/** The file operations the log needs; node:fs/promises by default, a failing double in tests. */
export interface LogFs extends SafeFs {
  readdir(dir: string): Promise<string[]>;
}

export type LogHandle = SafeHandle;

export const nodeLogFs: LogFs = { ...nodeSafeFs, readdir: (d) => nodeFs.readdir(d) };

/** A log larger than this is read up to here, with a warning (about 300,000 reviews). */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;

export class ReviewLogError extends DomainError {
  constructor(code: 'REVIEW_NOT_SAVED' | 'REVIEW_LOG_UNAVAILABLE', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/**
 * Opens `file` (below `root`) for appending, creating it and the folders on the way; refuses a
 * link, a FIFO, a device or a folder anywhere on that path (UnsafePathError).
 */
export async function openLogForAppend(fs: LogFs, root: string, file: string): Promise<LogHandle> {
  return (await openInside(root, file, { flags: APPEND_FLAGS, createFolders: true, fs })).handle;
}

/**
 * Appends `json` as one line. If the file ends in a torn line (a crash mid-write, or a failed
 * append before), the new line starts on a fresh line so only the torn one is lost.
 */
export async function appendLogLine(fs: LogFs, root: string, file: string, json: string): Promise<void> {
  let handle: LogHandle | null = null;
  try {
    handle = await openLogForAppend(fs, root, file);
    const { size } = await handle.stat();
    let prefix = '';
    if (size > 0) {
      const last = new Uint8Array(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    const data = new TextEncoder().encode(`${prefix}${json}\n`);
    const { bytesWritten } = await handle.write(data);
    if (bytesWritten !== data.length) throw new Error(`short write (${bytesWritten} of ${data.length} bytes)`);
    await handle.sync();
  } catch (err) {
    throw new ReviewLogError('REVIEW_NOT_SAVED', `review not saved to ${file}: ${(err as Error).message}`, { cause: err });
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Makes sure `file` exists below `root`, and makes its creation durable: a new file's directory
 * entry is only on disk once the directory itself is fsync'd (fsync(2), NOTES).
 */
export async function ensureLogFile(fs: LogFs, root: string, file: string): Promise<void> {
  const handle = await openLogForAppend(fs, root, file);
  await handle.close();
  const dir = path.dirname(file);
  let dirHandle: LogHandle | null = null;
  try {
    dirHandle = await fs.open(dir, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    await dirHandle.sync();
  } catch (err) {
    // Windows cannot open or fsync a folder (EISDIR/EPERM): there the file's own fsync is all there is.
    if (!DIR_SYNC_UNSUPPORTED.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    await dirHandle?.close();
  }
}

const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EBADF']);

export interface ReadLogOptions {
  /** Byte offset to start at: the `nextOffset` of an earlier read, for incremental replay. */
  fromOffset?: number;
  maxBytes?: number;
}

export interface LogRead extends ParsedLog {
  /** Where the next incremental read starts: after the last complete line (a torn tail is read again). */
  nextOffset: number;
}

/**
 * The entries of one log file below `root`, read in chunks up to a size cap. Never throws for
 * what the file is or holds: a link, FIFO, device, folder or unreadable file is a warning.
 */
export async function readLogSafely(fs: LogFs, root: string, file: string, options: ReadLogOptions = {}): Promise<LogRead> {
  const from = options.fromOffset ?? 0;
  const max = options.maxBytes ?? MAX_LOG_BYTES;
  const entries: LogEntry[] = [];
  const warnings: string[] = [];
  let opened: Awaited<ReturnType<typeof openInside>>;
  try {
    opened = await openInside(root, file, { fs });
  } catch (err) {
    if (err instanceof UnsafePathError && err.code === 'MISSING') return { entries, warnings, nextOffset: from };
    return { entries, warnings: [`${file}: not read (${(err as Error).message}); reviews there are ignored`], nextOffset: from };
  }
  const decoder = new TextDecoder();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let consumed = from;
  let lineNo = 0;
  const takeLine = (bytes: Uint8Array) => {
    lineNo++;
    const line = decoder.decode(bytes);
    if (line.trim() === '') return true;
    const entry = parseLogLine(line);
    if (entry) entries.push(entry);
    else warnings.push(`${file}:${lineNo}: unreadable line skipped`);
    return true;
  };
  try {
    const read = await readChunks(opened.handle, from, max, (chunk) => {
      let start = 0;
      for (let nl = chunk.indexOf(0x0a); nl >= 0; nl = chunk.indexOf(0x0a, start)) {
        const line = concat([...pending, chunk.subarray(start, nl)], pendingBytes + nl - start);
        consumed += line.length + 1;
        pending = [];
        pendingBytes = 0;
        takeLine(line);
        start = nl + 1;
      }
      if (start < chunk.length) {
        pending.push(chunk.slice(start));
        pendingBytes += chunk.length - start;
      }
    });
    const tail = concat(pending, pendingBytes);
    if (from + read < opened.size) {
      warnings.push(`${file}: larger than ${max} bytes; reviews after the first ${max} bytes are not read`);
    } else if (tail.length > 0 && decoder.decode(tail).trim() !== '') {
      const entry = parseLogLine(decoder.decode(tail));
      if (entry) {
        entries.push(entry);
        consumed += tail.length;
      } else warnings.push(`${file}: torn last line skipped (an interrupted write)`);
    }
  } catch (err) {
    warnings.push(`${file}: read failed (${(err as Error).message})`);
  } finally {
    await opened.handle.close().catch(() => undefined);
  }
  return { entries, warnings, nextOffset: consumed };
}

function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Every `*.jsonl` log in `dir` below `root` (none when the folder does not exist). */
export async function readLogDir(fs: LogFs, root: string, dir: string): Promise<ParsedLog> {
  let names: string[];
  try {
    await checkFolder(fs, root, dir);
    names = await fs.readdir(dir);
  } catch (err) {
    if (err instanceof UnsafePathError && err.code === 'MISSING') return { entries: [], warnings: [] };
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: [], warnings: [] };
    return { entries: [], warnings: [`${dir}: not read (${(err as Error).message}); reviews there are ignored`] };
  }
  const logs = await Promise.all(
    names
      .filter((n) => n.endsWith('.jsonl'))
      .sort()
      .map((name) => readLogSafely(fs, root, path.join(dir, name))),
  );
  return { entries: logs.flatMap((l) => l.entries), warnings: logs.flatMap((l) => l.warnings) };
}
