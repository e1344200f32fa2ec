// Durable appends to a JSONL log. Each line is ONE write on an O_APPEND descriptor — concurrent
// writers (two windows, the CLI) cannot interleave inside a line — followed by fsync before the
// promise resolves, so a review the UI was told is saved survives kill -9 or a power cut.
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { parseLogText, type ParsedLog } from './review-entry.ts';
import { DomainError } from '../domain-error.ts';

/** The file operations the log needs; node:fs/promises by default, a failing double in tests. */
export interface LogFs {
  mkdir(dir: string, options: { recursive: true }): Promise<unknown>;
  open(file: string, flags: string): Promise<LogHandle>;
  readFile(file: string, encoding: 'utf8'): Promise<string>;
  readdir(dir: string): Promise<string[]>;
}

export interface LogHandle {
  stat(): Promise<{ size: number }>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  write(buffer: Uint8Array): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export const nodeLogFs: LogFs = nodeFs;

export class ReviewLogError extends DomainError {
  constructor(code: 'REVIEW_NOT_SAVED' | 'REVIEW_LOG_UNAVAILABLE', message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}

/**
 * Appends `json` as one line. If the file ends in a torn line (a crash mid-write, or a failed
 * append before), the new line starts on a fresh line so only the torn one is lost.
 */
export async function appendLogLine(fs: LogFs, file: string, json: string): Promise<void> {
  let handle: LogHandle | null = null;
  try {
    handle = await fs.open(file, 'a+');
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
 * Makes sure `file` exists in `dir`, and makes its creation durable: a new file's directory entry
 * is only on disk once the directory itself is fsync'd (fsync(2), NOTES).
 */
export async function ensureLogFile(fs: LogFs, dir: string, file: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const handle = await fs.open(file, 'a');
  await handle.close();
  let dirHandle: LogHandle | null = null;
  try {
    dirHandle = await fs.open(dir, 'r');
    await dirHandle.sync();
  } catch (err) {
    // Windows cannot open or fsync a folder (EISDIR/EPERM): there the file's own fsync is all there is.
    if (!DIR_SYNC_UNSUPPORTED.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
  } finally {
    await dirHandle?.close();
  }
}

const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'EBADF']);

/** Every `*.jsonl` log in `dir` (none when the folder does not exist). */
export async function readLogDir(fs: LogFs, dir: string): Promise<ParsedLog> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { entries: [], warnings: [] };
    throw err;
  }
  const logs = await Promise.all(
    names
      .filter((n) => n.endsWith('.jsonl'))
      .sort()
      .map(async (name) => {
        const file = path.join(dir, name);
        return parseLogText(await fs.readFile(file, 'utf8'), file);
      }),
  );
  return { entries: logs.flatMap((l) => l.entries), warnings: logs.flatMap((l) => l.warnings) };
}
