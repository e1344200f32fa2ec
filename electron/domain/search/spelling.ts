// A spelling pass over the vocabulary, for the typos FlexSearch's `tolerant` tokenizer misses:
// it indexes swapped and missing letters from the second letter on (index/add.js), so a wrong or
// added letter, or a typo in the first letter, finds nothing. A query word that finds nothing is
// compared with the indexed words of about its length (one edit — a swap, a missing, an added or
// a wrong letter — or two for long words), and the most frequent close words are searched instead.

const MIN_LENGTH = 3;
/** Shorter Latin words have too many neighbours (`slot` → `spot`, `lock` → `look`). */
const MIN_LATIN = 5;
const HANGUL = /\p{Script=Hangul}/u;

/** Terms counted over some notes, in the order first seen: [term, notes holding it, the number of
 *  the first]. */
export type TermCounts = Array<[term: string, notes: number, first: number]>;

/** Counts the distinct terms of notes given one by one, in ascending number (Vocabulary.merging). */
export class TermCounter {
  private readonly counts = new Map<string, [notes: number, first: number]>();

  add(num: number, terms: Iterable<string>): void {
    for (const t of terms) {
      const c = this.counts.get(t);
      if (c) c[0]++;
      else this.counts.set(t, [1, num]);
    }
  }

  take(): TermCounts {
    const out: TermCounts = [...this.counts].map(([t, [notes, first]]) => [t, notes, first]);
    this.counts.clear();
    return out;
  }
}

export class Vocabulary {
  /** Term → in how many notes it is (`remove` lowers it: a term no note holds any more is no
   *  correction or completion to offer). */
  private counts = new Map<string, number>();
  /** Terms by length, for the scan. */
  private byLength = new Map<number, string[]>();
  /** Latin and digit terms by their first two characters (one for a one-character term), for
   *  `completions`. */
  private byStart = new Map<string, string[]>();
  /** `completions`' answers, cleared when a term is new. */
  private completed = new Map<string, string[]>();

  get size(): number {
    return this.counts.size;
  }

  add(terms: Iterable<string>): void {
    for (const t of terms) {
      const n = this.counts.get(t);
      if (n !== undefined) {
        this.counts.set(t, n + 1);
        continue;
      }
      this.counts.set(t, 1);
      if (!HANGUL.test(t)) this.addStart(t);
      if (t.length < MIN_LENGTH - 1 || t.length > 40) continue;
      let list = this.byLength.get(t.length);
      if (!list) this.byLength.set(t.length, (list = []));
      list.push(t);
    }
  }

  /** Takes back the terms of a note that is removed or replaced (its `add` before). A term left
   *  in no note leaves the lists it was in. */
  remove(terms: Iterable<string>): void {
    for (const t of terms) {
      const n = this.counts.get(t);
      if (n === undefined) continue;
      if (n > 1) {
        this.counts.set(t, n - 1);
        continue;
      }
      this.counts.delete(t);
      if (!HANGUL.test(t)) {
        drop(this.byStart, t.slice(0, 2), t);
        if (this.completed.size) this.completed.clear();
      }
      drop(this.byLength, t.length, t);
    }
  }

  private addStart(t: string): void {
    const key = t.slice(0, 2);
    let list = this.byStart.get(key);
    if (!list) this.byStart.set(key, (list = []));
    list.push(t);
    if (this.completed.size) this.completed.clear();
  }

  /**
   * The `max` words seen in most notes that begin with the Latin or digit `term` and are longer,
   * most first. The body's field is `strict` (note-fields.ts): a word typed in part finds the
   * body's words through these.
   */
  completions(term: string, max: number): string[] {
    if (!term || HANGUL.test(term)) return [];
    const key = `${max} ${term}`;
    const known = this.completed.get(key);
    if (known) return known;
    const start = term.slice(0, 2);
    const lists = start.length === 2 ? [this.byStart.get(start) ?? []] : [...this.byStart].filter(([k]) => k[0] === start).map(([, l]) => l);
    const best: Array<[string, number]> = [];
    for (const list of lists) {
      for (const w of list) {
        if (w.length <= term.length || !w.startsWith(term)) continue;
        const entry: [string, number] = [w, this.counts.get(w) ?? 0];
        if (best.length === max && commoner(best[max - 1], entry) <= 0) continue;
        best.push(entry);
        best.sort(commoner);
        if (best.length > max) best.pop();
      }
    }
    const found = best.map(([w]) => w);
    if (this.completed.size >= 1024) this.completed.clear();
    this.completed.set(key, found);
    return found;
  }

  /** Indexed words within one edit of `term` (two for words of 8 letters or more), most frequent
   *  first. */
  corrections(term: string, max = 2): string[] {
    if (term.length < (HANGUL.test(term) ? MIN_LENGTH : MIN_LATIN) || term.length > 40) return [];
    const limit = term.length >= 8 ? 2 : 1;
    const found: Array<[string, number]> = [];
    for (let len = term.length - limit; len <= term.length + limit; len++) {
      for (const w of this.byLength.get(len) ?? []) {
        if (w !== term && withinEdits(term, w, limit)) found.push([w, this.counts.get(w) ?? 0]);
      }
    }
    // Only the closest: a word one edit away is a likelier intent than any two edits away.
    const scored = found.map(([w, n]) => ({ w, n, d: editDistance(term, w) }));
    const closest = Math.min(...scored.map((x) => x.d));
    return scored
      .filter((x) => x.d === closest)
      .sort((a, b) => b.n - a.n)
      .slice(0, max)
      .map((x) => x.w);
  }

  /** The `n` words seen in most notes among those `test` accepts, most first. */
  common(n: number, test: (term: string) => boolean): string[] {
    const best: Array<[string, number]> = [];
    for (const [t, count] of this.counts) {
      if (best.length === n && count <= best[n - 1][1]) continue;
      if (!test(t)) continue;
      best.push([t, count]);
      best.sort((a, b) => b[1] - a[1]);
      if (best.length > n) best.pop();
    }
    return best.map(([t]) => t);
  }

  toJSON(): Array<[string, number]> {
    return [...this.counts];
  }

  /** The vocabulary of notes counted in parts (the parse threads', each over its own notes in
   *  ascending number): the same as adding every note's terms in number order. A term comes where
   *  it was first seen: all the terms first seen in one note were counted by the one part that
   *  holds the note, in the order that part met them (`at`). */
  static merging(parts: ReadonlyArray<TermCounts>): Vocabulary {
    const merged = new Map<string, [notes: number, first: number, at: number]>();
    for (const part of parts)
      part.forEach(([term, notes, first], at) => {
        const m = merged.get(term);
        if (!m) merged.set(term, [notes, first, at]);
        else {
          m[0] += notes;
          if (first < m[1]) [m[1], m[2]] = [first, at];
        }
      });
    const order = [...merged].sort(([, a], [, b]) => a[1] - b[1] || a[2] - b[2]);
    return Vocabulary.from(order.map(([term, [notes]]) => [term, notes]));
  }

  static from(entries: Array<[string, number]>): Vocabulary {
    const v = new Vocabulary();
    for (const [t, n] of entries) {
      v.add([t]);
      v.counts.set(t, n);
    }
    return v;
  }
}

/** Removes `term` from the list under `key` (the list goes when it is left empty). */
function drop<K>(lists: Map<K, string[]>, key: K, term: string): void {
  const list = lists.get(key);
  const at = list?.indexOf(term) ?? -1;
  if (at < 0) return;
  list!.splice(at, 1);
  if (!list!.length) lists.delete(key);
}

/** Seen in more notes first, then the shorter and alphabetical: the same order whatever order
 *  the words were added in. */
const commoner = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Whether the optimal-string-alignment distance (Damerau–Levenshtein without re-edits) of `a`
 *  and `b` is at most `limit`; gives up on a row whose every cell is over it. */
export function withinEdits(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  return editDistance(a, b, limit) <= limit;
}

export function editDistance(a: string, b: string, limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[m];
}
