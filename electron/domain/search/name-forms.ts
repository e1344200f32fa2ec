// The forms under which the quick switcher indexes a name and reads a query.
//
// Names are folded (text/fold.ts) and cut into words at anything that is not a letter or digit
// (`-`, `_`, `/`, `.`, spaces) and where Latin meets Hangul (`S3버킷` → `s3`, `버킷`), so a
// space in the query matches any of them. Hangul is then written as its jamo (es-hangul's
// `disassemble`: 세이지메이커 → ㅅㅔㅇㅣㅈㅣㅁㅔㅇㅣㅋㅓ), in names and queries alike: a query whose last
// syllable is still being typed (세이지메잌 → …ㅇㅣㅋ) is then a plain prefix of the name's form.
// Each Hangul word also gets its initial consonants (초성, es-hangul's `getChoseong`), so
// `ㅅㅇㅈㅁㅇㅋ` is a prefix too. es-hangul (toss/es-hangul) is used rather than our own tables of
// Unicode arithmetic: it also splits double finals and compound vowels (값 → ㄱㅏㅂㅅ) the way an
// IME composes them.
import { disassemble, getChoseong } from 'es-hangul';
import { fold } from '../text/fold.ts';

/** Runs of letters and digits, one script at a time (Hangul, or anything else). */
const WORD = /[\p{Script=Hangul}]+|[^\p{Script=Hangul}\p{White_Space}\p{P}\p{S}\p{C}]+/gu;
const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/;
/** Compatibility jamo consonants (ㄱ…ㅎ): what an IME types for 초성. */
const CHOSEONG_ONLY = /^[\u3131-\u314e]+$/;
/** Longer words carry no meaning for a name and would only grow the index. */
const MAX_WORD = 64;

/** The words of a name or query, folded, in order. */
export function nameWords(text: string): string[] {
  return (fold(text).match(WORD) ?? []).map((w) => w.slice(0, MAX_WORD));
}

/** A word as it is indexed and searched: Hangul syllables as jamo, the rest unchanged. */
export function jamoForm(word: string): string {
  return HANGUL_SYLLABLE.test(word) ? disassemble(word) : word;
}

/** A whole name (or query) as one comparable key: its words' jamo forms, space-separated. */
export function nameKey(text: string): string {
  return nameWords(text).map(jamoForm).join(' ');
}

export interface WordForms {
  /** The word's jamo form: matched by prefix. */
  word: string;
  /** Extra forms matched by prefix: the 초성 of a Hangul word, and the jamo form of each of its
   *  suffixes of two syllables or more, so a part of a compound (메이커 in 세이지메이커) is found
   *  and a space typed inside one (세이지 메이커) still matches it. */
  extra: string[];
}

export function wordForms(word: string): WordForms {
  if (!HANGUL_SYLLABLE.test(word)) return { word, extra: [] };
  const extra = [getChoseong(word)].filter((c) => c.length > 1);
  const chars = [...word];
  for (let i = 1; i + 2 <= chars.length; i++) extra.push(disassemble(chars.slice(i).join('')));
  return { word: disassemble(word), extra };
}

/** Whether a query word is typed as initial consonants only (ㅅㅇㅈ): it is then looked up among
 *  the 초성 forms and never as a typo. */
export const isChoseong = (word: string) => CHOSEONG_ONLY.test(word);
