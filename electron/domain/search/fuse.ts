// Fusing FlexSearch's per-field, per-word answers into one ranking. FlexSearch 0.8 returns no
// scores and ANDs words only within one field (a `{query, tag}` search over several fields can
// even return nothing when one field has no hit: nextapps-de/flexsearch#533, #551), so each word
// is searched in the fields that can hold it, and a note is ranked by how many of the query's
// words it holds anywhere, then by where (title before heading before body) and how early
// FlexSearch put it. Flat arrays, not an object per note: a query touches a few thousand notes.

export type FieldName = 'name' | 'head' | 'tagtext' | 'body' | 'ko' | 'typo';

/** How much a word found in a field counts. */
export const WEIGHT: Record<FieldName, number> = { name: 4, tagtext: 4, head: 4, body: 1, ko: 1, typo: 2.5 };

export interface Fused {
  num: number;
  /** Query units found (any field). */
  words: number;
  score: number;
  /** The field that counted most. */
  best: FieldName;
  /** Whether every word was found in the names (only then can a name be the query). */
  allInName: boolean;
  /** The words found, one bit each. */
  found: number;
}

/** Where fuse (search-index.ts) puts each field's answer for each word: a Fusion ranks, a
 *  WordCounter only counts. Both read the same lists through the same code, so the count shown
 *  is the count of the notes the ranking would list. */
export interface FieldSink {
  add(w: number, field: FieldName, ids: readonly number[], factor?: number): void;
  /** A small bonus for notes already found (FlexSearch's own multi-word order in the names);
   *  null: the sink has no use for it, and the list is not asked for. */
  readonly bonus: ((ids: readonly number[], amount: number) => void) | null;
}

/** The fields by number (a Fusion keeps a note's best field as one byte). */
const FIELDS: FieldName[] = ['name', 'head', 'tagtext', 'body', 'ko', 'typo'];
const FIELD_NUMBER = new Map(FIELDS.map((f, i) => [f, i]));

/**
 * One query's fusion. Kept by its SearchIndex and used again by each query (`begin`), its
 * per-note figures in typed arrays that only grow: a query touches thousands of notes, and an
 * object or array entry per note was most of the half megabyte a search allocated, which at 50k
 * notes made a minor collection (4-5 ms) every few searches.
 */
export class Fusion implements FieldSink {
  /** Note number → its slot + 1 (0: not seen); note numbers are small and dense (search-index.ts). */
  private slotOf: Int32Array = new Int32Array(0);
  private wordCount = 1;
  /** Slots in use. */
  private used = 0;
  private nums = new Int32Array(256);
  /** Per note (slot), per word: the best score of the word in any field. */
  private perWord = new Float64Array(256);
  /** The field that counted most (FIELDS), and its weight. */
  private best = new Uint8Array(256);
  private bestWeight = new Float64Array(256);
  /** Per note, the words found in the names, one bit each (MAX_TERMS is 24). */
  private inName = new Int32Array(256);
  /** Per note, bonuses that find no word (see `bonus`). */
  private extra = new Float64Array(256);
  /** `collect`'s answer: the slots kept, with their units, score and words found. */
  private keptSlots = new Int32Array(256);
  private keptCount = 0;
  private keptWords = new Int32Array(256);
  private keptScore = new Float64Array(256);
  private keptFound = new Int32Array(256);

  /** Starts a query of `wordCount` words. `slots`: zeros, one per note number, lent for this
   *  query and zeroed again by `release` (a new array per query would be as large as the vault). */
  begin(wordCount: number, slots: Int32Array): void {
    this.wordCount = wordCount;
    this.slotOf = slots;
    this.used = 0;
    this.keptCount = 0;
    if (this.perWord.length < this.nums.length * wordCount) this.perWord = new Float64Array(this.nums.length * wordCount);
  }

  /** Zeroes the lent slots again. */
  release(): void {
    for (let slot = 0; slot < this.used; slot++) this.slotOf[this.nums[slot]] = 0;
    this.used = 0;
  }

  /** FlexSearch's answer for word `w` in `field`, best first; `factor` lowers corrected words. */
  add(w: number, field: FieldName, ids: readonly number[], factor = 1): void {
    const weight = WEIGHT[field] * factor;
    const fieldNumber = FIELD_NUMBER.get(field)!;
    const n = ids.length;
    const wc = this.wordCount;
    const bit = field === 'name' && factor >= 0.5 ? 1 << w : 0;
    for (let r = 0; r < n; r++) {
      const num = ids[r];
      if (!(num >= 0 && num < this.slotOf.length)) continue;
      let slot = this.slotOf[num] - 1;
      // A slot left by a query that threw before `release` is not this query's.
      if (slot < 0 || slot >= this.used || this.nums[slot] !== num) slot = this.newSlot(num, fieldNumber);
      this.inName[slot] |= bit;
      // FlexSearch's order (earlier in the field first) breaks ties among notes: a small bonus.
      const s = weight * (1 + 0.2 / (1 + r / 8));
      const at = slot * wc + w;
      if (s > this.perWord[at]) this.perWord[at] = s;
      if (weight > this.bestWeight[slot]) {
        this.bestWeight[slot] = weight;
        this.best[slot] = fieldNumber;
      }
    }
  }

  private newSlot(num: number, fieldNumber: number): number {
    const slot = this.used++;
    if (slot >= this.nums.length) this.grow();
    this.slotOf[num] = slot + 1;
    this.nums[slot] = num;
    for (let at = slot * this.wordCount, end = at + this.wordCount; at < end; at++) this.perWord[at] = 0;
    this.best[slot] = fieldNumber;
    this.bestWeight[slot] = 0;
    this.inName[slot] = 0;
    this.extra[slot] = 0;
    return slot;
  }

  private grow(): void {
    const size = this.nums.length * 2;
    this.nums = grown(this.nums, new Int32Array(size));
    this.perWord = grown(this.perWord, new Float64Array(Math.max(this.perWord.length, size * this.wordCount)));
    this.best = grown(this.best, new Uint8Array(size));
    this.bestWeight = grown(this.bestWeight, new Float64Array(size));
    this.inName = grown(this.inName, new Int32Array(size));
    this.extra = grown(this.extra, new Float64Array(size));
  }

  /** Adds to the score of notes this query already found, scaled by their place in `ids`; a
   *  note not found by any word stays out (it holds none of them as a whole). */
  readonly bonus = (ids: readonly number[], amount: number): void => {
    for (let r = 0; r < ids.length; r++) {
      const slot = this.slotOf[ids[r]] - 1;
      if (slot < 0 || slot >= this.used || this.nums[slot] !== ids[r]) continue;
      this.extra[slot] += amount * (1 + 0.2 / (1 + r / 8));
    }
  };

  /** Keeps the notes holding at least `need` units that `keep` takes (given the note and the
   *  words it holds, one bit each), in the order found; `units`: the query's units as word
   *  numbers (query-terms.ts), `words` counts the units a note holds all the words of; `must`:
   *  the words every note kept holds (a phrase's), checked before `keep` is called. Returns how
   *  many were kept: `fused(k)` is the k-th. */
  collect(units: number[][], need: number, keep: (num: number, found: number) => boolean, must = 0): number {
    const wc = this.wordCount;
    if (this.keptSlots.length < this.used) {
      this.keptSlots = new Int32Array(this.nums.length);
      this.keptWords = new Int32Array(this.nums.length);
      this.keptScore = new Float64Array(this.nums.length);
      this.keptFound = new Int32Array(this.nums.length);
    }
    // A unit is held when every one of its words is: one mask of word bits per unit.
    const masks = Int32Array.from(units, (u) => u.reduce((m, w) => m | (1 << w), 0));
    const perWord = this.perWord;
    let n = 0;
    for (let slot = 0; slot < this.used; slot++) {
      const base = slot * wc;
      let score = this.extra[slot];
      let found = 0;
      for (let k = 0; k < wc; k++) {
        const s = perWord[base + k];
        score += s;
        if (s > 0) found |= 1 << k;
      }
      // A phrase of common words has thousands of candidates, most without all its words: they
      // leave here, without a call (at 50k notes, `"과금 인스턴스"` spent 2.5 of its 6 ms in calls).
      if ((found & must) !== must) continue;
      let words = 0;
      for (let u = 0; u < masks.length; u++) if ((found & masks[u]) === masks[u]) words++;
      if (words === 0 || words < need) continue;
      if (!keep(this.nums[slot], found)) continue;
      this.keptSlots[n] = slot;
      this.keptWords[n] = words;
      this.keptScore[n] = score;
      this.keptFound[n] = found;
      n++;
    }
    this.keptCount = n;
    return n;
  }

  /** The k-th note `collect` kept: its number, units, score and words found. */
  num = (k: number) => this.nums[this.keptSlots[k]];
  unitsOf = (k: number) => this.keptWords[k];
  scoreOf = (k: number) => this.keptScore[k];
  /** Whether every word was found in the names (only then can a name be the query). */
  allInName = (k: number) => this.inName[this.keptSlots[k]] === 2 ** this.wordCount - 1;

  /** The k-th note `collect` kept, as an object (made only for the notes a page can hold). */
  fused(k: number): Fused {
    if (!(k >= 0 && k < this.keptCount)) throw new RangeError(`no kept note ${k}`);
    const slot = this.keptSlots[k];
    return {
      num: this.nums[slot],
      words: this.keptWords[k],
      score: this.keptScore[k],
      best: FIELDS[this.best[slot]],
      allInName: this.allInName(k),
      found: this.keptFound[k],
    };
  }
}

/**
 * The number of notes that hold enough of a query's words, from the same lists a Fusion reads,
 * but only a bit per word and note: a common word's whole list (every note of a 10k vault that
 * holds "instance", in five fields) is counted in a fraction of the time it takes to rank it.
 */
export class WordCounter implements FieldSink {
  /** The highest note number set: `count` reads the bits up to it, in one pass over a dense
   *  array (a common word is in most notes, so a list of the notes seen would cost more). */
  private top = -1;
  readonly bonus = null;

  /** `bits`: zeros, one per note number, lent for this count and zeroed again by `count`. */
  constructor(private readonly bits: Int32Array) {}

  add(w: number, _field: FieldName, ids: readonly number[]): void {
    const bit = 1 << w;
    const bits = this.bits;
    let top = this.top;
    for (let r = 0; r < ids.length; r++) {
      const num = ids[r];
      if (!(num >= 0 && num < bits.length)) continue;
      bits[num] |= bit;
      if (num > top) top = num;
    }
    this.top = top;
  }

  /** How many notes hold at least `need` of the units (as in Fusion.results) and pass `keep`,
   *  which is given the words found, one bit each. Zeroes the lent bits. */
  count(units: number[][], need: number, keep: (num: number, found: number) => boolean, must = 0): number {
    const masks = Int32Array.from(units, (u) => u.reduce((m, w) => m | (1 << w), 0));
    const bits = this.bits;
    let n = 0;
    try {
      for (let num = 0; num <= this.top; num++) {
        const found = bits[num];
        if (found === 0 || (found & must) !== must) continue;
        let words = 0;
        for (let k = 0; k < masks.length; k++) if ((found & masks[k]) === masks[k]) words++;
        if (words > 0 && words >= need && keep(num, found)) n++;
      }
    } finally {
      bits.fill(0, 0, this.top + 1);
      this.top = -1;
    }
    return n;
  }
}

/** The numbers in every one of `lists` (each without repeats), in the order of the shortest
 *  list, at most `limit`; `seen`: zeros, one per note number (fewer than 255 lists), zero again
 *  on return. */
export function intersect(lists: readonly (readonly number[])[], seen: Uint8Array, limit = Infinity): number[] {
  if (lists.length === 0) return [];
  let rarest = 0;
  lists.forEach((l, i) => l.length < lists[rarest].length && (rarest = i));
  const others = lists.filter((_, i) => i !== rarest);
  const out: number[] = [];
  const ok = (num: number) => num >= 0 && num < seen.length;
  // seen[num] is how many of the other lists hold num, counted only while it held all before.
  for (let i = 0; i < others.length; i++) for (const num of others[i]) if (ok(num) && seen[num] === i) seen[num] = i + 1;
  for (const num of lists[rarest]) {
    if (out.length >= limit) break;
    if (ok(num) && seen[num] === others.length) out.push(num);
  }
  if (others.length) for (const num of others[0]) if (ok(num)) seen[num] = 0;
  return out;
}

/** `to`, a larger array of the same kind, holding `from` at its start. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Which of the first `n` keys can be among the `want` largest: every one when there are few,
 *  else those at least the want-th largest (ties included). */
export function topKeys(keys: Float64Array, n: number, want: number): number[] {
  if (n <= want * 2 || want <= 0) return Array.from({ length: n }, (_, k) => k);
  const cut = keys.slice(0, n).sort()[n - want];
  const top: number[] = [];
  for (let k = 0; k < n; k++) if (keys[k] >= cut) top.push(k);
  return top;
}

/** The `n` best of `items` by `order`, sorted; sorts only what can be among them. */
export function topN<T>(items: T[], n: number, key: (t: T) => number, order: (a: T, b: T) => number): T[] {
  if (items.length > n * 2 && n > 0) {
    const keys = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) keys[i] = key(items[i]);
    const sorted = keys.slice().sort();
    const cut = sorted[sorted.length - n];
    items = items.filter((_, i) => keys[i] >= cut);
  }
  return items.sort(order).slice(0, Math.max(0, n));
}
