// What search keeps of a note besides its body: its names (title, then aliases), their folded
// forms and index terms, the index terms of its headings and tags, and its tag keys with every
// ancestor (`service/ec2` → `service`, `service/ec2`: FlexSearch-style tag filters are exact).
import type { ParsedNote } from '../notes/note-types.ts';
import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';
import { fold } from '../text/fold.ts';
import { indexTerms } from './tokenize.ts';

/** What ranking and tag filters read of a note. */
export interface NameFields {
  names: string[];
  nameKeys: string[];
  nameTerms: string[][];
  tagKeys: string[];
}

/** …and what the field index holds. */
export interface NoteFields extends NameFields {
  headingTerms: string[];
  tagTerms: string[];
}

export const headingText = (note: ParsedNote) => note.headings.map((h) => h.text).join(' ');
export const tagText = (note: ParsedNote) => note.tags.map((t) => t.replace(/[/_-]/g, ' ')).join(' ');

export function nameFields(note: ParsedNote): NameFields {
  const names = [note.title, ...note.aliases];
  return {
    names,
    nameKeys: names.map(fold),
    nameTerms: names.map(indexTerms),
    tagKeys: [...new Set(note.tags.flatMap(tagWithAncestors).map(tagKey))],
  };
}

export function noteFields(note: ParsedNote): NoteFields {
  return { ...nameFields(note), headingTerms: indexTerms(headingText(note)), tagTerms: indexTerms(tagText(note)) };
}

/** Terms as one string, each after a `\n` (terms hold no `\n`): whether one of them starts with
 *  `t` is one `includes` of `\n` + t instead of a loop over an array. */
export type TermList = string;
export const termList = (terms: string[]): TermList => terms.map((t) => '\n' + t).join('');
/** Whether every term (given as `\n`-led needles) starts one of the terms of `have`. */
export const hasTermsWithPrefixes = (needles: string[], have: TermList) => needles.every((n) => have.includes(n));
