// The FlexSearch 0.8 Document behind SearchIndex (electron/domain/README.md §2): one field per
// kind of text, each with the tokenizer that fits it, and the tag index. This file owns the
// Document and answers "which notes hold these terms in this field"; search-index.ts ranks.
import { Document, type Index } from 'flexsearch';
import { tagKey } from '../notes/parse-tags.ts';
import { createTermEncoder } from './encoder.ts';
import type { FieldGroup } from './field-split.ts';
import { type FieldName, intersect } from './fuse.ts';
import { isHangulTerm, type NoteDocument, queryGrams } from './note-document.ts';

/** The fields a word is looked up in: the encoder splits Hangul from other scripts, and the body's
 *  Hangul is in `ko` only. */
const LATIN_FIELDS: FieldName[] = ['name', 'head', 'tagtext', 'body', 'typo'];
const HANGUL_FIELDS: FieldName[] = ['name', 'head', 'tagtext', 'ko', 'typo'];
export const fieldsOf = (term: string) => (isHangulTerm(term) ? HANGUL_FIELDS : LATIN_FIELDS);

/** The long fields' FlexSearch `resolution` (newDocument). */
const RESOLUTION = 5;
/** How many of the vault's words that begin with a typed word the body is searched for
 *  (NoteFields.body). */
export const COMPLETIONS = 8;

function newDocument(only?: FieldGroup): Document<NoteDocument> {
  // Every field reads terms the language encoder made (note-document.ts): one pass-through
  // Encoder for all.
  const encoder = createTermEncoder();
  // `resolution`: how many places FlexSearch tells apart in a field (9 by default). The long
  // fields keep 5: a word's place there only breaks ties (fuse.ts), and fewer slots made adding
  // notes a fifth faster (3 lowered the Korean MRR of `npm run eval:search`).
  const field = (name: FieldName, tokenize: 'forward' | 'strict' | 'tolerant', resolution = 9) => ({ field: name, tokenize, encoder, resolution });
  // The Hangul words as syllable pairs (note-document.ts). FlexSearch's `context` would also tie
  // each pair to the next, so that a word's pairs are found in a row, but it grew the index by
  // 80% at 10k notes; the pairs found apart are ranked down instead (search-index.ts).
  const ko = field('ko', 'strict', RESOLUTION);
  // The body is `strict`: a whole word per entry. As `forward` it held every prefix of every
  // word, about half of the whole export at 10k notes (22 of 45 MB), of the memory and of the
  // time to add a note; prefixes are looked up from the vocabulary instead (NoteFields.body).
  const fields = [
    field('name', 'forward'),
    field('head', 'forward'),
    field('tagtext', 'forward'),
    field('body', 'strict', RESOLUTION),
    ko,
    field('typo', 'tolerant', RESOLUTION),
  ];
  // A parse thread builds some of the fields only (field-split.ts).
  const tags = !only || only.includes('tags');
  return new Document<NoteDocument>({
    document: {
      id: 'id',
      index: only ? fields.filter((f) => only.includes(f.field)) : fields,
      ...(tags ? { tag: [{ field: 'tags' }] } : {}),
    },
    // No fast-update registry, whether the index is built note by note or imported (FlexSearch's
    // import refuses one: flex-import.ts). The registry made removing a note cheap, but it held a
    // reference per term and note: at 10k notes a cold-built index took 138 MB of heap with it
    // and 83 MB without. Removals wait for the sweep instead (SearchIndex, DeferredRemovals), as
    // they always did for an index the cache restored.
    fastupdate: false,
  });
}

export class NoteFields {
  private readonly flex: Document<NoteDocument>;
  /** notesTagged's answers, cleared when a note is added or removed. */
  private readonly tagged = new Map<string, Set<number>>();
  /** intersect's scratch, zero between calls. */
  private gramSeen = new Uint8Array(0);

  /** `size`: the highest note number + 1, for whole lists. `completions`: the vault's commonest
   *  words that begin with a word (spelling.ts). `only`: the fields (and the tag index or not)
   *  a parse thread builds, to export (field-split.ts); all of them by default. */
  constructor(
    private readonly size: () => number,
    private readonly completions: (term: string, max: number) => string[],
    only?: FieldGroup,
  ) {
    this.flex = newDocument(only);
  }

  add(doc: NoteDocument): void {
    this.flex.add(doc);
    this.tagged.clear();
  }

  remove(num: number): void {
    this.flex.remove(num);
    this.tagged.clear();
  }

  export(to: (key: string, data: string) => void): void {
    this.flex.export(to);
  }

  import(key: string, data: string): void {
    this.flex.import(key, data);
  }

  /**
   * One field's answer, best first: the field's own Index (Document keeps one per field in
   * `index`; its type declarations omit it). Called directly, not through Document.search: after
   * a remove with `fastupdate`, a term whose only note was removed makes Index.search return
   * undefined, which Document.search then reads `.result` of (0.8.212, resolve/default.js's
   * one-slot fast path). The `ko` field is searched by syllable pairs (note-document.ts).
   */
  field(field: FieldName, terms: string, limit: number, suggest = false): number[] {
    if (field === 'ko') {
      const grams = [...new Set(terms.split(' ').flatMap((t) => queryGrams(t).split(' ')))];
      if (grams.length > 1 && !suggest) return this.pairsTogether(grams, limit);
      terms = grams.join(' ');
    }
    if (field === 'body' && !suggest && !terms.includes(' ')) return this.body(terms, limit);
    return this.lookup(field, terms, limit, suggest);
  }

  /**
   * The body's notes for a word, as a prefix: the word itself, then the COMPLETIONS commonest
   * words that begin with it, merged a rank at a time (the word's own list first at each rank)
   * up to `limit`. What FlexSearch's `forward` tokenizer gave (every word that begins with the
   * typed one), but for the commonest words only: a one- or two-letter word begins hundreds.
   */
  private body(term: string, limit: number): number[] {
    const more = this.completions(term, COMPLETIONS);
    const own = this.lookup('body', term, limit);
    if (more.length === 0) return own;
    const lists = [own, ...more.map((w) => this.lookup('body', w, limit))];
    const out: number[] = [];
    const seen = new Set<number>();
    const longest = Math.max(...lists.map((l) => l.length));
    for (let r = 0; r < longest && out.length < limit; r++) {
      for (const list of lists) {
        const num = list[r];
        if (num === undefined || seen.has(num)) continue;
        seen.add(num);
        out.push(num);
        if (out.length === limit) break;
      }
    }
    return out;
  }

  private lookup(field: FieldName, terms: string, limit: number, suggest = false): number[] {
    const index = (this.flex as unknown as { index: Map<string, Index> }).index.get(field)!;
    return (index.search(terms, { limit, suggest }) as number[] | undefined) ?? [];
  }

  /**
   * The first `limit` notes holding every syllable pair, in the order FlexSearch lists the rarest
   * pair. FlexSearch's own AND counts every note of every pair in an object keyed by note before
   * it stops: for `인스턴스` at 50k notes that was 8 ms of a 10 ms search. Here each pair's list
   * is taken as far as `reach` and the lists intersected over a dense array; they are read
   * further, four times as far each round, only while fewer than `limit` notes hold every pair
   * and a list was cut. (Whole lists at 50k notes are 400 KB arrays a pair, and their garbage
   * was the slow tail.)
   */
  private pairsTogether(grams: string[], limit: number): number[] {
    const all = Math.max(this.size(), 1);
    if (this.gramSeen.length < all) this.gramSeen = new Uint8Array(all * 2);
    for (let reach = Math.min(all, Math.max(limit * 4, 600)); ; reach = Math.min(all, reach * 4)) {
      const lists = grams.map((g) => this.lookup('ko', g, reach));
      const found = intersect(lists, this.gramSeen, limit);
      if (found.length >= limit || reach >= all || lists.every((l) => l.length < reach)) return found;
    }
  }

  /** Every note of a field that holds all the `terms`: for counting. */
  wholeField(field: FieldName, terms: string): number[] {
    return this.field(field, terms, Math.max(this.size(), 1));
  }

  /** Notes holding `term` in any field (not typos), added to `out`. */
  anyField(term: string, limit: number, out = new Set<number>()): Set<number> {
    for (const f of fieldsOf(term)) if (f !== 'typo') for (const n of this.field(f, term, limit)) out.add(n);
    return out;
  }

  /** Notes carrying every tag (`all`) or any tag (`any`) of `tags`, or their descendants; null
   *  when there are none to filter by. */
  tagSet(tags: string[], mode: 'all' | 'any'): Set<number> | null {
    if (tags.length === 0) return null;
    const sets = tags.map((t) => this.notesTagged(tagKey(t)));
    if (sets.length === 1) return sets[0];
    const [first, ...rest] = sets;
    if (mode === 'any') return new Set(sets.flatMap((s) => [...s]));
    return new Set([...first].filter((n) => rest.every((s) => s.has(n))));
  }

  /** FlexSearch's tag index answer for one tag key (its ancestors are indexed too), as a set;
   *  kept until the index changes (a user refines the words after `tag:x` many times, and a tag
   *  can hold most of the vault). */
  private notesTagged(key: string): Set<number> {
    let set = this.tagged.get(key);
    if (!set) {
      const res = this.flex.search({ tag: { tags: key }, limit: Math.max(1, this.size()) }) as unknown as Array<{ result: number[] }>;
      set = new Set<number>(res.flatMap((r) => r.result));
      if (this.tagged.size >= 64) this.tagged.clear();
      this.tagged.set(key, set);
    }
    return set;
  }
}
