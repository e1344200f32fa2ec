export type CardKind = 'choice' | 'basic' | 'reversed' | 'cloze';

/** One option of a multiple-choice card: `- C) text` gives `{key: 'C', text}`. */
export interface ChoiceOption {
  key: string;
  text: string;
}

/**
 * Scheduling written by the Obsidian Spaced Repetition plugin (`<!--SR:!2024-01-05,3,250-->`):
 * due date, interval in days and SM-2 ease ×100. Read as history, never written back.
 */
export interface ImportedSchedule {
  due: string;
  interval: number;
  ease: number;
}

/** A flashcard as the CLI prints it and the UI shows it (plain JSON). */
export interface Card {
  id: string;
  noteId: string;
  kind: CardKind;
  /** Markdown. For a choice card, the question only: the options are in `options`. */
  front: string;
  /** Markdown. For a cloze card, the whole text with every deletion shown. */
  back: string;
  options?: ChoiceOption[];
  /** Key of the right option of a choice card. */
  answer?: string;
  /** Option key → why it is right or wrong. */
  explanations?: Record<string, string>;
  /** Offsets in `back` of the text this cloze card hides, in order (one, or a deletion group's). */
  clozeSpans?: Array<[number, number]>;
  /** What the front shows in place of each hidden span: `[...]`, or `[hint]` (SR plugin hints). */
  clozeGaps?: string[];
  /** Obsidian block id (`^id`) the card's text ended with, without `^`; stripped from the text. */
  blockId?: string;
  imported?: ImportedSchedule;
  /** The note's tags, lowercased, without `#`; hierarchical (`service/sagemaker-processing`). */
  decks: string[];
  /** 1-based line in the note file where the card starts. */
  line: number;
}

export type CardDiagnosticCode = 'CARD_NO_ANSWER' | 'CARD_ANSWER_NOT_AN_OPTION' | 'CARD_NO_OPTIONS' | 'CARD_EMPTY_SIDE' | 'CARD_BAD_SR_COMMENT';

/** Same shape as a note `Diagnostic`, with card codes. */
export interface CardDiagnostic {
  id: string;
  code: CardDiagnosticCode;
  message: string;
  line: number;
}

/**
 * A card before it gets its id and decks; `line` is a 0-based index into the note body. `decks`
 * is set when the card names its own (an SR plugin `#flashcards/…` tag), else the note's apply.
 */
export type DraftCard = Omit<Card, 'id' | 'noteId' | 'decks' | 'line'> & { bodyLine: number; decks?: string[] };

export type DraftDiagnostic = Omit<CardDiagnostic, 'id' | 'line'> & { bodyLine: number };

export interface DraftCards {
  cards: DraftCard[];
  diagnostics: DraftDiagnostic[];
}

export interface DraftResult extends DraftCards {
  /** Body lines (0-based) the parser consumed, so no later parser reads them again. */
  claimed: Set<number>;
}
