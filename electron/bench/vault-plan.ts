// The shape of a synthetic vault, decided before any text is written: every note's path, title,
// aliases, tags, dates and section headings, so notes can link to each other (`[[title#heading]]`).
import { isParticle, makeCompounds } from './korean-words.ts';
import { createRng, deriveSeed, type Rng } from './prng.ts';
import type { Vocabulary } from './vocabulary.ts';

export interface NotePlan {
  id: string;
  title: string;
  aliases: string[];
  tags: string[];
  created: string;
  modified: string;
  headings: string[];
}

export interface Lexicon {
  koreanNouns: string[];
  compounds: string[];
  koreanEndings: string[];
  englishWords: string[];
}

export interface VaultPlan {
  seed: number;
  notes: NotePlan[];
  lexicon: Lexicon;
}

export function makeLexicon(vocab: Vocabulary, seed: number): Lexicon {
  const koreanNouns = vocab.koreanStems.filter((w) => !isParticle(w));
  return {
    koreanNouns,
    compounds: makeCompounds(koreanNouns, 400, createRng(deriveSeed(seed, 'compounds'))),
    koreanEndings: vocab.koreanEndings,
    englishWords: vocab.englishWords,
  };
}

export function planVault(size: number, seed: number, vocab: Vocabulary): VaultPlan {
  const lexicon = makeLexicon(vocab, seed);
  const rng = createRng(deriveSeed(seed, 'plan'));
  const folders = makeFolders(Math.max(4, Math.round(size / 150)), vocab.tagRoots, lexicon, rng);
  const tagPool = makeTagPool(40 + Math.round(size / 50), vocab.tagRoots, lexicon, rng);
  const taken = new Set<string>();
  const notes: NotePlan[] = [];
  for (let i = 0; i < size; i++) {
    const title = uniqueTitle(rng.chance(0.15) ? koreanPhrase(lexicon, rng, 2, 3) : englishSlug(lexicon, rng, 2, 4), taken);
    const created = dateBetween(rng, Date.UTC(2023, 0, 1), Date.UTC(2025, 5, 30));
    notes.push({
      id: `${rng.pickSkewed(folders)}/${title}.md`,
      title,
      aliases: Array.from({ length: rng.int(0, 2) }, () => (rng.chance(0.5) ? koreanPhrase(lexicon, rng, 1, 2) : englishSlug(lexicon, rng, 1, 2))),
      tags: [...new Set(Array.from({ length: rng.int(2, 5) }, () => rng.pickSkewed(tagPool)))],
      created,
      modified: dateBetween(rng, Date.parse(created), Date.UTC(2025, 8, 30)),
      headings: Array.from({ length: rng.int(2, 4) }, () => heading(lexicon, rng)),
    });
  }
  return { seed, notes, lexicon };
}

export function koreanNoun(lex: Lexicon, rng: Rng): string {
  return rng.chance(0.2) ? rng.pick(lex.compounds) : rng.pickSkewed(lex.koreanNouns);
}

export function englishSlug(lex: Lexicon, rng: Rng, min: number, max: number): string {
  const words = Array.from({ length: rng.int(min, max) }, () => slugWord(rng.pickSkewed(lex.englishWords)));
  return words.filter(Boolean).join('-') || 'note';
}

function koreanPhrase(lex: Lexicon, rng: Rng, min: number, max: number): string {
  return Array.from({ length: rng.int(min, max) }, () => koreanNoun(lex, rng)).join(' ');
}

function heading(lex: Lexicon, rng: Rng): string {
  if (rng.chance(0.3)) return Array.from({ length: rng.int(1, 3) }, () => rng.pickSkewed(lex.englishWords)).join(' ');
  return `${koreanPhrase(lex, rng, 1, 2)} ${rng.chance(0.4) ? rng.pickSkewed(lex.englishWords) : koreanNoun(lex, rng)}`;
}

function slugWord(w: string): string {
  return w.toLowerCase().replace(/[^a-z0-9-]/g, '');
}

function uniqueTitle(title: string, taken: Set<string>): string {
  let t = title;
  for (let n = 2; taken.has(t.toLowerCase()); n++) t = `${title}-${n}`;
  taken.add(t.toLowerCase());
  return t;
}

function makeFolders(count: number, roots: string[], lex: Lexicon, rng: Rng): string[] {
  const out = new Set<string>();
  while (out.size < count) out.add(`${rng.pick(roots)}/${slugWord(rng.pickSkewed(lex.englishWords)) || 'misc'}`);
  return [...out];
}

function makeTagPool(count: number, roots: string[], lex: Lexicon, rng: Rng): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const leaf = rng.chance(0.1) ? rng.pickSkewed(lex.koreanNouns) : slugWord(rng.pickSkewed(lex.englishWords));
    if (!leaf) continue;
    const sub = rng.chance(0.25) ? '/' + (slugWord(rng.pickSkewed(lex.englishWords)) || 'misc') : '';
    out.add(`${rng.pick(roots)}/${leaf}${sub}`);
  }
  return [...out];
}

function dateBetween(rng: Rng, from: number, to: number): string {
  return new Date(from + Math.floor(rng.next() * (to - from))).toISOString().slice(0, 10);
}
