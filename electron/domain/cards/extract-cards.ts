import type { ParsedNote } from '../notes/note-types.ts';
import type { Card, CardDiagnostic, DraftCard } from './card-types.ts';
import { bodyLines } from './body-lines.ts';
import { assignCardIds } from './card-id.ts';
import { conceptCards } from './concept-cards.ts';
import { noteDecks } from './decks.ts';
import { examQuestionCards } from './exam-questions.ts';
import { srPluginCards } from './sr-plugin-cards.ts';
import type { SrSettings } from '../settings/vault-settings.ts';

export interface ExtractResult {
  cards: Card[];
  diagnostics: CardDiagnostic[];
}

/**
 * Every flashcard of a note, in document order (electron/domain/README.md §3). Exam questions are read first,
 * then concept bullets, then plugin syntax on the lines neither took, so no line makes two cards.
 * Never throws: what cannot become a card is a diagnostic.
 */
export function extractCards(note: ParsedNote, sr?: SrSettings): ExtractResult {
  const lines = bodyLines(note.body);
  const headings = note.headings.map((h) => ({ level: h.level, text: h.text, bodyLine: h.line - note.bodyStartLine }));

  const exam = examQuestionCards(lines);
  const concepts = conceptCards(lines, headings, exam.claimed);
  const plugin = srPluginCards(lines, new Set([...exam.claimed, ...concepts.claimed]), sr);

  // Stable sort: siblings (both sides of a reversed card, clozes of one paragraph) keep their order.
  const drafts: DraftCard[] = [...exam.cards, ...concepts.cards, ...plugin.cards].sort((a, b) => a.bodyLine - b.bodyLine);
  const ids = assignCardIds(note.id, drafts);
  const decks = noteDecks(note.tags);
  const cards = drafts.map(
    ({ bodyLine, decks: own, ...draft }, k): Card => ({
      id: ids[k],
      noteId: note.id,
      ...draft,
      decks: own ?? decks,
      line: note.bodyStartLine + bodyLine,
    }),
  );

  const diagnostics = [...exam.diagnostics, ...concepts.diagnostics, ...plugin.diagnostics]
    .sort((a, b) => a.bodyLine - b.bodyLine)
    .map(({ bodyLine, ...d }): CardDiagnostic => ({ id: note.id, ...d, line: note.bodyStartLine + bodyLine }));
  return { cards, diagnostics };
}

/** The cards of many notes, diagnostics gathered. */
export function extractAllCards(notes: Iterable<ParsedNote>, sr?: SrSettings): ExtractResult {
  const cards: Card[] = [];
  const diagnostics: CardDiagnostic[] = [];
  for (const note of notes) {
    const result = extractCards(note, sr);
    cards.push(...result.cards);
    diagnostics.push(...result.diagnostics);
  }
  return { cards, diagnostics };
}
