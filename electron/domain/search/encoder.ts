// The one FlexSearch Encoder of every field (index and query go through it). What each hook does:
// - normalize: fold.ts (NFC, lower case, accents off Latin). The default NFKD splits Hangul
//   syllables into jamo.
// - split: non-letters, and the boundary where Hangul meets another script (`S3버킷을` → `s3`,
//   `버킷을`): Korean writes particles straight after Latin words and digits.
// - numeric: off. FlexSearch would cut `2024` into `202 4`.
// - filter: question words and English stop-words (after the particle: `방법을` is `방법`).
// - stemmer: Korean particles and verb endings (text/korean.ts).
// - finalize: what the stemmer cannot express, because it skips terms of 2 characters or fewer
//   and its keys are plain suffixes: particles after one syllable (`값을` → `값`), English plurals
//   and `-ing`/`-ed` with a length rule (`instances` → `instance`, but `aws` stays).
import { Encoder } from 'flexsearch';
import { fold } from '../text/fold.ts';
import { ENDINGS, PARTICLES, STOP_WORDS, shortWordStem, withoutParticle } from '../text/korean.ts';

const NON_WORD = /[^\p{L}\p{N}]+/u;
/** A run of Hangul letters and digits, or of other letters and digits (the `v` flag's `&&` and `--`
 *  intersect and subtract classes). */
const WORDS = /[[\p{L}\p{N}]&&\p{Script=Hangul}]+|[[\p{L}\p{N}]--\p{Script=Hangul}]+/gv;
const LATIN_END = /[a-z]$/;

/** The words of `text`: runs of letters and digits, cut where Hangul meets another script
 *  (`s3버킷을` → `s3`, `버킷을`): Korean writes particles straight after Latin words and digits.
 *  Matched as runs in one pass. Splitting at non-letters, then testing every word for both
 *  scripts, took 0.08 ms a note of the 10k bench vault against 0.04; a split by lookbehind and
 *  lookahead at every character (encoder.test.ts) took 0.28. The same words, without the empty
 *  ones a split leaves at the ends (FlexSearch skips those). */
export function splitWords(text: string): string[] {
  return text.match(WORDS) ?? [];
}

/** FlexSearch's Encoder splits with `text.split(split)`, and takes a `split` that is not a
 *  RegExp for a character-class config: so splitWords goes in as a RegExp whose own
 *  Symbol.split (the hook String.prototype.split calls) is splitWords. */
function wordSplitter(): RegExp {
  const re = new RegExp(NON_WORD.source, NON_WORD.flags);
  Object.defineProperty(re, Symbol.split, { value: splitWords });
  return re;
}

/** English plurals fold to the singular (instances → instance, processes → process, gpus →
 *  gpu), and `-ing` / `-ed` come off longer words (bubbling → bubbl, which finds `bubbles` as a
 *  prefix). */
export function singular(w: string): string {
  if (!LATIN_END.test(w)) return w;
  if (w.length >= 7 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length >= 6 && w.endsWith('ed') && !w.endsWith('eed')) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

export function createEncoder(): Encoder {
  return new Encoder({
    normalize: fold,
    split: wordSplitter(),
    numeric: false,
    // Letter deduplication (`letter` → `leter`) would also merge Hangul syllables (`다다`), and
    // the spelling pass finds doubled letters.
    dedupe: false,
    filter: (word: string) => !STOP_WORDS.has(word) && !STOP_WORDS.has(withoutParticle(word)),
    stemmer: new Map<string, string>([...PARTICLES.map((p): [string, string] => [p, '']), ...ENDINGS]),
    finalize: (terms: string[]) => terms.map((t) => singular(shortWordStem(t))),
  });
}

/** The fields' encoder: their text is terms the language encoder already made (note-document.ts,
 *  and the query's terms in search-index.ts), joined by spaces, so it only splits. FlexSearch
 *  takes any object with an `encode` method as a field's encoder (index.js); an Encoder instance,
 *  even with every option off, still ran its per-word loop and a dictionary of seen words over
 *  every note's text, a third of the time of adding a note. FlexSearch's add skips repeated terms
 *  itself. */
export function createTermEncoder(): Encoder {
  return { encode: (text: string) => text.split(' ') } as unknown as Encoder;
}
