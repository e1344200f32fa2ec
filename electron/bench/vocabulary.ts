// The words the synthetic vault is written with: taken from the shipped notes (Korean prose with
// English terms), so the generated text has their mix of scripts, particles and compounds.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parseNote } from '../domain/notes/parse-note.ts';
import { stripParticle } from '../domain/text/korean.ts';

export interface Vocabulary {
  /** Korean nouns without their particles, most frequent first. */
  koreanStems: string[];
  /** Sentence-final Korean words (`있다`, `절감한다`), most frequent first. */
  koreanEndings: string[];
  /** English words and terms as written (`SageMaker`, `on-demand`), most frequent first. */
  englishWords: string[];
  /** First segments of the shipped notes' hierarchical tags (`service`, `instance`). */
  tagRoots: string[];
}

const HANGUL_WORD = /\p{Script=Hangul}+/gu;
const SENTENCE_END = /(\p{Script=Hangul}+)[.!?](?=\s|$)/gu;
const ENGLISH_WORD = /\b[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*\b/g;

export async function loadVocabulary(notesDir: string): Promise<Vocabulary> {
  const stems = new Map<string, number>();
  const endings = new Map<string, number>();
  const english = new Map<string, number>();
  const roots = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const file of await markdownFiles(notesDir)) {
    const note = parseNote(path.relative(notesDir, file), await readFile(file, 'utf8'));
    const prose = note.body
      .replace(/```[\s\S]*?```/g, ' ')
      .replace(/`[^`\n]*`/g, ' ')
      .replace(/\[\[[^\]]*\]\]|\([^)\s]*\)/g, ' ');
    const finals = new Set<string>();
    for (const m of prose.matchAll(SENTENCE_END)) {
      bump(endings, m[1]);
      finals.add(m[1]);
    }
    for (const [w] of prose.matchAll(HANGUL_WORD)) {
      if (finals.has(w)) continue;
      const stem = stripParticle(w) ?? w;
      if (stem.length >= 2) bump(stems, stem);
    }
    for (const [w] of prose.matchAll(ENGLISH_WORD)) if (w.length >= 2 && !/^\d/.test(w)) bump(english, w);
    for (const t of note.tags) if (t.includes('/')) bump(roots, t.split('/')[0]);
  }
  return {
    koreanStems: byFrequency(stems),
    koreanEndings: byFrequency(endings),
    englishWords: byFrequency(english),
    tagRoots: byFrequency(roots),
  };
}

/** A short hash of the vocabulary: part of the generated vault's cache key. */
export function vocabularyHash(v: Vocabulary): string {
  return createHash('sha1').update(JSON.stringify(v)).digest('hex').slice(0, 10);
}

function byFrequency(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}
