// What FlexSearch indexes of a note: one document with a field per kind of text, each field
// with the tokenizer that fits it (search-index.ts), and the tag keys with every ancestor
// (`service/ec2` → `service`, `service/ec2`: FlexSearch's tag filter is an exact match).
// Each text goes through the language Encoder once, here; the fields get its terms joined by
// spaces and read them with a pass-through Encoder (encoder.ts), so no text is encoded twice
// and the vocabulary (spelling.ts) gets the same terms.
import type { Encoder } from 'flexsearch';
import type { ParsedNote } from '../notes/note-types.ts';
import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';

/** A note's document: its number in the index, and its fields. */
export interface NoteDocument extends NoteText {
  [field: string]: number | string | string[];
  id: number;
}

/** What FlexSearch indexes of a note, each text as encoded terms joined by spaces. */
export interface NoteText {
  /** Title and aliases. */
  name: string;
  head: string;
  /** Tags as words (`service/sagemaker-processing` → `service sagemaker processing`). */
  tagtext: string;
  /** The body without its Hangul (the `ko` field holds that). */
  body: string;
  /** Every Hangul term of the names, headings, tags and body as syllable pairs (syllableGrams),
   *  for infixes (`메이커` in `세이지메이커`). */
  ko: string;
  /** Title, aliases, headings and tags again, for typos. */
  typo: string;
  tags: string[];
}

export const tagWords = (note: ParsedNote) => note.tags.map((t) => t.replace(/[/_-]/g, ' ')).join('\n');
export const tagKeysOf = (note: ParsedNote) => [...new Set(note.tags.flatMap(tagWithAncestors).map(tagKey))];

/** Whether an encoded term is Hangul: the encoder splits where Hangul meets another script, so
 *  a term is all Hangul or has none. */
export function isHangulTerm(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f);
}

/**
 * A Hangul word as the `ko` field holds it: its syllable pairs (`세이지메이커` → `세이 이지 지메 메이
 * 이커`), or the syllable itself. A word inside another is found by searching its pairs, which
 * FlexSearch ANDs within the field. FlexSearch's `full` tokenizer would index every substring of
 * every word instead (21 for six syllables): most of the cost of indexing a Korean vault.
 */
export function syllableGrams(term: string): string {
  if (term.length < 3) return term;
  let out = term.slice(0, 2);
  for (let i = 1; i + 2 <= term.length; i++) out += ' ' + term.slice(i, i + 2);
  return out;
}

/** The syllable pairs a search for `term` asks the `ko` field for: enough to cover the word
 *  (`세이지메이커` → `세이 지메 이커`); each more pair is one more list for FlexSearch to intersect. */
export function queryGrams(term: string): string {
  if (term.length < 3) return term;
  const pairs: string[] = [];
  for (let i = 0; i + 2 <= term.length; i += 2) pairs.push(term.slice(i, i + 2));
  if (term.length % 2) pairs.push(term.slice(-2));
  return pairs.join(' ');
}

/** A note's document before it has a number, and every distinct term of the note (for the
 *  spelling vocabulary). The parse pool's threads make it beside the note (parse-worker.ts), so
 *  a cold index encodes on every core. */
export interface EncodedNote {
  fields: NoteText;
  terms: string[];
}

export function encodeNote(note: ParsedNote, encoder: Encoder): EncodedNote {
  // Each term once, by a Set after FlexSearch's encode rather than its own `encode(text, true)`:
  // that dedupe is not whole and not stable (0.8.212 encoder.js). A stem read from the encoder's
  // term cache (kept for 50 ms windows) skips its check, and without the cache the check also
  // drops a stem equal to any word seen earlier, even one the filter dropped (`것은`, then
  // `것은에는` → `것은`). The same note then gave a different document depending on what its
  // thread had encoded just before, and two cold indexes of one vault differed. Without the flag,
  // FlexSearch only skips a term equal to one it has already pushed, so the Set sees the same terms
  // either way.
  const encode = (text: string) => [...new Set(encoder.encode(text))];
  const name = encode([note.title, ...note.aliases].join('\n'));
  const head = encode(note.headings.map((h) => h.text).join('\n'));
  const tagtext = encode(tagWords(note));
  const body = encode(note.body);
  const ko: string[] = [];
  const other: string[] = [];
  for (const list of [name, head, tagtext]) for (const t of list) if (isHangulTerm(t)) ko.push(t);
  for (const t of body) (isHangulTerm(t) ? ko : other).push(t);
  const terms = new Set(body);
  for (const list of [name, head, tagtext]) for (const t of list) terms.add(t);
  const typo = name.concat(head, tagtext);
  const fields: NoteText = {
    name: name.join(' '),
    head: head.join(' '),
    tagtext: tagtext.join(' '),
    body: other.join(' '),
    ko: ko.map(syllableGrams).join(' '),
    typo: typo.join(' '),
    tags: tagKeysOf(note),
  };
  return { fields, terms: [...terms] };
}
