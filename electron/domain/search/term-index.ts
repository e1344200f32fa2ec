// An inverted index of whole terms, found by prefix, that answers in FlexSearch's order.
//
// search-index.ts used FlexSearch 0.8 with its `forward` tokenizer, which stores every prefix of
// every term of every note: on Korean text, whose stems are also indexed by their suffixes, that
// is thousands of map insertions a note (90 s for 10k notes; see electron/bench). Here each
// distinct term of a note is stored once, and a query term is matched against the dictionary as
// a prefix. The order of the results is FlexSearch's: a note's "slot" for a term is the position
// bucket of its first occurrence (FlexSearch's `get_score` with `resolution: 9`); one term orders
// by slot, then insertion; several terms by the slot at which the last of them is reached, as
// FlexSearch's `intersect` walks slots, then terms.
//
// Layers: `base`, frozen (terms sorted, postings in one Int32Array: a prefix is one contiguous
// range; also what the index cache saves and loads as is); `pending`, notes just added, as flat
// (term, posting) pairs, merged into `base` in one pass when many (opening a vault) or moved to
// `delta`, per-term lists, when few (a file changed). Removed notes are skipped until compacted.

/** FlexSearch's `resolution` as search-index.ts configured it. */
const RESOLUTION = 9;
/** FlexSearch's encoder drops longer terms (its `maxlength`). */
export const MAX_TERM_LENGTH = 1024;
const NONE = 255;
/** A posting packs the note's number and its slot: `num * 16 + slot` (slot < 16). */
const SLOT_BITS = 4;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
/** Up to this many pending notes go to `delta`; more are merged into `base`. */
const FEW_NOTES = 64;

/** FlexSearch's `get_score(resolution, length, i)`: the slot of the i-th of `count` distinct terms. */
export function positionSlot(count: number, i: number): number {
  if (i === 0) return 0;
  return count <= RESOLUTION ? i : (((RESOLUTION - 1) / count) * i + 1) | 0;
}

/** Whether FlexSearch's encoder keeps a term. */
export const isIndexable = (term: string) => term.length > 0 && term.length <= MAX_TERM_LENGTH;

/** The frozen layer; also the index cache's format. `terms` are sorted by UTF-16 code units. */
export interface TermIndexSnapshot {
  /** Numbers of the notes in the index. */
  nums: number[];
  terms: string[];
  /** Postings of all terms, one after the other; term i's end where `ends[i]` says. */
  postings: Int32Array;
  ends: Int32Array;
}

const bucketOf = (term: string) => term.slice(0, 2);

export class TermIndex {
  private base: TermIndexSnapshot | null = null;
  /** Every term added since the index was made or loaded, by id. */
  private readonly ids = new Map<string, number>();
  private readonly termOf: string[] = [];
  /** First two characters → ids of the terms that start with them. */
  private readonly buckets = new Map<string, number[]>();
  /** Per term id: the last note it was added for (a note's duplicates are left out). */
  private lastNum = new Int32Array(1024).fill(-1);
  private delta: number[][] = [];
  private pendingIds = new Int32Array(1 << 16);
  private pendingPostings = new Int32Array(1 << 16);
  private pendingLength = 0;
  private pendingNotes = 0;
  private readonly live = new Set<number>();
  private readonly dead = new Set<number>();
  private maxNum = 0;

  /** The id of a term, given on first sight. */
  intern(term: string): number {
    let id = this.ids.get(term);
    if (id !== undefined) return id;
    id = this.termOf.length;
    this.ids.set(term, id);
    this.termOf.push(term);
    const key = bucketOf(term);
    const bucket = this.buckets.get(key);
    if (bucket) bucket.push(id);
    else this.buckets.set(key, [id]);
    if (id >= this.lastNum.length) this.lastNum = grown(this.lastNum, -1);
    return id;
  }

  /** Indexes a note's terms (in order; see `isIndexable`) under `num`, higher than any before. */
  add(num: number, terms: readonly string[]): void {
    this.addIds(
      num,
      terms.filter(isIndexable).map((t) => this.intern(t)),
    );
  }

  /** `add` with interned ids. */
  addIds(num: number, ids: ArrayLike<number>): void {
    if (!(num > this.maxNum)) throw new Error(`note number ${num} is not above ${this.maxNum}`);
    const start = this.pendingLength;
    if (this.pendingIds.length < start + ids.length) {
      const size = Math.max(2 * this.pendingIds.length, start + ids.length);
      this.pendingIds = grown(this.pendingIds, 0, size);
      this.pendingPostings = grown(this.pendingPostings, 0, size);
    }
    let end = start;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (this.lastNum[id] === num) continue;
      this.lastNum[id] = num;
      this.pendingIds[end++] = id;
    }
    if (end === start) return;
    const count = end - start;
    for (let i = 0; i < count; i++) this.pendingPostings[start + i] = num * (SLOT_MASK + 1) + positionSlot(count, i);
    this.pendingLength = end;
    this.pendingNotes++;
    this.maxNum = num;
    this.live.add(num);
  }

  /** Forgets a note. Its postings stay until compacted and are skipped meanwhile. */
  remove(num: number): void {
    if (!this.live.delete(num)) return;
    this.dead.add(num);
    if (this.dead.size > 1000 && this.dead.size > this.live.size / 4) this.freeze();
  }

  /**
   * Note numbers that hold every term (each as a prefix of one of their terms), in FlexSearch's
   * order, at most `limit`.
   */
  search(queryTerms: readonly string[], limit: number): number[] {
    const terms = [...new Set(queryTerms.filter(isIndexable))];
    if (terms.length === 0 || this.live.size === 0) return [];
    this.settle();
    const size = this.maxNum + 1;
    const slots: Uint8Array[] = [];
    for (const term of terms) {
      const best = this.bestSlots(term, size);
      if (!best) return [];
      slots.push(best);
    }
    // FlexSearch's intersect walks slot y = 0…8, and in each the query terms x in order: a note
    // is complete at the (y, x) of its last term, and notes complete in insertion order.
    const groups: number[][] = Array.from({ length: RESOLUTION * terms.length }, () => []);
    const first = slots[0];
    for (let num = 0; num < size; num++) {
      if (first[num] === NONE) continue;
      let y = 0;
      let x = 0;
      let all = true;
      for (let k = 0; k < slots.length; k++) {
        const s = slots[k][num];
        if (s === NONE) {
          all = false;
          break;
        }
        if (s >= y) {
          y = s;
          x = k;
        }
      }
      if (all) groups[y * terms.length + x].push(num);
    }
    const out: number[] = [];
    for (const g of groups) {
      for (const num of g) {
        out.push(num);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  /** Whether a note holds every term (each as a prefix of one of its terms): `search` without
   *  its order, for a yes or no on a few notes. */
  matcher(queryTerms: readonly string[]): (num: number) => boolean {
    const terms = [...new Set(queryTerms.filter(isIndexable))];
    if (terms.length === 0 || this.live.size === 0) return () => false;
    this.settle();
    const size = this.maxNum + 1;
    const slots: Uint8Array[] = [];
    for (const term of terms) {
      const best = this.bestSlots(term, size);
      if (!best) return () => false;
      slots.push(best);
    }
    return (num) => num >= 0 && num < size && slots.every((s) => s[num] !== NONE);
  }

  /** For each note number, the lowest slot of a term that starts with `prefix` (NONE if none), or null. */
  private bestSlots(prefix: string, size: number): Uint8Array | null {
    const best = new Uint8Array(size).fill(NONE);
    const dead = this.dead.size ? this.dead : null;
    let found = false;
    const visit = (list: ArrayLike<number>, from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const num = list[i] >>> SLOT_BITS;
        const slot = list[i] & SLOT_MASK;
        if (slot < best[num] && !dead?.has(num)) {
          best[num] = slot;
          found = true;
        }
      }
    };
    if (this.base) {
      const { terms, postings, ends } = this.base;
      const [lo, hi] = prefixRange(terms, prefix);
      if (lo < hi) visit(postings, lo === 0 ? 0 : ends[lo - 1], ends[hi - 1]);
    }
    const inDelta = (id: number) => {
      const list = this.delta[id];
      if (list?.length && this.termOf[id].startsWith(prefix)) visit(list, 0, list.length);
    };
    if (this.delta.length) {
      if (prefix.length >= 2) this.buckets.get(bucketOf(prefix))?.forEach(inDelta);
      else for (const [key, ids] of this.buckets) if (key.startsWith(prefix)) ids.forEach(inDelta);
    }
    return found ? best : null;
  }

  /** Pending notes go to `delta` when few, else everything is merged into `base`. */
  private settle(): void {
    if (this.pendingNotes === 0) return;
    if (this.pendingNotes > FEW_NOTES || (!this.base && !this.delta.length)) return this.freeze();
    for (let i = 0; i < this.pendingLength; i++) (this.delta[this.pendingIds[i]] ??= []).push(this.pendingPostings[i]);
    this.pendingLength = 0;
    this.pendingNotes = 0;
  }

  /** Everything in one frozen, sorted layer (removed notes left out); what the index cache saves. */
  snapshot(): TermIndexSnapshot {
    if (!this.base || this.pendingNotes || this.delta.length || this.dead.size) this.freeze();
    return this.base!;
  }

  /** Merges base, delta and pending into a new base, without removed notes. Postings of a term
   *  stay in note order: base notes are older than delta notes, which are older than pending. */
  private freeze(): void {
    // Pending postings grouped by term (a stable counting sort, so note order is kept).
    const count = new Int32Array(this.termOf.length + 1);
    for (let i = 0; i < this.pendingLength; i++) count[this.pendingIds[i] + 1]++;
    for (let id = 0; id < this.termOf.length; id++) count[id + 1] += count[id];
    const grouped = new Int32Array(this.pendingLength);
    const next = count.slice(0, this.termOf.length);
    for (let i = 0; i < this.pendingLength; i++) grouped[next[this.pendingIds[i]]++] = this.pendingPostings[i];

    const dead = this.dead;
    const added = new Set<string>();
    for (let id = 0; id < this.termOf.length; id++) if (this.delta[id]?.length || count[id + 1] > count[id]) added.add(this.termOf[id]);
    const baseIndex = new Map<string, number>();
    this.base?.terms.forEach((t, i) => baseIndex.set(t, i));
    const terms = [...new Set([...(this.base?.terms ?? []), ...added])].sort();
    let total = (this.base?.postings.length ?? 0) + this.pendingLength;
    for (const list of this.delta) total += list?.length ?? 0;
    const out = new Int32Array(total);
    let length = 0;
    const kept: string[] = [];
    const ends: number[] = [];
    const keep = (list: ArrayLike<number>, from: number, to: number) => {
      for (let i = from; i < to; i++) if (!dead.has(list[i] >>> SLOT_BITS)) out[length++] = list[i];
    };
    for (const term of terms) {
      const before = length;
      const b = baseIndex.get(term);
      if (b !== undefined) keep(this.base!.postings, b === 0 ? 0 : this.base!.ends[b - 1], this.base!.ends[b]);
      const id = this.ids.get(term);
      if (id !== undefined) {
        if (this.delta[id]) keep(this.delta[id], 0, this.delta[id].length);
        keep(grouped, count[id], count[id + 1]);
      }
      if (length > before) {
        kept.push(term);
        ends.push(length);
      }
    }
    this.base = { nums: [...this.live], terms: kept, postings: out.slice(0, length), ends: Int32Array.from(ends) };
    this.delta = [];
    this.pendingLength = 0;
    this.pendingNotes = 0;
    // Opening a vault grows the pending buffers to all its postings: give that memory back.
    this.pendingIds = new Int32Array(1 << 16);
    this.pendingPostings = new Int32Array(1 << 16);
    this.dead.clear();
  }

  /** An index whose frozen layer is `snap` (not copied). */
  static fromSnapshot(snap: TermIndexSnapshot): TermIndex {
    const { terms, postings, ends, nums } = snap;
    // The cache is checksummed; these checks keep a wrong but well-formed snapshot from
    // misleading the binary search.
    if (ends.length !== terms.length) throw new Error('term index snapshot: terms and ends differ in length');
    for (let i = 0; i < ends.length; i++) {
      if (ends[i] < (i === 0 ? 0 : ends[i - 1]) || ends[i] > postings.length) throw new Error('term index snapshot: postings out of range');
      if (i > 0 && !(terms[i - 1] < terms[i])) throw new Error('term index snapshot: terms not sorted');
    }
    const index = new TermIndex();
    index.base = snap;
    for (const num of nums) {
      index.live.add(num);
      if (num > index.maxNum) index.maxNum = num;
    }
    return index;
  }
}

function grown(a: Int32Array, fill: number, size = 2 * a.length): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  b.set(a);
  if (fill) b.fill(fill, a.length);
  return b;
}

/** The range [lo, hi) of sorted `terms` that start with `prefix`. */
function prefixRange(terms: readonly string[], prefix: string): [number, number] {
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (terms[mid] < prefix) lo = mid + 1;
    else hi = mid;
  }
  let end = lo;
  hi = terms.length;
  while (end < hi) {
    const mid = (end + hi) >>> 1;
    if (terms[mid].startsWith(prefix)) end = mid + 1;
    else hi = mid;
  }
  return [lo, end];
}
