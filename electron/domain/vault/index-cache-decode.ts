// Reading the index cache's data file (index-cache.ts says what is in it): the light sections at
// once, the notes and the link graph (`rest`), then the search index (`search`) when asked, each
// section checked (index-cache-sections.ts) before it is decoded.
import v8 from 'node:v8';
import type { ParsedNote } from '../notes/note-types.ts';
import type { GraphSnapshot } from '../links/link-graph.ts';
import type { FlexParts } from '../search/flex-import.ts';
import type { QuickSwitchSnapshot } from '../search/quick-switch.ts';
import type { CachedIndex, CachedRest, SearchSnapshot } from './index-cache.ts';
import { BodyFile, storeBody } from './note-bodies.ts';
import { SectionReader, type SectionTable } from './index-cache-sections.ts';

export interface Manifest {
  version: number;
  root: string;
  data: string;
  bytes: number;
  sections: SectionTable;
}

export interface Meta {
  files: Array<[id: string, size: number, mtimeMs: number]>;
  allFiles: string[];
  /** Indexes of notes whose frontmatter JSON cannot carry exactly (NaN, Infinity, -0, undefined):
   *  those are in the `exact` section, serialised by V8. */
  exact: number[];
}

/** The search section's head: the snapshot without FlexSearch's export, and the export's keys
 *  with their data's byte lengths (the data, UTF-8, one after another, is the `flex` section).
 *  `flex` null: the snapshot is not of that shape and the head holds all of it. */
export interface SearchHead {
  snapshot: SearchSnapshot;
  flex: Array<[key: string, bytes: number]> | null;
}

export async function decode(file: string, manifest: Manifest): Promise<CachedIndex> {
  const reader = await SectionReader.open(file, manifest.bytes, manifest.sections);
  try {
    const meta = (await readJson(reader, 'meta')) as Meta;
    const tags = (await readJson(reader, 'tags')) as string[][];
    if (!Array.isArray(meta?.files) || !Array.isArray(meta.allFiles) || !Array.isArray(meta.exact) || !Array.isArray(tags))
      throw new Error('cache meta incomplete');
    if (tags.length !== meta.files.length || !tags.every((t) => Array.isArray(t) && t.every((x) => typeof x === 'string')))
      throw new Error('cache sections disagree');
    const ids = new Map<string, string>();
    shareIds(ids, meta);
    const step = steps();
    // A step that fails closes the file, and every later step fails with the same reason (the
    // file is damaged), not with "file closed". The last step closes it anyway.
    let failed: unknown = null;
    const read = async <T>(name: Step, part: () => Promise<T>, last = false): Promise<T> => {
      step(name);
      if (failed) throw failed;
      try {
        return await part();
      } catch (err) {
        failed = err;
        throw err;
      } finally {
        if (last || failed) await reader.close();
      }
    };
    return {
      files: meta.files.map(([id, size, mtimeMs]) => ({ id, size, mtimeMs })),
      allFiles: meta.allFiles,
      tags,
      switcher: () => read('switcher', () => readSwitcher(reader)),
      rest: () => read('rest', () => readRest(reader, meta, ids, file, manifest.root)),
      search: () => read('search', () => readSearch(reader), true),
      close: () => reader.close(),
    };
  } catch (err) {
    await reader.close();
    throw err;
  }
}

/** Each later step once, in order: `switcher` (may be left out), `rest`, then `search`. A second
 *  call, or one out of order, is a mistake of the caller. */
type Step = 'switcher' | 'rest' | 'search';

function steps(): (name: Step) => void {
  const rank = { switcher: 1, rest: 2, search: 3 };
  let last = 0;
  return (name) => {
    if (rank[name] <= last || (name === 'search' && last !== rank.rest)) throw new Error(`the index cache's ${name} was asked for out of order`);
    last = rank[name];
  };
}

/** One line of the quick switcher's section (index-cache.ts, switcherLines). */
export type SwitcherLine =
  | { version: number }
  | { forms: QuickSwitchSnapshot['vocabulary']['forms'] }
  | { spelling: FlexParts[number] }
  | { entries: QuickSwitchSnapshot['entries'] }
  | { words: FlexParts[number] };

/** The quick switcher's JSON lines put together, each line decoded and parsed on its own, with
 *  a turn for the thread every few: decoding and parsing the 12 MB of a 10k-note vault at once
 *  held it for 0.2 s, and the note list's first request waited. */
async function readSwitcher(reader: SectionReader): Promise<QuickSwitchSnapshot | undefined> {
  const bytes = await reader.read('switcher');
  if (!bytes.length) return undefined;
  const snap: QuickSwitchSnapshot = { version: NaN as 2, entries: [], words: [], vocabulary: { forms: [], spelling: [] } };
  await eachLine(bytes, (value) => {
    const line = value as Partial<Record<string, unknown>>;
    if (typeof line.version === 'number') snap.version = line.version as 2;
    else if (Array.isArray(line.forms)) for (const f of line.forms) snap.vocabulary.forms.push(f);
    else if (Array.isArray(line.spelling)) snap.vocabulary.spelling.push(line.spelling as FlexParts[number]);
    else if (Array.isArray(line.entries)) for (const e of line.entries) snap.entries.push(e);
    else if (Array.isArray(line.words)) snap.words.push(line.words as FlexParts[number]);
    else throw new Error('cache switcher line of no known kind');
  });
  return snap;
}

/** Each JSON line of a section, parsed, with a turn for the thread every 20 ms. */
async function eachLine(bytes: Buffer, take: (value: unknown) => void): Promise<void> {
  let slice = performance.now();
  for (let at = 0; at < bytes.length; ) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    take(JSON.parse(bytes.toString('utf8', at, end)));
    at = end + 1;
    if (performance.now() - slice > 20) {
      await new Promise((r) => setImmediate(r));
      slice = performance.now();
    }
  }
}

/** A section of JSON lines, each an array (index-cache.ts, jsonLines): their items, in order. */
async function readJsonLines(reader: SectionReader, name: string): Promise<unknown[]> {
  const items: unknown[] = [];
  await eachLine(await reader.read(name), (line) => {
    if (!Array.isArray(line)) throw new Error(`cache section ${name} holds a line that is not a list`);
    for (const item of line) items.push(item);
  });
  return items;
}

const readJson = async (reader: SectionReader, name: string) => JSON.parse((await reader.read(name)).toString('utf8')) as unknown;

/** The notes (their bodies left in the file) and the link graph; the search sections are checked here too, so a cache
 *  whose notes were used is not found damaged later. */
async function readRest(reader: SectionReader, meta: Meta, ids: Map<string, string>, file: string, root: string): Promise<CachedRest> {
  const metaNotes = (await readJsonLines(reader, 'notes')) as ParsedNote[];
  const graph = (await readJsonLines(reader, 'graph')) as GraphSnapshot;
  const exactNotes = v8.deserialize(await reader.read('exact')) as ParsedNote[];
  // The bodies stay in the file, checked here and read when asked for (note-bodies.ts).
  await reader.verify('bodies');
  const [bodiesAt, bodiesBytes] = reader.place('bodies');
  const bodyEnds = int32s(await reader.read('bodyEnds'));
  await reader.verify('searchHead');
  await reader.verify('flex');
  if (!Array.isArray(metaNotes) || !Array.isArray(exactNotes) || !Array.isArray(graph)) throw new Error('cache meta incomplete');
  if (meta.files.length !== metaNotes.length || bodyEnds.length !== metaNotes.length || exactNotes.length !== meta.exact.length) {
    throw new Error('cache sections disagree');
  }
  meta.exact.forEach((i, k) => (metaNotes[i] = exactNotes[k]));
  shareNoteIds(ids, metaNotes, graph);
  let start = 0;
  metaNotes.forEach((note, i) => {
    const end = bodyEnds[i];
    if (end < start || end * 2 > bodiesBytes || typeof note?.id !== 'string' || note.id !== meta.files[i][0]) throw new Error('cache note out of range');
    start = end;
  });
  if (start * 2 !== bodiesBytes) throw new Error('cache sections disagree');
  const bodies = new BodyFile(file, bodiesAt, bodyEnds, root);
  metaNotes.forEach((note, i) => storeBody(note, bodies, i));
  return { notes: metaNotes, graph, bodies };
}

/** JSON.parse makes a string per occurrence: a note's id appears in the file list, the note, the
 *  graph and every link to it. One string per id is kept instead (about 7 links a note). */
function sharing(ids: Map<string, string>) {
  return <T extends string | null>(s: T): T => {
    if (s === null) return s;
    const kept = ids.get(s);
    if (kept !== undefined) return kept as T;
    ids.set(s, s);
    return s;
  };
}

function shareIds(ids: Map<string, string>, meta: Meta): void {
  const one = sharing(ids);
  meta.allFiles = meta.allFiles.map(one);
  for (const f of meta.files) f[0] = one(f[0]);
}

function shareNoteIds(ids: Map<string, string>, notes: ParsedNote[], graph: GraphSnapshot): void {
  const one = sharing(ids);
  for (const n of notes) if (typeof n?.id === 'string') n.id = one(n.id);
  for (const entry of graph) {
    if (!Array.isArray(entry) || !Array.isArray(entry[1])) continue;
    entry[0] = one(entry[0]);
    for (const r of entry[1]) {
      if (!Array.isArray(r)) continue;
      r[0] = one(r[0]);
      if (Array.isArray(r[2])) r[2] = r[2].map(one);
    }
  }
}

async function readSearch(reader: SectionReader): Promise<SearchSnapshot> {
  const head = v8.deserialize(await reader.read('searchHead')) as SearchHead;
  if (!head.flex) return head.snapshot;
  const bytes = await reader.read('flex');
  const flex: Array<[string, string]> = [];
  let at = 0;
  for (const [key, length] of head.flex) {
    if (!(length >= 0 && at + length <= bytes.length)) throw new Error('cache search section out of range');
    flex.push([key, bytes.toString('utf8', at, (at += length))]);
  }
  return { ...head.snapshot, flex };
}

/** A copy, so the views do not keep the whole file's buffer alive. */
function int32s(bytes: Buffer): Int32Array {
  if (bytes.length % 4) throw new Error('cache section is not a whole number of Int32');
  const out = new Int32Array(bytes.length / 4);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}
