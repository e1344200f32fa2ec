// The resolved links of every note and the reverse map (backlinks), kept up to date one note at
// a time: a changed note re-resolves only its own links, and a file added or removed re-resolves
// only the links whose last path segment could name it (a link resolves by path or by file name,
// resolve-link.ts, so no other link can change). Context lines are not stored: the note view
// reads them from the linking note's body when it shows a backlink (contextAt).
import type { Diagnostic, ParsedNote, RawLink } from '../notes/note-types.ts';
import { escapesVault, type FileIndex, resolveLink, type Resolution } from './resolve-link.ts';
import { plainLine } from '../search/snippet.ts';
import { runSteps } from '../run-steps.ts';

export interface ResolvedLink extends RawLink {
  /** Resolved file id (note or attachment), or null when unresolved. */
  target: string | null;
  ambiguous: boolean;
}

export interface Backlink {
  id: string;
  line: number;
}

/** What the index cache keeps of the graph: each note's resolutions, in the order of its links,
 *  as [target, ambiguous, other candidates]. */
export type GraphSnapshot = Array<[id: string, resolutions: Array<[string | null, 0 | 1, string[]]>]>;

/** Links whose last segment is `.`/`..` can land on a folder's name: re-resolved on every change. */
const ANY_NAME = '\0any';

const key = (p: string) => p.normalize('NFC').toLowerCase();
const withoutMd = (p: string) => p.replace(/\.md$/i, '');

/** The name keys a file is found under by resolveLink (its basename, without `.md`). */
function fileNameKey(id: string): string {
  return key(withoutMd(id.slice(id.lastIndexOf('/') + 1)));
}

/** The name keys under which a file could answer a link written as `p`. */
function linkNameKeys(p: string): string[] {
  const normal = p.normalize('NFC').trim().replace(/\\/g, '/');
  const last = normal.slice(normal.lastIndexOf('/') + 1);
  if (last === '' || last === '.' || last === '..') return [ANY_NAME];
  const k = key(last);
  const bare = withoutMd(k);
  // `[[x.md]]` also finds a file named `x.md.md` (exact path + `.md`), whose name key is `x.md`.
  return bare === k ? [k] : [k, bare];
}

/** A note's resolutions, beside its parsed links (not copies of them: the graph of a large vault
 *  would otherwise hold every link twice); ResolvedLink objects are made when asked for. */
interface NoteEntry {
  note: ParsedNote;
  /** Per link of `note.links`: its target (null: unresolved), whether ambiguous, and the other
   *  files it could have meant (resolve-link.ts, kept for the cache's diagnostics). */
  resolved: Array<string | null>;
  /** null when no link is ambiguous, and `candidates` null when none has other candidates: most
   *  notes, and an array per note of each was 2 MB at 10k notes. */
  ambiguous: boolean[] | null;
  candidates: string[][] | null;
  diagnostics: Diagnostic[];
}

const NONE: string[] = [];

/** A source's lines linking to a target: one, or several. */
type Lines = number | number[];

export class LinkGraph {
  private readonly entries = new Map<string, NoteEntry>();
  /** target → source → the line of the links, or their lines (in link order) when there are
   *  several: most sources link to a target once, and an array per link was about 7 MB of the
   *  graph's 25 MB at 10k notes. */
  private readonly incoming = new Map<string, Map<string, Lines>>();
  /** Name key → notes holding a link whose last segment has that name; built when a file is first
   *  added or removed (a start from the cache need not pay for it). */
  private byName: Map<string, Set<string>> | null = null;

  constructor(private readonly files: FileIndex) {}

  /** Builds the graph of `notes`, resolving every link. */
  static build(notes: Iterable<ParsedNote>, files: FileIndex): LinkGraph {
    return runSteps(LinkGraph.building(notes, files));
  }

  /** `build` a piece at a time: it yields every 250 notes (the caller may give the thread a turn;
   *  whole, it held it for about a second at 10k notes). */
  static *building(notes: Iterable<ParsedNote>, files: FileIndex): Generator<void, LinkGraph> {
    const graph = new LinkGraph(files);
    let n = 0;
    for (const note of notes) {
      graph.setNote(note);
      if (++n % 250 === 0) yield;
    }
    return graph;
  }

  /** The graph as it was saved, for the same notes; links are not resolved again. Throws when the
   *  snapshot does not fit the notes (the cache is then not used). */
  static restore(snapshot: GraphSnapshot, notes: ReadonlyMap<string, ParsedNote>, files: FileIndex): LinkGraph {
    return runSteps(LinkGraph.restoring(snapshot, notes, files));
  }

  /** `restore` a piece at a time: it yields every 500 notes (the caller may give the thread a turn;
   *  whole, it held it for 0.15-0.3 s at 10k notes). */
  static *restoring(snapshot: GraphSnapshot, notes: ReadonlyMap<string, ParsedNote>, files: FileIndex): Generator<void, LinkGraph> {
    const graph = new LinkGraph(files);
    let n = 0;
    for (const [id, resolutions] of snapshot) {
      if (++n % 500 === 0) yield;
      const note = notes.get(id);
      if (!note) continue;
      if (resolutions.length !== note.links.length) throw new Error(`graph snapshot does not fit ${id}`);
      graph.enter(
        note,
        resolutions.map(([target, ambiguous, candidates]) => ({ target, ambiguous: ambiguous === 1, candidates })),
      );
    }
    return graph;
  }

  snapshot(): GraphSnapshot {
    return [...this.entries.values()].map((e) => [e.note.id, e.resolved.map((t, i) => [t, e.ambiguous?.[i] ? 1 : 0, e.candidates?.[i] ?? NONE])]);
  }

  /** Adds or replaces a note: its own links are resolved again, and its backlinks elsewhere move. */
  setNote(note: ParsedNote): void {
    this.enter(
      note,
      note.links.map((l) => resolveLink(l.path, note.id, this.files)),
    );
  }

  removeNote(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    // Its backlinks are under the targets it resolved to (a target twice is found gone the second time).
    for (const t of e.resolved) {
      if (t === null) continue;
      const sources = this.incoming.get(t);
      sources?.delete(id);
      if (sources?.size === 0) this.incoming.delete(t);
    }
    if (this.byName) {
      for (const k of nameKeysOf(e.note)) {
        const set = this.byName.get(k);
        set?.delete(id);
        if (set?.size === 0) this.byName.delete(k);
      }
    }
    this.entries.delete(id);
  }

  /** A file (note or attachment) appeared or disappeared in the file index: the links that could
   *  name it are resolved again (an unresolved link may now resolve, an exact one become ambiguous). */
  fileAddedOrRemoved(fileId: string): void {
    const byName = this.nameIndex();
    const linkers = new Set([...(byName.get(fileNameKey(fileId)) ?? []), ...(byName.get(ANY_NAME) ?? [])]);
    for (const id of linkers) {
      const e = this.entries.get(id);
      if (e) this.setNote(e.note);
    }
  }

  outgoing(id: string): ResolvedLink[] {
    const e = this.entries.get(id);
    return e ? linksOf(e) : [];
  }

  allLinks(): ResolvedLink[] {
    return [...this.entries.values()].flatMap(linksOf);
  }

  private nameIndex(): Map<string, Set<string>> {
    if (this.byName) return this.byName;
    const byName = new Map<string, Set<string>>();
    for (const e of this.entries.values()) addNameKeys(byName, e.note);
    return (this.byName = byName);
  }

  /** Notes linking to `id`, one entry per line, by linking note id (then line), as a cold build gives. */
  backlinks(id: string): Backlink[] {
    const sources = this.incoming.get(id);
    if (!sources) return [];
    const ids = [...sources.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return ids.flatMap((s) => {
      const lines = sources.get(s)!;
      return typeof lines === 'number' ? [{ id: s, line: lines }] : lines.map((line) => ({ id: s, line }));
    });
  }

  linkers(id: string): Set<string> {
    return new Set(this.incoming.get(id)?.keys() ?? []);
  }

  diagnostics(): Diagnostic[] {
    return [...this.entries.values()].flatMap((e) => e.diagnostics);
  }

  diagnosticsOf(id: string): Diagnostic[] {
    return this.entries.get(id)?.diagnostics ?? [];
  }

  private enter(note: ParsedNote, resolutions: Resolution[]): void {
    this.removeNote(note.id);
    const diagnostics: Diagnostic[] = [];
    note.links.forEach((link, i) => {
      const r = resolutions[i];
      if (!r.target) {
        const outside = escapesVault(link.path, note.id);
        diagnostics.push({
          id: note.id,
          code: outside ? 'LINK_OUTSIDE_VAULT' : 'UNRESOLVED_LINK',
          message: outside ? `link leaves the vault: ${link.raw}` : `unresolved link: ${link.raw}`,
          line: link.line,
        });
      } else if (r.ambiguous) {
        diagnostics.push({
          id: note.id,
          code: 'AMBIGUOUS_LINK',
          message: `ambiguous link ${link.raw}: took ${r.target}, also ${r.candidates.join(', ')}`,
          line: link.line,
        });
      }
    });
    note.links.forEach((link, i) => {
      const target = resolutions[i].target;
      // A link to the note itself (`[[#Heading]]`) is a link but no backlink (electron/domain/README.md §1).
      if (!target || target === note.id) return;
      let sources = this.incoming.get(target);
      if (!sources) this.incoming.set(target, (sources = new Map()));
      const lines = sources.get(note.id);
      if (lines === undefined) sources.set(note.id, link.line);
      else if (typeof lines === 'number') {
        if (lines !== link.line) sources.set(note.id, [lines, link.line]);
      } else if (!lines.includes(link.line)) lines.push(link.line);
    });
    if (this.byName) addNameKeys(this.byName, note);
    this.entries.set(note.id, {
      note,
      resolved: resolutions.map((r) => r.target),
      ambiguous: resolutions.some((r) => r.ambiguous) ? resolutions.map((r) => r.ambiguous) : null,
      candidates: resolutions.some((r) => r.candidates.length) ? resolutions.map((r) => (r.candidates.length ? r.candidates : NONE)) : null,
      diagnostics,
    });
  }
}

function linksOf(e: NoteEntry): ResolvedLink[] {
  return e.note.links.map((link, i) => ({ ...link, target: e.resolved[i], ambiguous: e.ambiguous?.[i] ?? false }));
}

function nameKeysOf(note: ParsedNote): Set<string> {
  return new Set(note.links.flatMap((l) => (l.path === '' ? [] : linkNameKeys(l.path))));
}

function addNameKeys(byName: Map<string, Set<string>>, note: ParsedNote): void {
  for (const k of nameKeysOf(note)) {
    let set = byName.get(k);
    if (!set) byName.set(k, (set = new Set()));
    set.add(note.id);
  }
}

/** The line `line` (1-based, of the file) of a note, as readable context: read when shown. */
export function contextAt(note: ParsedNote, line: number, max = 240): string {
  // A property link's line is in the frontmatter: its context is the property.
  if (line < note.bodyStartLine) {
    const prop = note.links.find((l) => l.property && l.line === line);
    return prop ? contextLine(`${prop.property}: ${prop.display ?? prop.path}`, max) : '';
  }
  let at = 0;
  for (let i = note.bodyStartLine; i < line && at >= 0; i++) {
    const nl = note.body.indexOf('\n', at);
    at = nl < 0 ? -1 : nl + 1;
  }
  if (at < 0 || line < note.bodyStartLine) return '';
  const end = note.body.indexOf('\n', at);
  return contextLine(note.body.slice(at, end < 0 ? undefined : end), max);
}

/** The line around a link, as readable text (markdown syntax dropped), at most `max` characters. */
export function contextLine(line: string, max = 240): string {
  const t = plainLine(
    line.replace(
      WIKILINK_TEXT,
      (_m, target: string, display: string | undefined) => (display && !/^\s*\d+(x\d+)?\s*$/.test(display) ? display : linkLabel(target)), // an image size is no name
    ),
  );
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}

const WIKILINK_TEXT = /!?\[\[([^[\]|\n]+?)(?:\\?\|([^[\]\n]*))?\]\]/g;

/** A link as the reader shows it: "note › heading", a block id without its `^`. */
function linkLabel(target: string): string {
  const hash = target.indexOf('#');
  if (hash < 0) return target.trim();
  const path = target.slice(0, hash).trim();
  const sub = target
    .slice(hash + 1)
    .replace(/^\^/, '')
    .trim();
  return path ? `${path} › ${sub}` : sub;
}
