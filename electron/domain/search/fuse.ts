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

export class Fusion implements FieldSink {
  /** Note number → its slot + 1 (0: not seen); note numbers are small and dense (search-index.ts). */
  private slotOf: Int32Array;
  private nums: number[] = [];
  /** Per note (slot), per word: the best score of the word in any field. */
  private perWord: Float64Array;
  private best: FieldName[] = [];
  private bestWeight: number[] = [];
  /** Per note, the words found in the names, one bit each (MAX_TERMS is 24). */
  private inName: number[] = [];
  /** Per note, bonuses that find no word (see `bonus`). */
  private extra: number[] = [];

  /** `slots`: zeros, one per note number, lent for this query and zeroed again by `release`
   *  (a new array per query would be as large as the vault). */
  constructor(
    private readonly wordCount: number,
    slots: Int32Array,
  ) {
    this.slotOf = slots;
    this.perWord = new Float64Array(256 * wordCount);
  }

  /** Zeroes the lent slots again. */
  release(): void {
    for (const num of this.nums) this.slotOf[num] = 0;
  }

  /** FlexSearch's answer for word `w` in `field`, best first; `factor` lowers corrected words. */
  add(w: number, field: FieldName, ids: readonly number[], factor = 1): void {
    const weight = WEIGHT[field] * factor;
    const n = ids.length;
    const wc = this.wordCount;
    const bit = field === 'name' && factor >= 0.5 ? 1 << w : 0;
    for (let r = 0; r < n; r++) {
      const num = ids[r];
      if (!(num >= 0 && num < this.slotOf.length)) continue;
      let slot = this.slotOf[num] - 1;
      // A slot left by a query that threw before `release` is not this query's.
      if (slot < 0 || this.nums[slot] !== num) {
        slot = this.nums.length;
        this.slotOf[num] = slot + 1;
        this.nums.push(num);
        if ((slot + 1) * wc > this.perWord.length) {
          const grown = new Float64Array(this.perWord.length * 2);
          grown.set(this.perWord);
          this.perWord = grown;
        }
        this.best.push(field);
        this.bestWeight.push(0);
        this.inName.push(0);
        this.extra.push(0);
      }
      this.inName[slot] |= bit;
      // FlexSearch's order (earlier in the field first) breaks ties among notes: a small bonus.
      const s = weight * (1 + 0.2 / (1 + r / 8));
      const at = slot * wc + w;
      if (s > this.perWord[at]) this.perWord[at] = s;
      if (weight > this.bestWeight[slot]) {
        this.bestWeight[slot] = weight;
        this.best[slot] = field;
      }
    }
  }

  /** Adds to the score of notes this query already found, scaled by their place in `ids`; a
   *  note not found by any word stays out (it holds none of them as a whole). */
  readonly bonus = (ids: readonly number[], amount: number): void => {
    for (let r = 0; r < ids.length; r++) {
      const num = ids[r];
      if (!this.has(num)) continue;
      this.extra[this.slotOf[num] - 1] += amount * (1 + 0.2 / (1 + r / 8));
    }
  };

  has(num: number): boolean {
    const slot = this.slotOf[num] - 1;
    return slot >= 0 && this.nums[slot] === num;
  }

  /** The notes holding at least `need` units; `units`: the query's units as word numbers
   *  (query-terms.ts), `words` counts the units a note holds all the words of. */
  results(units: number[][], need: number): Fused[] {
    const out: Fused[] = [];
    const wc = this.wordCount;
    const all = 2 ** wc - 1;
    for (let slot = 0; slot < this.nums.length; slot++) {
      const base = slot * wc;
      let words = 0;
      for (const u of units) {
        let all = true;
        for (const w of u) if (!(this.perWord[base + w] > 0)) all = false;
        if (all) words++;
      }
      if (words === 0 || words < need) continue;
      let score = this.extra[slot];
      let found = 0;
      for (let k = 0; k < wc; k++) {
        score += this.perWord[base + k];
        if (this.perWord[base + k] > 0) found |= 1 << k;
      }
      out.push({ num: this.nums[slot], words, score, best: this.best[slot], allInName: this.inName[slot] === all, found });
    }
    return out;
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
  count(units: number[][], need: number, keep: (num: number, found: number) => boolean): number {
    const masks = Int32Array.from(units, (u) => u.reduce((m, w) => m | (1 << w), 0));
    const bits = this.bits;
    let n = 0;
    try {
      for (let num = 0; num <= this.top; num++) {
        const found = bits[num];
        if (found === 0) continue;
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
