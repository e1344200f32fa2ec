import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';

/** A deck name as typed (`#Service/`, `service`) → its key (`service`). */
export function deckKey(deck: string): string {
  return tagKey(deck.trim().replace(/^#+/, '').replace(/\/+$/, ''));
}

/** The decks of a note's cards: its tags, lowercased, without `#` (electron/domain/README.md §3). */
export function noteDecks(tags: string[]): string[] {
  return [...new Set(tags.map(deckKey).filter(Boolean))];
}

/** Whether a card with `decks` belongs to `deck`: a deck includes its sub-tags (electron/domain/README.md §1). */
export function inDeck(decks: string[], deck: string): boolean {
  const key = deckKey(deck);
  return decks.some((d) => d === key || d.startsWith(key + '/'));
}

/** Every deck a card counts in: its decks and their ancestors (`service/x` → `service`, `service/x`). */
export function decksWithAncestors(decks: string[]): string[] {
  return [...new Set(decks.flatMap(tagWithAncestors))];
}
