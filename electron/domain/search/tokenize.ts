// Terms for the index and for queries. Both sides fold text the same way (fold.ts), so
// matching is case-, accent- and width-insensitive and Hangul stays NFC.
import { fold } from '../text/fold.ts';
import { stripParticle } from '../text/korean.ts';

const WORD = /[\p{L}\p{N}_]+/gu;
const SCRIPT_RUN = /\p{Script=Hangul}+|[^\p{Script=Hangul}]+/gu;
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
  const out: string[] = [];
  for (const m of fold(text).matchAll(WORD)) {
    for (const run of m[0].matchAll(SCRIPT_RUN)) out.push(run[0]);
  }
  return out;
}

/**
 * Index terms of `text`. With FlexSearch's forward tokenizer every term is also found by its
 * prefixes, so a Hangul word is indexed by its particle-free stem and that stem's suffixes:
 * together every infix of a compound (`메이커` in `세이지메이커`) becomes some term's prefix.
 */
export function indexTerms(text: string): string[] {
  const out: string[] = [];
  // FlexSearch keeps a term once per note (at its first position), so each distinct word is
  // expanded once: a long, repetitive note costs its vocabulary, not its length.
  const seen = new Set<string>();
  for (const w of words(text)) {
    if (seen.has(w)) continue;
    seen.add(w);
    if (!HANGUL.test(w)) {
      out.push(singular(w));
      continue;
    }
    const stem = stripParticle(w);
    out.push(w);
    const base = stem ?? w;
    const from = Math.max(1, base.length - MAX_SUFFIXES);
    for (let i = from; i < base.length - 1; i++) out.push(base.slice(i));
    if (stem) out.push(stem);
  }
  return out;
}

/** Query terms: one per query word, the Hangul stem without its particle (`인스턴스를` → `인스턴스`). */
export function queryTerms(text: string): string[] {
  return words(text).map((w) => (HANGUL.test(w) ? (stripParticle(w) ?? w) : singular(w)));
}
