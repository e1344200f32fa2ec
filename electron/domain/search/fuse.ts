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

export class Fusion {
  /** Note number → its slot + 1 (0: not seen); note numbers are small and dense (search-index.ts). */
  private slotOf: Int32Array;
  private nums: number[] = [];
  /** Per note (slot), per word: the best score of the word in any field. */
  private perWord: Float64Array;
  private best: FieldName[] = [];
  private bestWeight: number[] = [];
  /** Per note, the words found in the names, one bit each (MAX_TERMS is 24). */
  private inName: number[] = [];

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
      let score = 0;
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
