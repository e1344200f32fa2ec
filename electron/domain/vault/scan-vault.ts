import { type Dirent, lstatSync, type Stats } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
import path from 'node:path';

export interface VaultFile {
  /** Vault-relative path with `/` separators, NFC. */
  id: string;
  abs: string;
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: VaultFile[];
  problems: Array<{
    id: string;
    code: 'UNREADABLE_FILE' | 'SYMLINK_SKIPPED' | 'NAME_COLLISION' | 'SPECIAL_FILE_SKIPPED' | 'INVALID_FILE_NAME';
    message: string;
  }>;
}

/** Folders that hold no notes: dot-folders (`.obsidian`, `.cairn`, `.git`) and node_modules. */
export function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/**
 * Lists every file under `root`. Symbolic links are not followed: a link that leads out of the
 * vault, or back into it in a loop, can make a scan read what it must not or never end.
 */
export async function scanVault(root: string): Promise<ScanResult> {
  const files: VaultFile[] = [];
  const problems: ScanResult['problems'] = [];
  const rootReal = await realpath(root);
  const breathe = slices();
  // `rel`: the folder's path inside the vault, `/`-separated; ids are built from it and the names
  // (path.relative per file cost a third of the walk at 10k notes).
  const walk = async (dir: string, rel: string): Promise<void> => {
    const idOf = (name: string) => (rel ? `${rel}/${name}` : name).normalize('NFC');
    const base = dir.endsWith(path.sep) ? dir : dir + path.sep;
    let entries: ReturnType<typeof withUtf8Names>;
    try {
      entries = withUtf8Names(await readdir(dir, { withFileTypes: true, encoding: 'buffer' }), (name, bytes) => {
        problems.push({ id: idOf(name), code: 'INVALID_FILE_NAME', message: invalidNameMessage(bytes) });
      });
    } catch (err) {
      problems.push({ id: rel.normalize('NFC') || '.', code: 'UNREADABLE_FILE', message: `folder unreadable: ${(err as Error).message}` });
      return;
    }
    // The folder's files are stat'ed synchronously: a stat from the page cache costs microseconds,
    // a promise through libuv's thread pool many times that (10k notes: 0.06-0.14 s against
    // 0.35-0.85 s), and the note list waits for this walk. The thread gets a turn between folders.
    // A name never holds a separator, so a path is the folder's and the name joined.
    const stats = entries.map((e) => (e.isFile() && !isIgnoredName(e.name) ? lstatOrError(base + e.name) : null));
    await breathe();
    for (const [i, e] of entries.entries()) {
      if (isIgnoredName(e.name)) continue;
      const abs = base + e.name;
      if (e.isSymbolicLink()) {
        problems.push({
          id: idOf(e.name),
          code: 'SYMLINK_SKIPPED',
          message: 'symbolic link not followed (it could lead out of the vault or into a loop)',
        });
      } else if (e.isDirectory()) {
        await walk(abs, rel ? `${rel}/${e.name}` : e.name);
      } else if (e.isFile()) {
        const st = stats[i]!;
        if (st instanceof Error) problems.push({ id: idOf(e.name), code: 'UNREADABLE_FILE', message: `unreadable: ${st.message}` });
        else files.push({ id: idOf(e.name), abs, size: st.size, mtimeMs: st.mtimeMs });
      } else {
        // Never opened: reading a FIFO blocks until someone writes, a device may never end.
        problems.push({ id: idOf(e.name), code: 'SPECIAL_FILE_SKIPPED', message: 'not a regular file (a FIFO, socket or device): never opened' });
      }
    }
  };
  await walk(rootReal, '');
  keepCollidingNames(rootReal, files, problems);
  files.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { files, problems };
}

function lstatOrError(abs: string): Stats | Error {
  try {
    return lstatSync(abs);
  } catch (err) {
    return err as Error;
  }
}

/** Work done in one go before the event loop gets a turn. */
const SLICE_MS = 30;

/** A function to await between pieces of work: it yields once SLICE_MS have passed. */
function slices(): () => Promise<void> {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < SLICE_MS) return;
    await new Promise((r) => setImmediate(r));
    start = performance.now();
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Folder entries with their names as text. Node hands out a name that is not valid UTF-8 with
 * U+FFFD in it, and that string no longer names the file (its bytes differ), so it could be
 * neither read nor told apart: such entries are reported through `invalid` and left out.
 */
function withUtf8Names(entries: Dirent<Buffer>[], invalid: (shown: string, bytes: Buffer) => void): Dirent[] {
  const named: Dirent[] = [];
  for (const e of entries) {
    const bytes = e.name;
    try {
      named.push(Object.assign(e, { name: strictUtf8.decode(bytes) }) as unknown as Dirent);
    } catch {
      if (!isIgnoredName(bytes.toString('utf8'))) invalid(bytes.toString('utf8'), bytes);
    }
  }
  return named;
}

function invalidNameMessage(bytes: Buffer): string {
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  return `file name is not valid UTF-8 (bytes: ${hex}); not indexed: rename it (e.g. convmv -f latin1 -t utf8) to read it`;
}

/**
 * Two names that differ only in Unicode normalisation (NFC and NFD Hangul, as macOS and Linux
 * write them) would get the same NFC id. The NFC spelling keeps it; the others keep their own
 * bytes as id, so both notes are kept and reported, and neither overwrites the other.
 */
function keepCollidingNames(root: string, files: VaultFile[], problems: ScanResult['problems']): void {
  const byId = new Map<string, VaultFile[]>();
  for (const f of files) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    const raw = (f: VaultFile) => path.relative(root, f.abs).split(path.sep).join('/');
    const owner = group.find((f) => raw(f) === id) ?? group[0];
    for (const f of group) {
      if (f === owner) continue;
      f.id = raw(f);
      problems.push({ id, code: 'NAME_COLLISION', message: `"${f.id}" has the same name after Unicode normalisation; kept under its own spelling` });
    }
  }
}

export function toId(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/').normalize('NFC');
}

export function isNoteId(id: string): boolean {
  return /\.md$/i.test(id);
}

/**
 * The absolute path of a vault-relative id, or null when it would leave the vault
 * (`../`, an absolute path, a NUL byte).
 */
export function resolveInVault(root: string, id: string): string | null {
  if (typeof id !== 'string' || id.length === 0 || id.includes('\0') || path.isAbsolute(id) || /^[a-zA-Z]:/.test(id)) return null;
  const abs = path.resolve(root, id);
  const rel = path.relative(root, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  if (rel.split(path.sep).some(isIgnoredName)) return null;
  return abs;
}
