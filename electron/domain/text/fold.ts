// Text folding shared by indexing, querying and snippets.
// Hangul must stay composed (NFC): NFKD — FlexSearch's default — splits syllables into jamo
// (electron/domain/README.md §2), so only non-Hangul runs are decomposed to drop accents.

const HANGUL_RUN = /[\p{Script=Hangul}]+/u;
const NON_HANGUL_RUN = /[^\p{Script=Hangul}]+/gu;
const COMBINING = /\p{M}/gu;
/** ASCII is unchanged by NFKD and holds no marks, and Hangul has no case: such text only needs
 *  lower-casing. A fast path for most notes, with the same result. */
const ASCII_OR_HANGUL = /^[\x00-\x7f\p{Script=Hangul}]*$/u;
const ASCII = /^[\x00-\x7f]*$/;

/** Case-, accent- and width-insensitive form of `text`; Hangul is NFC. */
export function fold(text: string): string {
  const nfc = text.normalize('NFC');
  if (ASCII_OR_HANGUL.test(nfc)) return nfc.toLowerCase();
  if (!HANGUL_RUN.test(nfc)) return foldLatin(nfc);
  return nfc.replace(NON_HANGUL_RUN, foldLatin);
}

function foldLatin(run: string): string {
  if (ASCII.test(run)) return run.toLowerCase();
  return run.normalize('NFKD').replace(COMBINING, '').toLowerCase();
}

/**
 * `fold` with a map from each folded UTF-16 index to the index in the original text, so a match
 * found in folded text can be marked in the original; `map` null: each index is its own (the
 * text was ASCII and Hangul only).
 */
export function foldWithMap(text: string): { folded: string; map: number[] | null } {
  // Each ASCII or Hangul character folds to itself lower-cased (see ASCII_OR_HANGUL), one unit
  // for one unit: most lines need neither a character-by-character fold nor a map.
  if (ASCII_OR_HANGUL.test(text)) return { folded: text.toLowerCase(), map: null };
  let folded = '';
  const map: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    folded += f;
    i += ch.length;
  }
  map.push(text.length);
  return { folded, map };
}

export function isHangul(s: string): boolean {
  return HANGUL_RUN.test(s);
}
