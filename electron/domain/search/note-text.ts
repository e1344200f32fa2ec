// What a search candidate keeps of its note, and the checks on the note's own text that
// FlexSearch cannot make (search-index.ts): whether a name is the query, phrases, how often a
// word occurs, and whether a Hangul word found by its syllable pairs is really in the note.
import type { ParsedNote } from '../notes/note-types.ts';
import { fold } from '../text/fold.ts';
import type { Fused } from './fuse.ts';

export interface Doc {
  note: ParsedNote;
  names: string[];
  /** Names with case, accents and separators (`-`, `_`, `/`, spaces) folded. */
  exactKeys: string[];
  /** Whether the body is ASCII and Hangul only (snippet.ts), found the first time it is shown. */
  plain?: boolean;
}

export interface Ranked extends Fused {
  tier: number;
  doc: Doc;
}

/** A name or query with case, accents and separators folded, for exact and prefix matches. */
export const nameKey = (s: string) =>
  fold(s)
    .replace(/[\s\-_./]+/g, ' ')
    .trim();

export const order = (a: Ranked, b: Ranked) => a.tier - b.tier || b.words - a.words || b.score - a.score || a.num - b.num;

/** 0: a name is the query; 1: a name starts with it; 2: neither. */
export function tierOf(doc: Doc, queryKey: string): number {
  if (doc.exactKeys.includes(queryKey)) return 0;
  return queryKey.length > 1 && doc.exactKeys.some((k) => k.startsWith(queryKey)) ? 1 : 2;
}

const WORDS = /[\p{L}\p{N}]+/gu;
export const words = (text: string) => [...new Set(fold(text).match(WORDS) ?? [])].slice(0, 24);

/** Whether folded `text` holds the Hangul `word`, whole or with one space inside it. */
export function holdsWord(text: string, word: string): boolean {
  if (text.includes(word)) return true;
  for (let i = 1; i < word.length; i++) if (text.includes(word.slice(0, i) + ' ' + word.slice(i))) return true;
  return false;
}

export function occurrences(text: string, term: string): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0 && n < 20; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

/** The note's names, headings and body, folded, whitespace runs as one space; kept once made. */
/** The folded texts made last (FOLDED_KEPT of them, about 12 MB of 3 KB notes): the notes a user
 *  searches again are re-ranked again, but a copy of every body ever re-ranked or checked for a
 *  phrase would in time hold the vault's text twice. */
const folded = new Map<Doc, string>();
const FOLDED_KEPT = 2048;

/** The note's names, headings and body, folded, with runs of space made one; kept among the
 *  last FOLDED_KEPT unless `keep` is false. */
export function foldedText(doc: Doc, keep = true): string {
  let text = folded.get(doc);
  if (text !== undefined) {
    folded.delete(doc);
  } else {
    text = fold([...doc.names, ...doc.note.headings.map((h) => h.text), doc.note.body].join('\n')).replace(/\s+/g, ' ');
    if (!keep) return text;
    if (folded.size >= FOLDED_KEPT) folded.delete(folded.keys().next().value!);
  }
  folded.set(doc, text);
  return text;
}

/** Whether the note's names, headings or body hold every phrase (folded, spaces collapsed). */
export function hasPhrases(doc: Doc, phrases: string[], keep = true): boolean {
  const text = foldedText(doc, keep);
  return phrases.every((p) => text.includes(p));
}
