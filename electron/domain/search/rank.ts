// Ranking of search hits (electron/domain/README.md §2): tiers — exact title or alias, then title or alias
// prefix, then a word of a title, alias, heading or tag, then body — and, among body hits, a
// term-frequency score; plus the exact-phrase check.
import type { ParsedNote } from '../notes/note-types.ts';
import { fold } from '../text/fold.ts';
import type { FieldMatch } from './field-index.ts';
import { hasTermsWithPrefixes, headingText, tagText, termList, type TermList } from './note-fields.ts';
import { indexTerms } from './tokenize.ts';

export type HitField = 'title' | 'alias' | 'heading' | 'tag' | 'body';

export interface Tier {
  tier: number;
  field: HitField;
  /** Which name (0 = title, then aliases) matched. */
  name?: number;
}

/** What ranking reads of a note. */
export interface RankedNote {
  note: ParsedNote;
  names: string[];
  nameKeys: string[];
  /** Index terms of each name. */
  nameTerms: TermList[];
  /** Folded body, computed the first time the note is a candidate worth re-ranking. */
  folded?: string;
  /** Folded names and headings, each part followed by `\n`: what precedes the body where
   *  phrases are looked for. */
  foldedHead?: string;
}

/** A phrase to look for: its pattern, and its length (which bounds how far a match reaches). */
export interface Phrase {
  pattern: RegExp;
  length: number;
  /** Its first word ('' when it starts with a space). */
  first: string;
}

const HEADING_TIER: Tier = { tier: 2, field: 'heading' };
const TAG_TIER: Tier = { tier: 2, field: 'tag' };
export const BODY_TIER: Tier = { tier: 3, field: 'body' };

/**
 * The tier of note `num`. `needles` are the query terms, each after a `\n` (see TermList).
 * `match` answers for headings and tags (and rules out names) from the field index; without it
 * (hostile input too long for the index) the note's own fields are read.
 */
export function tierOf(doc: RankedNote, num: number, whole: string, needles: string[], match: FieldMatch | null): Tier {
  const nameField = (tier: number, i: number): Tier => ({ tier, field: i === 0 ? 'title' : 'alias', name: i });
  const exact = doc.nameKeys.indexOf(whole);
  if (exact >= 0) return nameField(0, exact);
  for (let i = 0; i < doc.nameKeys.length; i++) if (doc.nameKeys[i].startsWith(whole)) return nameField(1, i);
  const fromIndex = match && !match.overLong(num) ? match : null;
  // A word inside a title or alias ranks with headings and tags.
  if (!fromIndex || fromIndex.nameTerms(num)) {
    for (let i = 0; i < doc.nameTerms.length; i++) if (hasTermsWithPrefixes(needles, doc.nameTerms[i])) return nameField(2, i);
  }
  if (fromIndex ? fromIndex.headings(num) : hasTermsWithPrefixes(needles, termList(indexTerms(headingText(doc.note))))) return HEADING_TIER;
  if (fromIndex ? fromIndex.tags(num) : hasTermsWithPrefixes(needles, termList(indexTerms(tagText(doc.note))))) return TAG_TIER;
  return BODY_TIER;
}

/** Whether a note may rank above the body tier: a superset of what tierOf finds, from the index. */
export function mayRankAboveBody(match: FieldMatch | null, num: number): boolean {
  return !match || match.overLong(num) || match.nameKeys(num) || match.nameTerms(num) || match.headings(num) || match.tags(num);
}

/**
 * A folded phrase (whitespace collapsed to single spaces) as a pattern with `\s+` for each space:
 * it matches the folded text exactly where the phrase is in that text with its whitespace
 * collapsed, without collapsing a copy of every candidate note.
 */
export function phrasePattern(phrase: string): Phrase {
  const words = phrase.split(' ');
  return { pattern: new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\\s+')), length: phrase.length, first: words[0] };
}

/**
 * Whether the folded names, headings and body, one after the other, hold every phrase (see
 * phrasePattern). A match is in the body, or starts in the names or headings and then holds no
 * more of the body than the phrase has characters besides whitespace: the body is searched
 * alone, and the short head with only that much of the body after it (when the head holds the
 * phrase's first word, which cannot run on past the head's closing newline).
 */
export function hasPhrases(doc: RankedNote, phrases: Phrase[]): boolean {
  doc.folded ??= fold(doc.note.body);
  const body = doc.folded;
  return phrases.every(({ pattern, length, first }) => {
    if (pattern.test(body)) return true;
    doc.foldedHead ??= fold(doc.names.join(' ')) + '\n' + fold(headingText(doc.note)) + '\n';
    if (first && !doc.foldedHead.includes(first)) return false;
    return pattern.test(doc.foldedHead + body.slice(0, reach(body, length + 1)));
  });
}

const reachPatterns = new Map<number, RegExp>();

/** The index just after the n-th non-whitespace character of `text` (or its end). */
function reach(text: string, n: number): number {
  let pattern = reachPatterns.get(n);
  if (!pattern) reachPatterns.set(n, (pattern = new RegExp(`^(?:\\s*\\S){0,${n}}`)));
  return pattern.exec(text)![0].length;
}

/**
 * BM25-style saturated term frequency in the body. A word typed with its particle
 * (`인스턴스를`) counts its exact form twice as much as the bare stem, so the note that uses
 * the words as typed comes first among equals.
 */
export function termFrequency(doc: RankedNote, terms: string[], surface: string[]): number {
  doc.folded ??= fold(doc.note.body);
  const text = doc.folded;
  const lengthNorm = 0.25 + 0.75 * Math.min(4, text.length / 3000);
  let score = 0;
  terms.forEach((t, i) => {
    let tf = count(text, t);
    if (surface[i] && surface[i] !== t) tf += count(text, surface[i]);
    score += tf / (tf + 1.2 * lengthNorm);
  });
  return score;
}

function count(text: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0 && n < 1000; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}
