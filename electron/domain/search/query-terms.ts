// A query's words as the index's terms, and the alternatives tried when a word finds nothing.
import type { Encoder } from 'flexsearch';
import { isHangul } from '../text/fold.ts';
import { withoutFinalConsonant } from '../text/korean.ts';

/** Hostile input (10k characters) is cut to this many words. */
export const MAX_TERMS = 24;

export function queryTerms(encoder: Encoder, text: string): string[] {
  return queryUnits(encoder, text).terms;
}

/**
 * The terms of a query, and its units: what the user typed between spaces. A unit of several
 * terms (`yaml-survivor-word`, `ml.m5.large`) is one thing typed, so a note matches it only
 * with all its terms; a question's units may match in part.
 */
export function queryUnits(encoder: Encoder, text: string): { terms: string[]; units: number[][] } {
  const terms: string[] = [];
  const units: number[][] = [];
  for (const token of text.slice(0, 4000).split(/\s+/)) {
    const unit: number[] = [];
    for (const t of token ? encoder.encode(token) : []) {
      let i = terms.indexOf(t);
      if (i < 0 && terms.length < MAX_TERMS) i = terms.push(t) - 1;
      if (i >= 0 && !unit.includes(i)) unit.push(i);
    }
    if (unit.length) units.push(unit);
  }
  return { terms, units };
}

/**
 * Readings of a Hangul word that found nothing:
 * - its last syllable still being typed (`세이지메잌` → `세이지메이`, which the forward index
 *   finds as a prefix);
 * - a compound typed without its space (`노트북인스턴스` → `노트북` + `인스턴스`): FlexSearch's
 *   `full` tokenizer finds a word inside a compound, but not two written words as one.
 */
export function hangulAlternatives(term: string): { prefix: string | null; splits: Array<[string, string]> } {
  if (!isHangul(term)) return { prefix: null, splits: [] };
  const splits: Array<[string, string]> = [];
  for (let i = 2; i <= term.length - 2; i++) splits.push([term.slice(0, i), term.slice(i)]);
  return { prefix: term.length >= 3 ? withoutFinalConsonant(term) : null, splits };
}
