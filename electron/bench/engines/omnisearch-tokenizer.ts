// The tokenizer of Obsidian Omnisearch (scambier/obsidian-omnisearch, src/search/tokenizer.ts
// and src/tools/utils.ts), as read for this benchmark, without its optional Chinese segmenter:
// tokens split on spaces and punctuation, "words" split on brackets and spaces, plus the parts
// of hyphenated and camelCase tokens. It has no Korean handling: Hangul is split on spaces
// only, so `인스턴스를` is one token; `removeDiacritics` decomposes (NFD), drops diacritics and
// composes again (NFC), so Hangul comes out whole.
import type { Query } from 'minisearch';

/** MiniSearch's default separator (Unicode spaces and punctuation), plus `|`, as in Omnisearch. */
const SPACE_OR_PUNCTUATION = /[|\n\r\p{Z}\p{P}]+/u;
const BRACKETS_AND_SPACE = /[|[\](){}<> \t\n\r]/u;

/** Omnisearch's `removeDiacritics`: NFD, every \p{Diacritic} removed (backticks kept), NFC. */
export function removeDiacritics(s: string): string {
  return s
    .replaceAll('`', '\u0000')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replaceAll('\u0000', '`')
    .normalize('NFC');
}

/** Omnisearch's `processTerm` with `ignoreDiacritics: true` (its default). */
export const processTerm = (term: string): string => removeDiacritics(term).toLowerCase();

export function splitHyphens(text: string): string[] {
  const parts = text.split('-').filter(Boolean);
  return parts.length > 1 ? parts : [];
}

export function splitCamelCase(text: string): string[] {
  const parts = text
    .replace(/([a-z](?=[A-Z]))/g, '$1 ')
    .split(' ')
    .filter(Boolean);
  return parts.length > 1 ? parts : [];
}

export function tokenizeForIndexing(text: string): string[] {
  const words = text.split(BRACKETS_AND_SPACE);
  const tokens = text.split(SPACE_OR_PUNCTUATION);
  return [...new Set([...tokens.flatMap((t) => [t, ...splitHyphens(t), ...splitCamelCase(t)]), ...words])];
}

/** Omnisearch ORs four readings of the query, each an AND of its tokens. */
export function tokenizeForSearch(text: string): Query {
  const tokens = text.split(SPACE_OR_PUNCTUATION).filter(Boolean);
  return {
    combineWith: 'OR',
    queries: [
      { combineWith: 'AND', queries: tokens },
      { combineWith: 'AND', queries: text.split(BRACKETS_AND_SPACE).filter(Boolean) },
      { combineWith: 'AND', queries: tokens.flatMap(splitHyphens) },
      { combineWith: 'AND', queries: tokens.flatMap(splitCamelCase) },
    ],
  };
}
