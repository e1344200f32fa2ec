// Reads review logs incrementally: per file, the byte offset read up to (the end of its last
// complete line) and the file's identity. A call reads only what was appended since; a file that
// shrank or was replaced (another inode: a sync tool writes a new copy) is read again whole.
// So a review costs the bytes of one line, not the size of months of logs.
// Opening goes through the vault guard (open-vault-file.ts: no link anywhere from the root down,
// O_NOFOLLOW|O_NONBLOCK, a regular file only, SECURITY.md T2/T3), and each read is bounded
// (MAX_READ) so a huge or growing file is taken in slices, never at once.
import path from 'node:path';
import type { LogEntry } from './review-entry.ts';
import { parseLogText } from './review-entry.ts';
import type { LogFs } from './review-log-file.ts';
import { checkFolder, openInside, UnsafePathError } from '../vault/open-vault-file.ts';

const MAX_READ = 16 * 1024 * 1024;

interface FileState {
  identity: string;
  /** Bytes consumed: up to and including the last newline seen. */
  offset: number;
  entries: LogEntry[];
  /** Warnings of consumed lines (damaged lines in the middle). */
  warnings: string[];
  /** Lines consumed so far, for warnings' line numbers. */
  lines: number;
  /** Warning for an incomplete last line, if the file currently ends in one. */
  tail: string | null;
}

export interface TailRead {
  /** Entries appended since the last read (all of them after a full re-read). */
  added: LogEntry[];
  /** True when a file shrank, vanished or was replaced: earlier entries may be gone. */
  reset: boolean;
  /** Every entry currently in the logs, and every warning. */
  entries(): LogEntry[];
  warnings: string[];
}

type StatLike = { size: number; ino?: number | bigint; dev?: number | bigint; isFile?: () => boolean };

export class LogTail {
  private readonly files = new Map<string, FileState>();

  constructor(
    private readonly fs: LogFs,
    /** The folder nothing may lead out of: the vault, or the app-data folder. */
    private readonly root: string,
    private readonly dir: string,
  ) {}

  async read(): Promise<TailRead> {
    let names: string[] = [];
    const warnings: string[] = [];
    try {
      await checkFolder(this.fs, this.root, this.dir);
      names = (await this.fs.readdir(this.dir)).filter((n) => n.endsWith('.jsonl')).sort();
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const missing = (err instanceof UnsafePathError && err.code === 'MISSING') || code === 'ENOENT' || code === 'ENOTDIR';
      // A linked or special folder: its logs are not read, and the store writes to the fallback.
      if (!missing) warnings.push(`${this.dir}: not read (${(err as Error).message}); reviews there are ignored`);
    }
    let reset = false;
    const added: LogEntry[] = [];
    const present = new Set(names.map((n) => path.join(this.dir, n)));
    for (const file of [...this.files.keys()]) {
      if (!present.has(file)) {
        this.files.delete(file);
        reset = true;
      }
    }
    for (const file of present) {
      try {
        const r = await this.readFile(file);
        if (r.reset) reset = true;
        added.push(...r.added);
      } catch (err) {
        // Unreadable (permissions, not a regular file): reported, the other logs still count.
        if (this.files.delete(file)) reset = true;
        warnings.push(`${file}: not read (${(err as Error).message})`);
      }
    }
    for (const state of this.files.values()) warnings.push(...state.warnings, ...(state.tail ? [state.tail] : []));
    const files = [...this.files.values()];
    return { added, reset, warnings, entries: () => files.flatMap((f) => f.entries) };
  }

  private async readFile(file: string): Promise<{ added: LogEntry[]; reset: boolean }> {
    const { handle } = await openInside(this.root, file, { fs: this.fs });
    try {
      const stat = (await handle.stat()) as StatLike;
      const identity = `${stat.dev ?? ''}:${stat.ino ?? ''}`;
      let state = this.files.get(file);
      let reset = false;
      if (!state || state.identity !== identity || stat.size < state.offset) {
        reset = state !== undefined;
        state = { identity, offset: 0, entries: [], warnings: [], lines: 0, tail: null };
        this.files.set(file, state);
      }
      const added: LogEntry[] = [];
      while (state.offset < stat.size) {
        const length = Math.min(stat.size - state.offset, MAX_READ);
        const buffer = new Uint8Array(length);
        const { bytesRead } = await handle.read(buffer, 0, length, state.offset);
        const chunk = buffer.subarray(0, bytesRead);
        const lastNewline = chunk.lastIndexOf(0x0a);
        if (lastNewline < 0) {
          // An incomplete line: a write in progress or torn by a crash. Not consumed, so a
          // line being written now is read whole next time; until then it is a warning.
          state.tail =
            length === MAX_READ
              ? `${file}:${state.lines + 1}: line longer than ${MAX_READ} bytes skipped`
              : `${file}: torn last line skipped (an interrupted write)`;
          if (length === MAX_READ) state.offset += bytesRead;
          break;
        }
        state.tail = null;
        const text = new TextDecoder().decode(chunk.subarray(0, lastNewline + 1));
        const parsed = parseLogText(text, file);
        const firstLine = state.lines;
        state.warnings.push(...parsed.warnings.map((w) => w.replace(/^(.*):(\d+): /, (_, f: string, n: string) => `${f}:${firstLine + Number(n)}: `)));
        state.lines += text.split('\n').length - 1;
        state.entries.push(...parsed.entries);
        added.push(...parsed.entries);
        state.offset += lastNewline + 1;
        if (bytesRead < length) break;
      }
      return { added, reset };
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
}
