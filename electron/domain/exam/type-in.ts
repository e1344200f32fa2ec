// Type-in answers (as Anki's "type in the answer"): the typed answer is right when it matches
// the card's answer word for word, ignoring case, spacing, punctuation, accents and Korean
// particles (`인스턴스를` = `인스턴스`); the difference is shown as a word diff, computed by
// jsdiff's `diffArrays` with that same comparison (a maintained diff library, not our own LCS).
import { diffArrays } from 'diff';
import { stripParticle } from '../text/korean.ts';

export interface DiffPart {
  text: string;
  /** same: typed and expected; missing: expected, not typed; extra: typed, not expected. */
  kind: 'same' | 'missing' | 'extra';
}

export interface TypeInResult {
  correct: boolean;
  expected: string;
  typed: string;
  diff: DiffPart[];
}

/** The answer as plain words: markdown emphasis, code ticks, links and list markers dropped. */
export function plainAnswer(markdown: string): string {
  return markdown
    .replace(/!?\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, '')
    .replace(/[*_`~=]{1,3}/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words as written (what the diff shows). */
export function words(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\s+/)
    .filter((w) => fold(w) !== '');
}

/** One word compared: NFC, lowercase, no accents, no punctuation, no trailing Korean particle. */
export function fold(word: string): string {
  const bare = word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
  return /[\uAC00-\uD7A3]$/.test(bare) ? (stripParticle(bare) ?? bare) : bare;
}

export function compareTyped(typed: string, expectedMarkdown: string): TypeInResult {
  const expected = plainAnswer(expectedMarkdown);
  const parts = diffArrays(words(typed), words(expected), { comparator: (a: string, b: string) => fold(a) === fold(b) });
  const diff: DiffPart[] = [];
  for (const p of parts) {
    const kind = p.added ? 'missing' : p.removed ? 'extra' : 'same';
    // An unchanged run carries the expected spelling (jsdiff keeps the second array's items).
    diff.push({ text: p.value.join(' '), kind });
  }
  const correct = diff.every((d) => d.kind === 'same') && words(expected).length > 0;
  return { correct, expected, typed, diff };
}
