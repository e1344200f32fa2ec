// Korean particles (조사) and copula endings glued to a noun: `인스턴스를` → `인스턴스`.
// Longest first, so `에서는` is tried before `는`. The stem is only used when at least two
// syllables remain, so a short word that merely ends in a particle-like syllable is kept whole.
const PARTICLES = [
  '에서부터', '으로부터', '이라고는', '에서는', '에서도', '에서의', '에게서', '한테서', '으로는',
  '으로도', '으로서', '으로써', '이라고', '이라는', '입니다', '이지만', '까지는', '부터는',
  '에서', '에게', '한테', '께서', '으로', '로서', '로써', '로는', '까지', '부터', '보다', '처럼',
  '마다', '조차', '마저', '밖에', '이나', '이든', '이며', '이고', '이랑', '하고', '이다', '이라',
  '에는', '에도', '와는', '과는', '은요', '라는', '라고', '와의', '과의', '들을', '들이', '들은',
  '들의', '들', '을', '를', '이', '가', '은', '는', '의', '에', '도', '만', '로', '와', '과', '나',
  '랑', '요',
];

const MIN_STEM = 2;

/** PARTICLES by their last character, in the same order: a word is tried only against those that
 *  can end it (a lookup per word instead of a loop over every particle). */
const PARTICLES_BY_LAST = new Map<string, string[]>();
for (const p of PARTICLES) PARTICLES_BY_LAST.set(p.at(-1)!, [...(PARTICLES_BY_LAST.get(p.at(-1)!) ?? []), p]);

/** The noun stem of a Hangul word with its trailing particle removed, or null when none applies. */
export function stripParticle(word: string): string | null {
  for (const p of PARTICLES_BY_LAST.get(word.at(-1) ?? '') ?? []) {
    if (word.length - p.length >= MIN_STEM && word.endsWith(p)) {
      return word.slice(0, -p.length);
    }
  }
  return null;
}
