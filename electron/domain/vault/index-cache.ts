// The persisted index: the parsed notes, the link graph and the search index's snapshot of a
// vault, so that a later start reads only the files changed since (by size and mtime) instead of
// parsing and indexing every note. It lives in the app data folder, never in the vault
// (README.md, "Where state lives" in SECURITY.md's threat model: the vault holds only what the
// user wrote).
//
// Layout: `<cacheDir>/<sha1(vault root)>/manifest.json` names one data file and its checksum;
// the data file holds sections (see `encode`). A new data file is written first and the manifest
// replaced by a rename, so a crash leaves the old cache or none, never a mix. Anything truncated,
// corrupt or of another INDEX_VERSION is ignored with a one-line notice: the vault is indexed cold.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import type { ParsedNote } from '../notes/note-types.ts';
import type { GraphSnapshot } from '../links/link-graph.ts';
import type { QuickSwitchSnapshot } from '../search/quick-switch.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { VaultFile } from './scan-vault.ts';

/** Bump when the cache layout, ParsedNote, the note parser, link resolution or the search index
 *  changes: an old cache would otherwise serve notes parsed or indexed the old way. The search
 *  snapshot is opaque here (SearchIndex.snapshot/restore); a restore that throws also means cold. */
export const INDEX_VERSION = 5; // 2: property links; 3: the FlexSearch snapshot; 4: link graph and quick switcher; 5: search fields hold encoded terms

/** The search index's snapshot: saved and restored as it is (V8's structured serialisation). */
export type SearchSnapshot = ReturnType<SearchIndex['snapshot']>;

export interface CachedFile {
  id: string;
  size: number;
  mtimeMs: number;
}

export interface IndexCacheData {
  /** The note files, in the order of `notes`. */
  files: CachedFile[];
  notes: ParsedNote[];
  /** Every file id of the vault (notes and attachments): links resolved against this set. */
  allFiles: string[];
  graph: GraphSnapshot;
  search: SearchSnapshot;
  /** The quick switcher's entries (absent in a cache written before it: then rebuilt). */
  switcher?: QuickSwitchSnapshot;
}

/** A cache as read: the search snapshot is decoded only when asked for (after the note list is up). */
export type CachedIndex = Omit<IndexCacheData, 'search'> & { search(): SearchSnapshot };

/** `data` null: no cache (first start, `notice` null) or one that cannot be trusted (`notice` says why). */
export type CacheRead = { data: CachedIndex; notice: null } | { data: null; notice: string | null };

interface Manifest {
  version: number;
  root: string;
  data: string;
  bytes: number;
  crc32: number;
  sections: Record<string, [offset: number, length: number]>;
}

interface Meta {
  files: Array<[id: string, size: number, mtimeMs: number]>;
  allFiles: string[];
  /** The notes with an empty body (it is in `bodies`; the key stays, so keys keep their order). */
  notes: ParsedNote[];
  /** Indexes of notes whose frontmatter JSON cannot carry exactly (NaN, Infinity, -0, undefined):
   *  those are in the `exact` section, serialised by V8. */
  exact: number[];
  graph: GraphSnapshot;
  switcher?: QuickSwitchSnapshot;
}

export function cacheFolderOf(cacheDir: string, root: string): string {
  return path.join(cacheDir, createHash('sha1').update(root).digest('hex'));
}

const AGAIN = 'the vault was indexed again';

/** The cached index of the vault at `root`; never rejects. */
export async function readIndexCache(cacheDir: string, root: string): Promise<CacheRead> {
  const folder = cacheFolderOf(cacheDir, root);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8')) as Manifest;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { data: null, notice: null };
    return { data: null, notice: `The index cache could not be read (${shortReason(err)}); ${AGAIN}.` };
  }
  try {
    if (manifest.version !== INDEX_VERSION) return { data: null, notice: `The index cache is from another version of Cairn; ${AGAIN}.` };
    if (manifest.root !== root || os.endianness() !== 'LE' || path.basename(String(manifest.data)) !== manifest.data) {
      return { data: null, notice: `The index cache does not belong to this vault; ${AGAIN}.` };
    }
    const buf = await readFile(path.join(folder, manifest.data));
    if (buf.length !== manifest.bytes || crc32(buf) !== manifest.crc32) return { data: null, notice: `The index cache is damaged (incomplete or altered); ${AGAIN}.` };
    return { data: decode(buf, manifest.sections), notice: null };
  } catch (err) {
    return { data: null, notice: `The index cache could not be read (${shortReason(err)}); ${AGAIN}.` };
  }
}

const shortReason = (err: unknown) => String((err as Error)?.message ?? err).split('\n')[0].slice(0, 120);

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

  constructor(readonly data: CachedIndex) {
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

function encode({ files, notes, allFiles, graph, search, switcher }: IndexCacheData): { parts: Buffer[]; sections: Manifest['sections'] } {
  const exact: number[] = [];
  const exactNotes: ParsedNote[] = [];
  const meta: Meta = {
    files: files.map((f) => [f.id, f.size, f.mtimeMs]),
    allFiles,
    notes: notes.map((note, i) => {
      const bodyless = { ...note, body: '' };
      if (isJsonExact(note.frontmatter)) return bodyless;
      exact.push(i);
      exactNotes.push(bodyless);
      return { ...bodyless, frontmatter: {} };
    }),
    exact,
    graph,
    switcher,
  };
  // Bodies as one UTF-16 text: decoding it is a copy (unlike UTF-8), and each body is then a
  // slice of it, so no body is held twice.
  let bodies = '';
  const bodyEnds = new Int32Array(notes.length);
  notes.forEach((n, i) => (bodyEnds[i] = (bodies += n.body).length));
  const content: Record<string, Buffer> = {
    meta: Buffer.from(JSON.stringify(meta)),
    exact: v8.serialize(exactNotes),
    bodies: Buffer.from(bodies, 'utf16le'),
    bodyEnds: bytesOf(bodyEnds),
    search: v8.serialize(search),
  };
  const parts: Buffer[] = [];
  const sections = {} as Manifest['sections'];
  let offset = 0;
  for (const [name, buf] of Object.entries(content)) {
    sections[name] = [offset, buf.length];
    const padding = (8 - (buf.length % 8)) % 8;
    parts.push(buf, Buffer.alloc(padding));
    offset += buf.length + padding;
  }
  return { parts, sections };
}

function decode(buf: Buffer, sections: Manifest['sections']): CachedIndex {
  const section = (name: string) => {
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
  if (!Array.isArray(meta.allFiles) || !Array.isArray(meta.graph)) throw new Error('cache meta incomplete');
  meta.exact.forEach((i, k) => (metaNotes[i] = exactNotes[k]));
  let start = 0;
  metaNotes.forEach((note, i) => {
    const end = bodyEnds[i];
    if (end < start || end > bodies.length || typeof note?.id !== 'string') throw new Error('cache note out of range');
    note.body = bodies.slice(start, end);
    start = end;
  });
  // The search section is decoded later, once; the file's buffer is let go then.
  let searchBytes: Buffer | null = section('search');
  return {
    files: meta.files.map(([id, size, mtimeMs]) => ({ id, size, mtimeMs })),
    notes: metaNotes,
    allFiles: meta.allFiles,
    graph: meta.graph,
    switcher: meta.switcher,
    search() {
      if (!searchBytes) throw new Error('the search snapshot was already taken');
      const snap = v8.deserialize(searchBytes) as SearchSnapshot;
      searchBytes = null;
      return snap;
    },
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
