// What FlexSearch indexes of a note: one document with a field per kind of text, each field
// with the tokenizer that fits it (search-index.ts), and the tag keys with every ancestor
// (`service/ec2` → `service`, `service/ec2`: FlexSearch's tag filter is an exact match).
import type { ParsedNote } from '../notes/note-types.ts';
import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';

export interface NoteDocument {
  [field: string]: number | string | string[];
  id: number;
  /** Title and aliases, one a line. */
  name: string;
  head: string;
  /** Tags as words (`service/sagemaker-processing` → `service sagemaker processing`). */
  tagtext: string;
  /** The body without its Hangul (the `ko` field holds that). */
  body: string;
  /** Every Hangul run of the note, for infixes (`메이커` in `세이지메이커`). */
  ko: string;
  /** Title, aliases, headings and tags again, for typos. */
  typo: string;
  tags: string[];
}

const HANGUL_RUNS = /\p{Script=Hangul}+/gu;
const HANGUL_START = /^\p{Script=Hangul}/u;

export const tagWords = (note: ParsedNote) => note.tags.map((t) => t.replace(/[/_-]/g, ' ')).join('\n');
export const tagKeysOf = (note: ParsedNote) => [...new Set(note.tags.flatMap(tagWithAncestors).map(tagKey))];

/** `bodyTerms`: the body's distinct terms as the encoder made them, in order of first use
 *  (FlexSearch ranks by that position; repeats add nothing to its index). */
export function noteDocument(num: number, note: ParsedNote, bodyTerms: string[]): NoteDocument {
  const name = [note.title, ...note.aliases].join('\n');
  const head = note.headings.map((h) => h.text).join('\n');
  const tagtext = tagWords(note);
  const hangul = bodyTerms.filter((t) => HANGUL_START.test(t));
  const other = bodyTerms.filter((t) => !HANGUL_START.test(t));
  const ko = [name, head].map((t) => (t.match(HANGUL_RUNS) ?? []).join(' ')).concat(hangul.join(' ')).join('\n');
  return {
    id: num,
    name,
    head,
    tagtext,
    body: other.join(' '),
    ko,
    typo: [name, head, tagtext].join('\n'),
    tags: tagKeysOf(note),
  };
}
