import type { Responses } from '../../../electron/contract.ts';

type Orphan = Responses['cardDecks']['orphans'][number];

/**
 * Reviewed cards that no note gives any more (the note was deleted or moved, or the card's
 * question edited). Their reviews stay in the log: if the card comes back, so does its schedule.
 */
export function OrphanedCards({ orphans }: { orphans: Orphan[] }) {
  if (!orphans.length) return null;
  return (
    <details className="orphaned-cards">
      <summary>
        {orphans.length} reviewed card{orphans.length === 1 ? '' : 's'} no longer in the notes (history kept)
      </summary>
      <ul aria-label="Orphaned cards">
        {orphans.map((o) => (
          <li key={o.cardId}>
            <code>{o.cardId}</code> from <code>{o.noteId}</code>
            {o.noteExists ? ' (the note no longer has this card)' : ' (the note is gone)'} · {o.reviews} review{o.reviews === 1 ? '' : 's'}, last{' '}
            {o.lastReview.slice(0, 10)}
          </li>
        ))}
      </ul>
    </details>
  );
}
