// The persisted index: parsed notes and the search index of a vault, so that a later start reads
// only the files changed since (by size and mtime) instead of parsing and indexing every note.
//
// Layout: `<cacheDir>/<sha1(vault root)>/manifest.json` names one data file and its checksum;
// the data file holds sections (see `Sections`). A new data file is written first and the
// manifest replaced by a rename, so a crash leaves the old cache or none, never a mix. Anything
// missing, truncated, corrupt or of another INDEX_VERSION is ignored: the vault is indexed cold.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import type { ParsedNote } from '../notes/note-types.ts';
import type { SearchSnapshot } from '../search/search-index.ts';
import type { VaultFile } from './scan-vault.ts';

/** Bump when the cache layout, ParsedNote, the note parser or the tokenizer changes: an old
 *  cache would otherwise serve notes parsed or indexed the old way. */
export const INDEX_VERSION = 3; // 2: property links in ParsedNote.links; 3: the FlexSearch snapshot

export interface CachedFile {
  id: string;
  size: number;
  mtimeMs: number;
}

export interface IndexCacheData {
  /** The note files, in the order of `notes`. */
  files: CachedFile[];
  notes: ParsedNote[];
  search: SearchSnapshot;
}

interface Manifest {
  version: number;
  root: string;
  data: string;
  bytes: number;
  crc32: number;
  sections: Record<string, [offset: number, length: number]>;
}

/** Sections: `meta` is JSON (notes without their bodies, files), `exact` V8's serialisation;
 *  the bodies are UTF-16 text (decoding it is a copy, unlike UTF-8); `search` is the search
 *  index's snapshot (FlexSearch's export) as JSON. */
type SectionName = string;

interface Meta {
  files: Array<[id: string, size: number, mtimeMs: number]>;
  /** The notes with an empty body (it is in `bodies`; the key stays, so keys keep their order). */
  notes: ParsedNote[];
  /** Indexes of notes whose frontmatter JSON cannot carry exactly (NaN, Infinity, -0, undefined):
   *  those are in the `exact` section, serialised by V8. */
  exact: number[];
}

export function cacheFolderOf(cacheDir: string, root: string): string {
  return path.join(cacheDir, createHash('sha1').update(root).digest('hex'));
}

/** The cached index of the vault at `root`, or null when there is none that can be trusted. */
export async function readIndexCache(cacheDir: string, root: string): Promise<IndexCacheData | null> {
  const folder = cacheFolderOf(cacheDir, root);
  try {
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;
    if (manifest.version !== INDEX_VERSION || manifest.root !== root || os.endianness() !== 'LE') return null;
    if (path.basename(manifest.data) !== manifest.data) return null;
    const buf = await readFile(path.join(folder, manifest.data));
    if (buf.length !== manifest.bytes || crc32(buf) !== manifest.crc32) return null;
    return decode(buf, manifest.sections);
  } catch {
    return null;
  }
}

export async function writeIndexCache(cacheDir: string, root: string, data: IndexCacheData): Promise<void> {
  const folder = cacheFolderOf(cacheDir, root);
  await mkdir(folder, { recursive: true });
  const { parts, sections } = encode(data);
  let bytes = 0;
  let sum = 0;
  for (const p of parts) {
    bytes += p.length;
    sum = crc32(p, sum);
  }
  const name = `index-${Date.now().toString(36)}-${process.pid}.bin`;
  await writeFile(path.join(folder, name), parts);
  const manifest: Manifest = { version: INDEX_VERSION, root, data: name, bytes, crc32: sum, sections };
  const tmp = path.join(folder, `manifest.json.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(manifest));
  await rename(tmp, path.join(folder, 'manifest.json'));
  for (const old of await readdir(folder)) {
    if (old !== name && /^index-.*\.bin$/.test(old)) await rm(path.join(folder, old), { force: true });
  }
}

export function cachedFileOf(file: VaultFile): CachedFile {
  return { id: file.id, size: file.size, mtimeMs: file.mtimeMs };
}

/** The cached notes of a vault being opened: each one is reused if its file has not changed. */
export class CachedNotes {
  readonly byId = new Map<string, ParsedNote>();
  private readonly stats = new Map<string, CachedFile>();
  private readonly taken = new Set<string>();

  constructor(readonly data: IndexCacheData) {
    data.files.forEach((f, i) => {
      this.stats.set(f.id, f);
      this.byId.set(f.id, data.notes[i]);
    });
  }

  /** The cached note of `file` when the file has the same size and mtime as when it was cached. */
  unchanged(file: VaultFile): ParsedNote | undefined {
    const cached = this.stats.get(file.id);
    if (!cached || cached.size !== file.size || cached.mtimeMs !== file.mtimeMs) return undefined;
    this.taken.add(file.id);
    return this.byId.get(file.id);
  }

  /** Cached notes that were not reused: changed or deleted since. */
  notReused(): string[] {
    return [...this.byId.keys()].filter((id) => !this.taken.has(id));
  }
}

function encode({ files, notes, search }: IndexCacheData): { parts: Buffer[]; sections: Manifest['sections'] } {
  const exact: number[] = [];
  const exactNotes: ParsedNote[] = [];
  const meta: Meta = {
    files: files.map((f) => [f.id, f.size, f.mtimeMs]),
    notes: notes.map((note, i) => {
      const bodyless = { ...note, body: '' };
      if (isJsonExact(note.frontmatter)) return bodyless;
      exact.push(i);
      exactNotes.push(bodyless);
      return { ...bodyless, frontmatter: {} };
    }),
    exact,
  };
  let bodies = '';
  const bodyEnds = new Int32Array(notes.length);
  notes.forEach((n, i) => (bodyEnds[i] = (bodies += n.body).length));
  const content: Record<SectionName, Buffer> = {
    meta: Buffer.from(JSON.stringify(meta)),
    exact: v8.serialize(exactNotes),
    bodies: Buffer.from(bodies, 'utf16le'),
    bodyEnds: bytesOf(bodyEnds),
    search: Buffer.from(JSON.stringify(search)),
  };
  const parts: Buffer[] = [];
  const sections = {} as Manifest['sections'];
  let offset = 0;
  for (const [name, buf] of Object.entries(content) as Array<[SectionName, Buffer]>) {
    sections[name] = [offset, buf.length];
    const padding = (8 - (buf.length % 8)) % 8;
    parts.push(buf, Buffer.alloc(padding));
    offset += buf.length + padding;
  }
  return { parts, sections };
}

function decode(buf: Buffer, sections: Manifest['sections']): IndexCacheData {
  const section = (name: SectionName) => {
    if (!Object.hasOwn(sections, name)) throw new Error(`cache section ${name} missing`);
    const [offset, length] = sections[name];
    if (!(offset >= 0 && length >= 0 && offset + length <= buf.length)) throw new Error(`cache section ${name} out of range`);
    return buf.subarray(offset, offset + length);
  };
  const meta = JSON.parse(section('meta').toString('utf8')) as Meta;
  const exactNotes = v8.deserialize(section('exact')) as ParsedNote[];
  const bodies = section('bodies').toString('utf16le');
  const bodyEnds = int32s(section('bodyEnds'));
  const { notes: metaNotes } = meta;
  if (meta.files.length !== metaNotes.length || bodyEnds.length !== metaNotes.length || exactNotes.length !== meta.exact.length) {
    throw new Error('cache sections disagree');
  }
  meta.exact.forEach((i, k) => (metaNotes[i] = exactNotes[k]));
  let start = 0;
  metaNotes.forEach((note, i) => {
    const end = bodyEnds[i];
    if (end < start || end > bodies.length || typeof note?.id !== 'string') throw new Error('cache note out of range');
    note.body = bodies.slice(start, end);
    start = end;
  });
  return {
    files: meta.files.map(([id, size, mtimeMs]) => ({ id, size, mtimeMs })),
    notes: metaNotes,
    search: JSON.parse(section('search').toString('utf8')) as SearchSnapshot,
  };
}

function bytesOf(a: Int32Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** A copy, so the views do not keep the whole file's buffer alive. */
function int32s(bytes: Buffer): Int32Array {
  if (bytes.length % 4) throw new Error('cache section is not a whole number of Int32');
  const out = new Int32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Whether JSON.parse(JSON.stringify(value)) gives `value` back exactly. */
function isJsonExact(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!(i in value) || !isJsonExact(value[i])) return false;
    return true;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) return Object.values(value as object).every(isJsonExact);
  return false;
}
