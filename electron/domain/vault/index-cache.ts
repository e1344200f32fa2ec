// The persisted index: the parsed notes, the link graph and the search index's snapshot of a
// vault, so that a later start reads only the files changed since (by size and mtime) instead of
// parsing and indexing every note. It lives in the app data folder, never in the vault
// (README.md, "Where state lives" in SECURITY.md's threat model: the vault holds only what the
// user wrote).
//
// Layout: `<cacheDir>/<sha1(vault root)>/manifest.json` names one data file, its size and its
// sections (index-cache-sections.ts), each with a checksum. A new data file is written first and
// the manifest replaced by a rename, so a crash leaves the old cache or none, never a mix.
// Anything truncated, corrupt or of another INDEX_VERSION is ignored with a one-line notice: the
// vault is indexed cold. The cache is read in three steps, each section checked before it is
// used: the light sections (file stats, tags) for the note list, the quick switcher's snapshot,
// then the notes and the link graph (`rest`), then the search index (`search`, the largest).
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import type { ParsedNote } from '../notes/note-types.ts';
import { isJsonExact } from '../notes/json-exact.ts';
import type { GraphSnapshot } from '../links/link-graph.ts';
import type { QuickSwitchSnapshot } from '../search/quick-switch.ts';
import type { SearchIndex } from '../search/search-index.ts';
import type { VaultFile } from './scan-vault.ts';
import { SectionWriter, type Pieces } from './index-cache-sections.ts';
import { BodyFile } from './note-bodies.ts';
import { decode, type Manifest, type Meta, type SearchHead, type SwitcherLine } from './index-cache-decode.ts';
import type { FlexParts } from '../search/flex-import.ts';

/** Bump when the cache layout, ParsedNote, the note parser, link resolution or the search index
 *  changes: an old cache would otherwise serve notes parsed or indexed the old way. The search
 *  snapshot is opaque here (SearchIndex.snapshot/restore); a restore that throws also means cold. */
export const INDEX_VERSION = 15; // 2: property links; 3: the FlexSearch snapshot; 4: link graph and quick switcher; 5: sections written piece by piece; 6: search fields hold encoded terms; 7: `#/` and `2024/05` are no tags; 8: a light `tags` section, read before the notes; 9: the quick switcher's FlexSearch export; 10: search documents without the repeats FlexSearch's cached stems let through; 11: the search snapshot lists the gone notes still in FlexSearch; 12: the body's search field is `strict`; 13: the notes and the graph as JSON lines; 14: search documents whatever was encoded before them; 15: the notes carry no body key (their bodies are read from the file)

/** How far an mtime may move and still be the same. A time put back with Node's utimes (as tools
 *  that restore times do) is cut to the microsecond by libuv, so a file saved at 12.3456789 s comes
 *  back at 12.345678 s; a real save moves it by far more than 2 µs. */
const MTIME_SLACK_MS = 0.002;

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

/** What the note list needs, read first: the files and each note's tags. */
export interface CachedList {
  files: CachedFile[];
  allFiles: string[];
  /** Each note's tags, in the order of `files`. */
  tags: string[][];
}

/** A cache as read: the light sections at once; the notes and the graph (`rest`), then the search
 *  snapshot (`search`), each read, checked and decoded only when asked for, in that order;
 *  `close` lets go of the data file when they are not. */
export type CachedIndex = CachedList & {
  /** The quick switcher's snapshot (undefined in a cache written without one), read once the list
   *  answers: it is the largest of the sections read before the notes. Asked before `rest`. */
  switcher(): Promise<QuickSwitchSnapshot | undefined>;
  rest(): Promise<CachedRest>;
  search(): Promise<SearchSnapshot>;
  close(): Promise<void>;
};

/** The notes (their bodies read from `bodies`, note-bodies.ts) and the link graph. */
export type CachedRest = Pick<IndexCacheData, 'notes' | 'graph'> & { bodies: BodyFile };

/** `data` null: no cache (first start, `notice` null) or one that cannot be trusted (`notice` says why). */
export type CacheRead = { data: CachedIndex; notice: null } | { data: null; notice: string | null };

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
    return { data: await decode(path.join(folder, manifest.data), manifest), notice: null };
  } catch (err) {
    return { data: null, notice: cacheNotice(err) };
  }
}

/** The one-line notice for a cache that failed to read or decode (its light sections at open, or
 *  its notes later: CachedIndex.rest). */
export function cacheNotice(err: unknown): string {
  if (/damaged|cut short|bytes, not/.test(String((err as Error)?.message))) return `The index cache is damaged (incomplete or altered); ${AGAIN}.`;
  return `The index cache could not be read (${shortReason(err)}); ${AGAIN}.`;
}

const shortReason = (err: unknown) =>
  String((err as Error)?.message ?? err)
    .split('\n')[0]
    .slice(0, 120);

/** Writes the cache a piece at a time (index-cache-sections.ts): the thread keeps answering while it
 *  is encoded, and only one piece is held as bytes at once. */
export async function writeIndexCache(cacheDir: string, root: string, data: IndexCacheData): Promise<BodyFile> {
  const folder = cacheFolderOf(cacheDir, root);
  await mkdir(folder, { recursive: true });
  const name = `index-${Date.now().toString(36)}-${process.pid}-${(writes++).toString(36)}.bin`;
  // Written as `.part` and renamed when complete: a `.bin` is always whole (a writer stopped half
  // way leaves a `.part`, removed by a later save once it is old).
  const file = path.join(folder, name);
  const part = `${file}.part`;
  const writer = await SectionWriter.create(part);
  let bodyEnds: Int32Array;
  try {
    bodyEnds = await encode(writer, data);
    await writer.close();
    await rename(part, file);
  } catch (err) {
    await writer.abandon();
    await rm(part, { force: true });
    throw err;
  }
  const manifest: Manifest = { version: INDEX_VERSION, root, data: name, bytes: writer.bytes, sections: writer.sections };
  const tmp = path.join(folder, `manifest.json.${process.pid}.tmp`);
  await writeFile(tmp, JSON.stringify(manifest));
  await rename(tmp, path.join(folder, 'manifest.json'));
  for (const old of await readdir(folder)) {
    if (old !== name && /^index-.*\.bin$/.test(old)) await rm(path.join(folder, old), { force: true });
    // Another writer may be writing its `.part` now: only one untouched for an hour is left over.
    if (/^index-.*\.bin\.part$/.test(old)) {
      const at = path.join(folder, old);
      const age = Date.now() - ((await stat(at).catch(() => null))?.mtimeMs ?? Date.now());
      if (age > 3_600_000) await rm(at, { force: true });
    }
  }
  return new BodyFile(file, writer.sections.bodies[0], bodyEnds, root);
}

let writes = 0;

export function cachedFileOf(file: VaultFile): CachedFile {
  return { id: file.id, size: file.size, mtimeMs: file.mtimeMs };
}

/** The cached notes of a vault being opened: each one is reused if its file has not changed.
 *  Made from the light sections (`fromList`: the tags and stats, for the note list), then given
 *  the notes (`withNotes`). */
export class CachedNotes {
  readonly byId = new Map<string, ParsedNote>();
  private readonly stats = new Map<string, CachedFile>();
  private readonly tagsById = new Map<string, string[]>();
  private readonly taken = new Set<string>();
  graph: GraphSnapshot = [];
  /** The data file the cached notes' bodies are read from, once `withNotes` is done. */
  bodies: BodyFile | null = null;

  constructor(readonly data: CachedIndex) {
    data.files.forEach((f, i) => {
      this.stats.set(f.id, f);
      this.tagsById.set(f.id, data.tags[i]);
    });
  }

  /** Whether `file` has the same size and mtime as when it was cached. */
  same(file: VaultFile): boolean {
    const cached = this.stats.get(file.id);
    return cached !== undefined && cached.size === file.size && Math.abs(cached.mtimeMs - file.mtimeMs) < MTIME_SLACK_MS;
  }

  /** The cached tags of a note whose file is unchanged (else undefined). */
  tagsOf(file: VaultFile): string[] | undefined {
    return this.same(file) ? this.tagsById.get(file.id) : undefined;
  }

  /** Reads the notes and the link graph (rejects when they are damaged: then nothing is reused). */
  async withNotes(): Promise<void> {
    const { notes, graph, bodies } = await this.data.rest();
    this.data.files.forEach((f, i) => this.byId.set(f.id, notes[i]));
    this.graph = graph;
    this.bodies = bodies;
  }

  /** The cached note of `file` when the file has the same size and mtime as when it was cached. */
  unchanged(file: VaultFile): ParsedNote | undefined {
    if (!this.same(file)) return undefined;
    const note = this.byId.get(file.id);
    if (note) this.taken.add(file.id);
    return note;
  }

  /** Cached notes that were not reused: changed or deleted since. */
  notReused(): string[] {
    return [...this.byId.keys()].filter((id) => !this.taken.has(id));
  }
}

/** Notes (or bodies, or graph entries) per piece: about a megabyte, a few milliseconds to encode. */
const PER_PIECE = 500;
/** Words or FlexSearch terms per line of the quick switcher's section (small items). */
const PER_LINE = PER_PIECE * 4;

/** Writes every section; returns where each note's body ends in `bodies` (in UTF-16 units). */
async function encode(writer: SectionWriter, { files, notes, allFiles, graph, search, switcher }: IndexCacheData): Promise<Int32Array> {
  const exact: number[] = [];
  const exactNotes: Array<Omit<ParsedNote, 'body'>> = [];
  notes.forEach((note, i) => {
    if (isJsonExact(note.frontmatter)) return;
    exact.push(i);
    exactNotes.push(withoutBody(note));
  });
  const meta: Meta = { files: files.map((f) => [f.id, f.size, f.mtimeMs]), allFiles, exact };
  await writer.section('meta', [JSON.stringify(meta)]);
  await writer.section(
    'tags',
    jsonArray(notes, (note) => note.tags),
  );
  await writer.section('switcher', switcherLines(switcher));
  await writer.section('exact', [v8.serialize(exactNotes)]);
  // The notes without their body (in `bodies`).
  const exactSet = new Set(exact);
  // The notes and the graph as JSON lines, each decoded on its own with turns for the thread
  // between (index-cache-decode.ts): parsed whole, the notes held it for 0.4 s at 10k notes.
  await writer.section(
    'notes',
    jsonLines(notes, (note, i) => ({ ...withoutBody(note), ...(exactSet.has(i) ? { frontmatter: {} } : {}) })),
  );
  await writer.section(
    'graph',
    jsonLines(graph, (entry) => entry),
  );
  // Bodies as UTF-16, each read alone when asked for (note-bodies.ts): decoding is a copy.
  // A stored note's body is read from the data file of the last save once, here.
  const bodyEnds = new Int32Array(notes.length);
  let end = 0;
  await writer.section(
    'bodies',
    pieces(notes.length, (from, to) => {
      const bodies: string[] = [];
      for (let i = from; i < to; i++) {
        const body = notes[i].body;
        bodies.push(body);
        bodyEnds[i] = end += body.length;
      }
      return Buffer.from(bodies.join(''), 'utf16le');
    }),
  );
  await writer.section('bodyEnds', [Buffer.from(bodyEnds.buffer, bodyEnds.byteOffset, bodyEnds.byteLength)]);
  // FlexSearch's export is a few large JSON texts (well-formed, so UTF-8 carries them exactly):
  // each is a piece of its own.
  const flex = isFlexExport(search.flex) ? search.flex : null;
  const head: SearchHead = flex
    ? { snapshot: { ...search, flex: [] }, flex: flex.map(([key, text]) => [key, Buffer.byteLength(text)]) }
    : { snapshot: search, flex: null };
  await writer.section('searchHead', [v8.serialize(head)]);
  await writer.section(
    'flex',
    (flex ?? []).map(([, text]) => Buffer.from(text)),
  );
  return bodyEnds;
}

/** A copy of the note without its body, which is written apart (`bodies`); a stored note's body
 *  is not read for it (note-bodies.ts). */
function withoutBody(note: ParsedNote): Omit<ParsedNote, 'body'> {
  const copy: Partial<ParsedNote> = { ...note };
  delete copy.body;
  return copy as Omit<ParsedNote, 'body'>;
}

/** The quick switcher's snapshot as JSON lines of a few hundred kilobytes at most, so that
 *  reading it never holds the thread long (index-cache-decode.ts): its version, then the
 *  vocabulary's forms, the entries, and each of FlexSearch's exported lists, a piece at a time
 *  (FlexSearch's import adds to what it holds). */
function* switcherLines(switcher: QuickSwitchSnapshot | undefined): Pieces {
  if (!switcher) return;
  const { version, entries, words, vocabulary } = switcher;
  const line = (piece: SwitcherLine) => `${JSON.stringify(piece)}\n`;
  yield line({ version });
  for (let i = 0; i < vocabulary.forms.length; i += PER_LINE) yield line({ forms: vocabulary.forms.slice(i, i + PER_LINE) });
  for (const spelling of flexPieces(vocabulary.spelling)) yield line({ spelling });
  for (let i = 0; i < entries.length; i += PER_PIECE) yield line({ entries: entries.slice(i, i + PER_PIECE) });
  for (const piece of flexPieces(words)) yield line({ words: piece });
}

/** FlexSearch's exported parts, each list cut in pieces of PER_LINE items. */
function* flexPieces(parts: FlexParts): Generator<FlexParts[number]> {
  for (const [key, data] of parts) {
    if (!Array.isArray(data)) yield [key, data];
    else for (let i = 0; i < data.length || i === 0; i += PER_LINE) yield [key, data.slice(i, i + PER_LINE)];
  }
}

/** A JSON array of `items` written `PER_PIECE` at a time. */
function* jsonArray<T>(items: readonly T[], map: (item: T, i: number) => unknown): Pieces {
  yield '[';
  for (let i = 0; i < items.length; i += PER_PIECE) {
    const part = JSON.stringify(items.slice(i, i + PER_PIECE).map((item, k) => map(item, i + k)));
    yield (i ? ',' : '') + part.slice(1, -1);
  }
  yield ']';
}

/** `items` as lines of a JSON array of PER_PIECE of them each (none for no items). */
function* jsonLines<T>(items: readonly T[], map: (item: T, i: number) => unknown): Pieces {
  for (let i = 0; i < items.length; i += PER_PIECE) yield `${JSON.stringify(items.slice(i, i + PER_PIECE).map((item, k) => map(item, i + k)))}\n`;
}

function* pieces(count: number, piece: (from: number, to: number) => Buffer): Pieces {
  for (let i = 0; i < count; i += PER_PIECE) yield piece(i, Math.min(count, i + PER_PIECE));
}

const isFlexExport = (flex: unknown): flex is Array<[string, string]> =>
  Array.isArray(flex) && flex.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && typeof e[1] === 'string');
