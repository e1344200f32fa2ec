// Opening a file inside a folder that someone else may have shaped (a shared vault, its `.cairn/`)
// without ever leaving it, blocking, or reading without bound (SECURITY.md, "The vault boundary"):
// - every component below the root is lstat'ed: a symbolic link is never followed;
// - the file is opened with O_NOFOLLOW|O_NONBLOCK, so a link swapped in at the last moment fails
//   to open and a FIFO or device can never block the open;
// - fstat on the descriptor must say "regular file" (a FIFO, socket, device or folder never is);
// - after opening, the path's real location must still be inside the root's real location and
//   name the very inode that was opened, which catches a folder swapped between check and open;
// - a size cap is checked on the descriptor, before anything is read.
// The vault root itself may be a link (the user chose that folder); only what is below it counts.
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

export type UnsafePathCode = 'OUTSIDE' | 'SYMLINK' | 'NOT_A_FILE' | 'NOT_A_FOLDER' | 'TOO_LARGE' | 'MISSING';

export class UnsafePathError extends Error {
  constructor(
    readonly code: UnsafePathCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

interface StatLike {
  size: number;
  dev: number;
  ino: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface SafeHandle {
  stat(): Promise<StatLike>;
  read(buffer: Uint8Array, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  write(buffer: Uint8Array): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls the guard makes; node:fs/promises by default, a failing double in tests. */
export interface SafeFs {
  lstat(file: string): Promise<StatLike>;
  realpath(file: string): Promise<string>;
  mkdir(dir: string): Promise<unknown>;
  open(file: string, flags: number, mode?: number): Promise<SafeHandle>;
}

export const nodeSafeFs: SafeFs = {
  lstat: (f) => nodeFs.lstat(f),
  realpath: (f) => nodeFs.realpath(f),
  mkdir: (d) => nodeFs.mkdir(d),
  open: (f, flags, mode) => nodeFs.open(f, flags, mode),
};

// Windows has neither flag; there lstat + fstat + the real-path check remain.
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NONBLOCK = constants.O_NONBLOCK ?? 0;
export const READ_FLAGS = constants.O_RDONLY | NOFOLLOW | NONBLOCK;
/** Read and append, created when missing (the review log reads its own last byte before a write). */
export const APPEND_FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NOFOLLOW | NONBLOCK;

/** `abs` split into the names below `root`; refuses a path that is `root` itself or leaves it. */
function namesBelow(root: string, abs: string): string[] {
  const rel = path.relative(path.resolve(root), path.resolve(abs));
  if (rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) {
    throw new UnsafePathError('OUTSIDE', `${abs} is not inside ${root}`);
  }
  return rel.split(path.sep);
}

function errnoCode(err: unknown): string {
  return (err as NodeJS.ErrnoException)?.code ?? '';
}

/** lstat that turns "missing" into MISSING and a link into SYMLINK. */
async function lstatNoLink(fs: SafeFs, file: string): Promise<StatLike> {
  let st: StatLike;
  try {
    st = await fs.lstat(file);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT' || errnoCode(err) === 'ENOTDIR') throw new UnsafePathError('MISSING', `${file} does not exist`, { cause: err });
    throw err;
  }
  if (st.isSymbolicLink()) throw new UnsafePathError('SYMLINK', `${file} is a symbolic link (not followed)`);
  return st;
}

/**
 * Checks every folder between `root` and `abs` (not `abs` itself): each must be a real folder,
 * never a link. With `create`, missing folders are made one at a time (never `recursive`, which
 * would follow a link planted on the way). Returns the root's real path and the names below it.
 */
export async function checkFolders(fs: SafeFs, root: string, abs: string, create = false): Promise<{ realRoot: string; names: string[] }> {
  const names = namesBelow(root, abs);
  const realRoot = await fs.realpath(root);
  let dir = realRoot;
  for (const name of names.slice(0, -1)) {
    dir = path.join(dir, name);
    if (create) await fs.mkdir(dir).catch((err: unknown) => (errnoCode(err) === 'EEXIST' ? undefined : Promise.reject(err)));
    const st = await lstatNoLink(fs, dir);
    if (!st.isDirectory()) throw new UnsafePathError('NOT_A_FOLDER', `${dir} is not a folder`);
  }
  return { realRoot, names };
}

/** Checks `dir` and every folder above it up to `root`: real folders, no links. */
export async function checkFolder(fs: SafeFs, root: string, dir: string): Promise<string> {
  const { realRoot, names } = await checkFolders(fs, root, path.join(dir, '_'));
  return path.join(realRoot, ...names.slice(0, -1));
}

export interface OpenOptions {
  /** READ_FLAGS (default) or APPEND_FLAGS. */
  flags?: number;
  /** Refuse a file larger than this many bytes (TOO_LARGE), checked on the open descriptor. */
  maxBytes?: number;
  /** Create missing folders between root and file (for APPEND_FLAGS). */
  createFolders?: boolean;
  fs?: SafeFs;
}

export interface OpenedFile {
  handle: SafeHandle;
  size: number;
  /** The real path that was opened. */
  real: string;
}

/** Opens the regular file `abs` below `root` under every rule in the comment at the top. */
export async function openInside(root: string, abs: string, options: OpenOptions = {}): Promise<OpenedFile> {
  const fs = options.fs ?? nodeSafeFs;
  const { realRoot, names } = await checkFolders(fs, root, abs, options.createFolders);
  const real = path.join(realRoot, ...names);
  const existing = await fs.lstat(real).catch(() => null);
  if (existing?.isSymbolicLink()) throw new UnsafePathError('SYMLINK', `${real} is a symbolic link (not followed)`);
  if (existing && !existing.isFile()) throw new UnsafePathError('NOT_A_FILE', `${real} is not a regular file`);
  let handle: SafeHandle;
  try {
    handle = await fs.open(real, options.flags ?? READ_FLAGS, 0o644);
  } catch (err) {
    // ELOOP: O_NOFOLLOW met a link swapped in after the lstat; ENXIO: a FIFO with no reader.
    if (errnoCode(err) === 'ELOOP' || errnoCode(err) === 'EMLINK')
      throw new UnsafePathError('SYMLINK', `${real} is a symbolic link (not followed)`, { cause: err });
    if (errnoCode(err) === 'ENXIO') throw new UnsafePathError('NOT_A_FILE', `${real} is not a regular file`, { cause: err });
    if (errnoCode(err) === 'ENOENT') throw new UnsafePathError('MISSING', `${real} does not exist`, { cause: err });
    throw err;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new UnsafePathError('NOT_A_FILE', `${real} is not a regular file`);
    const resolved = await fs.realpath(real);
    const now = await fs.lstat(real);
    namesBelow(realRoot, resolved);
    if (now.ino !== st.ino || now.dev !== st.dev) throw new UnsafePathError('OUTSIDE', `${real} changed while it was opened`);
    if (options.maxBytes !== undefined && st.size > options.maxBytes) {
      throw new UnsafePathError('TOO_LARGE', `${real} is ${st.size} bytes, more than the limit of ${options.maxBytes}`);
    }
    return { handle, size: st.size, real };
  } catch (err) {
    await handle.close().catch(() => undefined);
    throw err;
  }
}

/**
 * Reads at most `maxBytes` of an opened file from `position`, in chunks, and hands each chunk
 * to `onChunk`; stops early when `onChunk` returns false. Returns the bytes read.
 */
export async function readChunks(
  handle: SafeHandle,
  position: number,
  maxBytes: number,
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback that returns nothing reads on; false stops.
  onChunk: (chunk: Uint8Array) => boolean | void,
  chunkSize = 1024 * 1024,
): Promise<number> {
  const buffer = new Uint8Array(Math.min(chunkSize, Math.max(1, maxBytes)));
  let total = 0;
  while (total < maxBytes) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, maxBytes - total), position + total);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (onChunk(buffer.subarray(0, bytesRead)) === false) break;
  }
  return total;
}

/** A vault file as the scan saw it: the vault root and the file's absolute path. */
export interface VaultFileRef {
  root: string;
  abs: string;
}

/** Every image/attachment extension the app serves from a vault, and nothing else. */
const SERVABLE = /\.(png|jpe?g|gif|webp)$/i;
/** Images larger than this are not served (a note's picture, not a disk image). */
export const MAX_SERVED_FILE = 32 * 1024 * 1024;

/**
 * The one guard both transports use to serve a vault file (`/file/<id>` on the host, `app://cairn/file/<id>`
 * in Electron): re-checked at request time, because the scan's file list can be stale (an image
 * replaced by a link to an outside file after the scan). Returns the bytes, or an UnsafePathError.
 */
export async function readVaultFile(ref: VaultFileRef, fs: SafeFs = nodeSafeFs): Promise<Uint8Array> {
  if (!SERVABLE.test(ref.abs)) throw new UnsafePathError('NOT_A_FILE', `${path.basename(ref.abs)} is not an image`);
  const { handle, size } = await openInside(ref.root, ref.abs, { maxBytes: MAX_SERVED_FILE, fs });
  try {
    const out = new Uint8Array(size);
    let filled = 0;
    await readChunks(handle, 0, size, (chunk) => {
      out.set(chunk, filled);
      filled += chunk.length;
    });
    return out.subarray(0, filled);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export type ServedFile = { ok: true; bytes: Uint8Array; ext: string } | { ok: false; status: 404; message: string };

/**
 * A vault file for a transport: the id is looked up (`lookup`: the API's filePath), then read
 * through readVaultFile; anything refused is a 404 with the reason.
 */
export async function serveVaultFile(lookup: (id: string) => Promise<VaultFileRef | null> | VaultFileRef | null, id: string): Promise<ServedFile> {
  const ref = await lookup(id);
  if (!ref) return { ok: false, status: 404, message: 'no such file in the vault' };
  try {
    return { ok: true, bytes: await readVaultFile(ref), ext: path.extname(ref.abs).toLowerCase() };
  } catch (err) {
    // The reason's code only: the message holds absolute paths, which the page has no need of.
    if (err instanceof UnsafePathError) return { ok: false, status: 404, message: `not served (${err.code})` };
    if ((err as NodeJS.ErrnoException).code) return { ok: false, status: 404, message: `not served (${(err as NodeJS.ErrnoException).code})` };
    throw err;
  }
}
