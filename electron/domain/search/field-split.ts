// The full-text index of a cold open, built on the parse threads by field (parse-pool.ts):
// each thread builds some of the FlexSearch Document's fields over every note, and the index
// thread imports their exports side by side. A field's export is then exactly the one an index
// built note by note on one thread gives (each thread adds every note, in ascending number), and
// nothing needs merging. (Until session 14 each thread built every field over its own notes, and
// one thread merged the parts: at 10k notes about 1.3 s on one core, a sixth of a cold open.)
//
// Export keys (0.8.212 serialize.js): `<field>.<chunk>.map` for each field, then `<chunk>.reg`
// (the notes' numbers) and `<chunk>.tag` (the tag index) of the Document; FlexSearch's import
// adds a `reg` chunk's numbers to those it has, and sets a `map` chunk's terms.
import type { FieldName } from './fuse.ts';
import type { NoteText } from './note-document.ts';

/** What one thread builds: some of the text fields, and the tag index or not. */
export type FieldGroup = Array<FieldName | 'tags'>;

/** FlexSearch's Document.export: key → JSON text. */
export type FlexExport = Array<[key: string, data: string]>;

/** The cost of adding every note to each part of the Document, measured at 10k notes (ms for
 *  5,000 notes on one thread): the syllable pairs and the `tolerant` typo field cost most. */
const COST: Record<FieldName | 'tags', number> = { ko: 354, typo: 311, body: 162, head: 95, tagtext: 74, name: 53, tags: 12 };

/** The Document's parts shared among `threads` threads, the costliest first to the least busy:
 *  on two, `ko`, `head`, `tagtext` and the tags on one (535) and `typo`, `body` and `name` on the
 *  other (526). Threads past the seventh get nothing. */
export function fieldGroups(threads: number): FieldGroup[] {
  const groups: FieldGroup[] = Array.from({ length: Math.max(1, threads) }, () => []);
  const load = groups.map(() => 0);
  for (const [part, cost] of Object.entries(COST).sort((a, b) => b[1] - a[1]) as Array<[FieldName | 'tags', number]>) {
    const t = load.indexOf(Math.min(...load));
    groups[t].push(part);
    load[t] += cost;
  }
  return groups;
}

/** A note's text with only the fields of `group`. */
export function pick(doc: Partial<NoteText>, group: FieldGroup): Partial<NoteText> {
  const out: Partial<NoteText> = {};
  for (const f of group) if (doc[f] !== undefined) (out as Record<string, unknown>)[f] = doc[f];
  return out;
}

/** The threads' exports as one: every field's keys, and the notes' numbers (`reg`) as the
 *  union of the threads' (a thread registers a note only when one of its fields has text: one
 *  that builds `ko` alone leaves out the notes with no Hangul). Throws on a key it does not
 *  know, or on a field two threads exported: FlexSearch's import would keep one's lists only. */
export function joinExports(parts: FlexExport[]): FlexExport {
  const out: FlexExport = [];
  const owner = new Map<string, number>();
  const numbers = new Set<number>();
  parts.forEach((part, p) => {
    for (const [key, data] of part) {
      const field = /^([a-z]+)\.\d+\.map$/.exec(key)?.[1] ?? (/^\d+\.tag$/.test(key) ? 'tag' : null);
      if (field !== null) {
        if ((owner.get(field) ?? p) !== p) throw new Error(`two threads exported the same field: ${field}`);
        owner.set(field, p);
        out.push([key, data]);
      } else if (/^\d+\.reg$/.test(key)) for (const n of JSON.parse(data) as number[]) numbers.add(n);
      else throw new Error(`an export key the join does not know: ${key}`);
    }
  });
  // In ascending order, as one index adds them.
  if (numbers.size) out.push(['1.reg', JSON.stringify([...numbers].sort((a, b) => a - b))]);
  return out;
}
