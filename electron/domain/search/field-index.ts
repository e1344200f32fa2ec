// Term indexes of the fields that rank a hit above the body (electron/domain/README.md §2: title or alias, then
// headings and tags): the whole folded names, the terms of the names, of the headings and of the
// tags. For a query they answer, per candidate note and without reading it, whether a field can
// hold every query term, so that ranking touches only the notes that can rank high.
import type { NoteFields } from './note-fields.ts';
import { MAX_TERM_LENGTH, TermIndex, type TermIndexSnapshot } from './term-index.ts';

const FIELDS = ['nameKeys', 'nameTerms', 'headings', 'tags'] as const;
export type FieldName = (typeof FIELDS)[number];
export type FieldSnapshot = Record<FieldName, TermIndexSnapshot> & { overLong: number[] };

/** For a query: whether note `num`'s field can hold it (by prefix). */
export type FieldMatch = Record<FieldName, (num: number) => boolean> & { overLong: (num: number) => boolean };

export class FieldIndex {
  private indexes: Record<FieldName, TermIndex> = { nameKeys: new TermIndex(), nameTerms: new TermIndex(), headings: new TermIndex(), tags: new TermIndex() };
  /** Notes with a field term too long for a term index (hostile input): their tier is always
   *  worked out from the note. */
  private overLong = new Set<number>();

  add(num: number, f: NoteFields): void {
    const terms: Record<FieldName, string[]> = { nameKeys: f.nameKeys, nameTerms: f.nameTerms.flat(), headings: f.headingTerms, tags: f.tagTerms };
    for (const field of FIELDS) {
      this.indexes[field].add(num, terms[field]);
      if (terms[field].some((t) => t.length > MAX_TERM_LENGTH)) this.overLong.add(num);
    }
  }

  remove(num: number): void {
    for (const field of FIELDS) this.indexes[field].remove(num);
    this.overLong.delete(num);
  }

  /** `whole` is the folded query; `terms` its query terms (all of them indexable). */
  match(whole: string, terms: string[]): FieldMatch {
    const { nameKeys, nameTerms, headings, tags } = this.indexes;
    const overLong = this.overLong;
    return {
      nameKeys: nameKeys.matcher([whole]),
      nameTerms: nameTerms.matcher(terms),
      headings: headings.matcher(terms),
      tags: tags.matcher(terms),
      overLong: (num) => overLong.has(num),
    };
  }

  snapshot(): FieldSnapshot {
    const { nameKeys, nameTerms, headings, tags } = this.indexes;
    return { nameKeys: nameKeys.snapshot(), nameTerms: nameTerms.snapshot(), headings: headings.snapshot(), tags: tags.snapshot(), overLong: [...this.overLong] };
  }

  static fromSnapshot(snap: FieldSnapshot): FieldIndex {
    const index = new FieldIndex();
    for (const field of FIELDS) index.indexes[field] = TermIndex.fromSnapshot(snap[field]);
    index.overLong = new Set(snap.overLong);
    return index;
  }
}
