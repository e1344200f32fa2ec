// Putting together the full-text index of a cold open from parts the parse threads built
// (parse-pool.ts): FlexSearch 0.8 has no merge, and its import replaces a term's list rather than
// adding to it (serialize.js, json_to_map), so two exports imported one after the other would
// lose one's notes. This is the thin layer that merges their exports into one, which is then
// imported (flex-import.ts says why the index is imported, not rebuilt).
//
// It relies on how the parts are made: every note has its number from its place in the vault's
// scan (SearchIndex numbers notes 1, 2, 3… as they are put), each part holds its notes only, and
// each part added its notes in ascending number. A term's list at each resolution slot is then
// in ascending number in every part, and the index built in one piece lists the union in
// ascending number too; its terms come in the order of the first note holding them. So the
// merge of sorted lists, with the terms ordered by their first note, is exactly the export of one
// index built note by note (flex-merge.test.ts checks it against one).
//
// Export keys (0.8.212 serialize.js): `<field>.<chunk>.map` (term → lists by slot),
// `<chunk>.reg` (every number), `<chunk>.tag` (tag field → tag → numbers). Any other key is not
// merged: the caller indexes the notes one by one instead.
import type { FlexParts } from './flex-import.ts';

/** FlexSearch's Document.export: key → JSON text. */
export type FlexExport = Array<[key: string, data: string]>;

type Slots = Array<number[] | null>;
type MapPart = Array<[term: string, slots: Slots]>;
type TagPart = Array<[field: string, tags: Array<[tag: string, nums: number[]]>]>;

/** The parts as one export, each kind in one piece (parsed: FlexSearch's import takes the data
 *  parsed or as text). Throws on a key it does not know. */
export function mergeExports(exports: FlexExport[]): FlexParts {
  const kinds = new Map<string, unknown[][]>();
  exports.forEach((parts, p) => {
    for (const [key, text] of parts) {
      const kind = kindOf(key);
      const list = kinds.get(kind) ?? exports.map(() => []);
      for (const item of JSON.parse(text) as unknown[]) list[p].push(item);
      kinds.set(kind, list);
    }
  });
  const out: FlexParts = [];
  for (const [kind, lists] of kinds) {
    if (kind.endsWith('.map')) out.push([kind.replace('#', '0'), lists.reduce((a, b) => mergeMaps(a as MapPart, b as MapPart))]);
    else if (kind === '#.reg') out.push(['0.reg', lists.reduce((a, b) => mergeSorted(a as number[], b as number[]))]);
    else out.push(['0.tag', lists.reduce((a, b) => mergeTags(a as TagPart, b as TagPart))]);
  }
  return out;
}

function kindOf(key: string): string {
  const field = /^([a-z]+)\.\d+\.map$/.exec(key);
  if (field) return `${field[1]}.#.map`;
  if (/^\d+\.reg$/.test(key)) return '#.reg';
  if (/^\d+\.tag$/.test(key)) return '#.tag';
  throw new Error(`an export key the merge does not know: ${key}`);
}

function mergeSorted(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++]);
  return out;
}

function mergeSlots(a: Slots, b: Slots): Slots {
  const out: Slots = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    out.push(x && y ? mergeSorted(x, y) : (x ?? y));
  }
  return out;
}

const firstOf = (slots: Slots) => {
  let first = Infinity;
  for (const s of slots) if (s?.length && s[0] < first) first = s[0];
  return first;
};

/** Two ordered lists of keyed entries as one: a key in both is merged where it first comes. */
function mergeKeyed<T>(a: Array<[string, T]>, b: Array<[string, T]>, first: (v: T) => number, both: (x: T, y: T) => T): Array<[string, T]> {
  const inA = new Map(a);
  const inB = new Map(b);
  const done = new Set<string>();
  const out: Array<[string, T]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && first(a[i][1]) < first(b[j][1]));
    const [key, value] = fromA ? a[i++] : b[j++];
    if (done.has(key)) continue;
    done.add(key);
    const other = fromA ? inB.get(key) : inA.get(key);
    out.push([key, other === undefined ? value : fromA ? both(value, other) : both(other, value)]);
  }
  return out;
}

const mergeMaps = (a: MapPart, b: MapPart): MapPart => mergeKeyed(a, b, firstOf, mergeSlots);

function mergeTags(a: TagPart, b: TagPart): TagPart {
  const first = (nums: number[]) => nums[0] ?? Infinity;
  const firstOfField = (tags: Array<[string, number[]]>) => {
    let min = Infinity;
    for (const [, nums] of tags) min = Math.min(min, first(nums));
    return min;
  };
  return mergeKeyed(a, b, firstOfField, (x, y) => mergeKeyed(x, y, first, mergeSorted));
}
