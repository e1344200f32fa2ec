// Korean morphology just good enough for generated prose: a particle agrees with the noun's last
// syllable (받침: `인스턴스를` but `작업을`), and compounds are nouns written together
// (`세이지` + `메이커` → `세이지메이커`), the case where a search must find a part inside a word.
import type { Rng } from './prng.ts';

/** [after a final consonant, after a vowel] */
const PARTICLE_PAIRS: Array<[string, string]> = [
  ['을', '를'],
  ['이', '가'],
  ['은', '는'],
  ['과', '와'],
  ['으로', '로'],
  ['이나', '나'],
];
const INVARIANT_PARTICLES = ['의', '에', '에서', '에는', '도', '만', '까지', '부터', '보다', '처럼', '에서는', '마다'];
const STANDALONE_PARTICLES = new Set([...PARTICLE_PAIRS.flat(), ...INVARIANT_PARTICLES]);

export function hasFinalConsonant(word: string): boolean {
  const code = word.charCodeAt(word.length - 1);
  return code >= 0xac00 && code <= 0xd7a3 && (code - 0xac00) % 28 !== 0;
}

export function withParticle(noun: string, rng: Rng): string {
  if (rng.chance(0.35)) return noun + rng.pick(INVARIANT_PARTICLES);
  const [afterConsonant, afterVowel] = rng.pick(PARTICLE_PAIRS);
  return noun + (hasFinalConsonant(noun) ? afterConsonant : afterVowel);
}

/** Whether a "stem" of the vocabulary is only a particle written apart (`으로` after code). */
export function isParticle(word: string): boolean {
  return STANDALONE_PARTICLES.has(word);
}

export function makeCompounds(stems: readonly string[], count: number, rng: Rng): string[] {
  const out = new Set<string>();
  const short = stems.filter((s) => s.length <= 4);
  for (let tries = 0; out.size < count && tries < count * 10; tries++) {
    const parts = rng.chance(0.8) ? 2 : 3;
    let w = '';
    for (let i = 0; i < parts; i++) w += rng.pickSkewed(short);
    if (w.length <= 9) out.add(w);
  }
  return [...out];
}
