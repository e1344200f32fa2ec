import { createHash } from 'node:crypto';
import type { CardKind } from './card-types.ts';

/** NFC, trimmed, whitespace runs collapsed: edits that do not change the words keep the id. */
export function normaliseFront(front: string): string {
  return front.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * A card's id depends on its note, kind and normalised front — never on its line — so moving a
 * card inside its note keeps its review history (electron/domain/README.md §3). 64 bits of SHA-1 keep ids short;
 * collisions inside one vault are negligible at that size.
 */
export function baseCardId(noteId: string, kind: CardKind, front: string): string {
  const hash = createHash('sha1')
    .update(`${noteId}\u0000${kind}\u0000${normaliseFront(front)}`)
    .digest('hex');
  return hash.slice(0, 16);
}

/**
 * Ids for the cards of one note, in document order. A repeated card gets `-2`, `-3`… by its
 * position among its twins, so the first copy keeps the plain id whatever happens below it.
 */
export function assignCardIds(noteId: string, cards: Array<{ kind: CardKind; front: string }>): string[] {
  const seen = new Map<string, number>();
  return cards.map((card) => {
    const base = baseCardId(noteId, card.kind, card.front);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base}-${count}`;
  });
}
