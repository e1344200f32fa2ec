// Terms for the index and for queries. Both sides fold text the same way (fold.ts), so
// matching is case-, accent- and width-insensitive and Hangul stays NFC.
import { fold } from '../text/fold.ts';
import { stripParticle } from '../text/korean.ts';

/** Runs of word characters (letters, digits, `_`) split where Hangul meets another script, in
 *  one pass (instead of a match per word and a second per script). */
const WORD_RUN = /[\p{Script=Hangul}&&[\p{L}\p{N}_]]+|[[\p{L}\p{N}_]--\p{Script=Hangul}]+/gv;
const HANGUL = /^\p{Script=Hangul}/u;
/** Hangul compounds are indexed by their suffixes so that a part inside is found; very long
 *  words (hostile input) would cost quadratic space, so only this many suffixes are kept. */
const MAX_SUFFIXES = 12;

/** English plurals fold to the singular: instances → instance, processes → process, gpus → gpu. */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Words of `text` after folding, split where Hangul meets another script (`S3에` → `s3`, `에`). */
export function words(text: string): string[] {
  return fold(text).match(WORD_RUN) ?? [];
}

/** Calls `fn` on each word of folded text, in order, repeats included (`hangul`: a Hangul run). */
export function forEachWord(folded: string, fn: (w: string, hangul: boolean) => void): void {
  // One native call for all the words (a run is all Hangul or all not: its first character says).
  for (const w of folded.match(WORD_RUN) ?? []) fn(w, isHangulStart(w));
}

/** HANGUL.test(w), with the Hangul syllables and ASCII answered without a regular expression. */
function isHangulStart(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 0x80) return false;
  if (c >= 0xac00 && c <= 0xd7a3) return true;
  return HANGUL.test(w);
}

/**
 * Index terms of one word of folded text. With prefix matching every term is also found by its
 * prefixes, so a Hangul word is indexed by its particle-free stem and that stem's suffixes:
 * together every infix of a compound (`메이커` in `세이지메이커`) becomes some term's prefix.
 */
export function wordTerms(w: string, hangul: boolean): string[] {
  if (!hangul) return [singular(w)];
  const stem = stripParticle(w);
  const out = [w];
  const base = stem ?? w;
  const from = Math.max(1, base.length - MAX_SUFFIXES);
  for (let i = from; i < base.length - 1; i++) out.push(base.slice(i));
  if (stem) out.push(stem);
  return out;
}

/** Index terms of `text`: the terms of each distinct word, in order. */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  // The index keeps a term once per note (at its first position), so each distinct word is
  // expanded once: a long, repetitive note costs its vocabulary, not its length.
  const seen = new Set<string>();
  forEachWord(fold(text), (w, hangul) => {
    if (seen.has(w)) return;
    seen.add(w);
    out.push(...wordTerms(w, hangul));
  });
  return out;
}

/** Query terms: one per query word, the Hangul stem without its particle (`인스턴스를` → `인스턴스`). */
export function queryTerms(text: string): string[] {
  return words(text).map((w) => (HANGUL.test(w) ? (stripParticle(w) ?? w) : singular(w)));
}
