// Fusing FlexSearch's per-field, per-word answers into one ranking. FlexSearch 0.8 returns no
// scores and ANDs words only within one field (a `{query, tag}` search over several fields can
// even return nothing when one field has no hit: nextapps-de/flexsearch#533, #551), so each word
// is searched in each field, and a note is ranked by how many of the query's words it holds
// anywhere, then by where (title before heading before body) and how early FlexSearch put it.

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
  bestWeight: number;
}

export class Fusion {
  private byNum = new Map<number, { perWord: Float64Array; best: FieldName; bestWeight: number }>();

  constructor(private readonly wordCount: number) {}

  /** FlexSearch's answer for word `w` in `field`, best first; `factor` lowers corrected words. */
  add(w: number, field: FieldName, ids: readonly number[], factor = 1): void {
    const weight = WEIGHT[field] * factor;
    const n = ids.length;
    for (let r = 0; r < n; r++) {
      const num = ids[r];
      let e = this.byNum.get(num);
      if (!e) this.byNum.set(num, (e = { perWord: new Float64Array(this.wordCount), best: field, bestWeight: 0 }));
      // FlexSearch's order (earlier in the field first) breaks ties among notes: a small bonus.
      const s = weight * (1 + 0.2 / (1 + r / 8));
      if (s > e.perWord[w]) e.perWord[w] = s;
      if (weight > e.bestWeight) {
        e.bestWeight = weight;
        e.best = field;
      }
    }
  }

  has(num: number): boolean {
    return this.byNum.has(num);
  }

  /** `units`: the query's units as word numbers (query-terms.ts); `words` counts the units a
   *  note holds all the words of. */
  results(units: number[][]): Fused[] {
    const out: Fused[] = [];
    for (const [num, e] of this.byNum) {
      let words = 0;
      let score = 0;
      for (const s of e.perWord) score += s;
      for (const u of units) if (u.every((w) => e.perWord[w] > 0)) words++;
      out.push({ num, words, score, best: e.best, bestWeight: e.bestWeight });
    }
    return out;
  }
}
