// The distinct words of every note's names, each with its forms (name-forms.ts) worked out once,
// and a spelling pass over them for the quick switcher's typos.
//
// The spelling pass is a FlexSearch `tolerant` index whose ids are the words themselves: it is
// built once per distinct word instead of once per note, and it answers "which known words is this
// a typo of" so that FlexSearch's own AND can then run on the corrected query. `tolerant` indexes
// a word with two neighbouring letters swapped and with one letter missing, but never at the first
// letter and only on the indexed side (flexsearch src/index/add.js), so we also index each word
// without its first letter and look a query word up once per letter left out: that covers an
// added, a missing, a wrong or a swapped letter anywhere (one edit).
import { Encoder, Index } from 'flexsearch';
import { exportParts, type FlexParts, importParts, isFlexParts } from './flex-import.ts';
import { wordForms, type WordForms } from './name-forms.ts';

/** Typos are looked for in words of this many letters (jamo) or more: shorter ones are mostly
 *  typed on purpose, and one edit of a two-letter word is almost any word. */
export const FUZZY_MIN = 3;
/** Known words tried in place of one misspelt query word. */
const CORRECTIONS = 4;

// Terms arrive folded and in their jamo forms: FlexSearch's encoder only splits them at spaces.
// Its default normalisation (NFKD, then lower case) has nothing left to do, and `dedupe` would
// merge the ㅇㅇ of a 초성 form or the ss of "class".
export const plainEncoder = () => new Encoder({ normalize: false, dedupe: false, numeric: false, cache: false });

/** The vocabulary without its counts (the entries restored with it count their words again). */
export interface VocabularySnapshot {
  forms: Array<[word: string, forms: WordForms]>;
  spelling: FlexParts;
}

const newSpelling = (fastupdate: boolean) => new Index({ tokenize: 'tolerant', encoder: plainEncoder(), fastupdate });

export class SwitchVocabulary {
  private words = new Map<string, { forms: WordForms; count: number }>();
  private spelling = newSpelling(true);

  snapshot(): VocabularySnapshot {
    return { forms: [...this.words].map(([w, { forms }]) => [w, forms]), spelling: exportParts(this.spelling) };
  }

  /** A vocabulary of the snapshot's words, each used by no note yet: `use` counts them, and
   *  `dropUnused` then forgets those no note used. Throws on a malformed snapshot. */
  static restore(snap: VocabularySnapshot): SwitchVocabulary {
    if (!Array.isArray(snap?.forms) || !isFlexParts(snap.spelling)) throw new Error('not a vocabulary snapshot');
    const v = new SwitchVocabulary();
    for (const [word, forms] of snap.forms) {
      if (typeof word !== 'string' || typeof forms?.word !== 'string' || !Array.isArray(forms.extra)) throw new Error('not a vocabulary snapshot');
      v.words.set(word, { forms, count: 0 });
    }
    v.spelling = importParts(newSpelling, snap.spelling);
    return v;
  }

  /** One more use of a word of the restored snapshot: false when it has none such. */
  use(word: string): boolean {
    const w = this.words.get(word);
    if (w) w.count++;
    return w !== undefined;
  }

  /** Forgets the restored words no note used. */
  dropUnused(): void {
    for (const [word, w] of this.words) if (w.count === 0) this.forget(word);
  }

  /** The forms of `word`, counting one more use of it. */
  take(word: string): WordForms {
    let w = this.words.get(word);
    if (!w) {
      this.words.set(word, (w = { forms: wordForms(word), count: 0 }));
      const form = w.forms.word;
      if (form.length >= FUZZY_MIN) this.spelling.add(word, form.length > FUZZY_MIN ? `${form} ${form.slice(1)}` : form);
    }
    w.count++;
    return w.forms;
  }

  /** One use of `word` fewer; forgotten at none. */
  release(word: string): void {
    const w = this.words.get(word);
    if (!w || --w.count > 0) return;
    this.forget(word);
  }

  private forget(word: string): void {
    this.words.delete(word);
    this.spelling.remove(word);
  }

  /** Known words one edit away from `form` (a query word's jamo form), as jamo forms. */
  corrections(form: string): string[] {
    if (form.length < FUZZY_MIN) return [];
    const found = new Set<string>();
    for (const v of [form, ...omitEach(form)]) {
      // `?? []`: FlexSearch answers undefined for a term whose words were all removed (quick-switch.ts).
      for (const id of this.spelling.search(v, { limit: CORRECTIONS }) ?? []) {
        const w = this.words.get(String(id));
        if (w && w.forms.word !== form) found.add(w.forms.word);
        if (found.size >= CORRECTIONS) return [...found];
      }
    }
    return [...found];
  }
}

/** The word with one letter left out, at each place. */
function omitEach(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}
