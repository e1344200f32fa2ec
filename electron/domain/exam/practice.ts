// A practice test (mock exam) from a deck's choice cards: questions in shuffled order, options
// shuffled and relettered A, B, C…, the answer letter remapped. Answers are scored here and
// logged as practice entries, which the FSRS replay never reads (review-entry.ts).
import type { Card, ChoiceOption } from '../cards/card-types.ts';
import { inDeck } from '../cards/decks.ts';
import { DomainError } from '../domain-error.ts';
import { seededRandom, shuffled } from './shuffle.ts';

export const DEFAULT_PRACTICE_SIZE = 20;

export interface PracticeQuestion {
  cardId: string;
  noteId: string;
  question: string;
  /** Relettered: `key` is what the test shows (A, B…), `original` the note's letter. */
  options: Array<ChoiceOption & { original: string }>;
  /** Shown letter of the right option. */
  answer: string;
  /** Shown letter → explanation. */
  explanations: Record<string, string>;
  decks: string[];
}

export interface PracticeTest {
  id: string;
  deck: string;
  questions: PracticeQuestion[];
  /** Choice cards in the deck (the test may use fewer). */
  available: number;
}

/** No choice card to practise: a message for the user. */
export class PracticeError extends DomainError {
  constructor(message: string) {
    super('BAD_INPUT', message);
  }
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** One question with its options shuffled and relettered. */
export function shuffleQuestion(card: Card, random: () => number): PracticeQuestion {
  const options = shuffled(card.options ?? [], random).map((o, i) => ({ key: LETTERS[i] ?? String(i + 1), text: o.text, original: o.key }));
  const explanations: Record<string, string> = {};
  for (const o of options) {
    const why = card.explanations?.[o.original];
    if (why) explanations[o.key] = why;
  }
  return {
    cardId: card.id,
    noteId: card.noteId,
    question: card.front,
    options,
    answer: options.find((o) => o.original === card.answer)?.key ?? '',
    explanations,
    decks: card.decks,
  };
}

/** `count` questions (all when omitted as 'all' or larger than the deck) from the deck's choice cards. */
export function buildPracticeTest(cards: Card[], deck: string, count: number | 'all', id: string): PracticeTest {
  const choice = cards.filter((c) => c.kind === 'choice' && c.answer && (c.options?.length ?? 0) > 1 && (!deck || inDeck(c.decks, deck)));
  if (choice.length === 0) {
    throw new PracticeError(
      `${deck ? `deck "${deck}"` : 'this vault'} has no multiple-choice questions to practise: they come from a note's "📝 관련 문제" section (question, A) … options, answer line)`,
    );
  }
  if (count !== 'all' && !(Number.isInteger(count) && count > 0))
    throw new PracticeError(`the number of questions must be a whole number above 0, got ${count}`);
  const random = seededRandom(id);
  const picked = shuffled(choice, random).slice(0, count === 'all' ? choice.length : count);
  return { id, deck, questions: picked.map((c) => shuffleQuestion(c, random)), available: choice.length };
}

export interface TagScore {
  tag: string;
  correct: number;
  total: number;
}

export interface PracticeScore {
  correct: number;
  total: number;
  /** Per deck tag of the questions (a question counts for each of its tags), worst first. */
  byTag: TagScore[];
  /** Card ids of the questions answered wrong or not at all, in test order. */
  missed: string[];
}

export interface PracticeResult {
  cardId: string;
  decks: string[];
  correct: boolean;
}

export function scorePractice(results: PracticeResult[]): PracticeScore {
  const tags = new Map<string, TagScore>();
  const missed: string[] = [];
  let correct = 0;
  for (const r of results) {
    if (r.correct) correct++;
    else missed.push(r.cardId);
    for (const tag of r.decks.length ? r.decks : ['(untagged)']) {
      const t = tags.get(tag) ?? { tag, correct: 0, total: 0 };
      t.total++;
      if (r.correct) t.correct++;
      tags.set(tag, t);
    }
  }
  const byTag = [...tags.values()].sort((a, b) => a.correct / a.total - b.correct / b.total || a.tag.localeCompare(b.tag));
  return { correct, total: results.length, byTag, missed };
}

/** The note's letter of a shown letter, for the log (null when none was picked). */
export function originalKey(q: PracticeQuestion, shown: string | null): string | null {
  return shown ? (q.options.find((o) => o.key === shown)?.original ?? null) : null;
}
