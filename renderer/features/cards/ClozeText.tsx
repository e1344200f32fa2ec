import type { SessionCard } from '../../../electron/contract.ts';
import { clozeParts, plainText } from './card-text.ts';

const GAP = '[...]';

/**
 * Front: the text with each tested deletion shown as its gap (`[...]`, or `[hint]`); back: the
 * whole text, the tested deletions marked.
 */
export function ClozeText({ card, revealed }: { card: SessionCard; revealed: boolean }) {
  const parts = clozeParts(card.back, card.clozeSpans);
  if (!revealed) {
    let gap = 0;
    return (
      <p className="card-front">
        {parts.map((part, i) =>
          part.hidden ? (
            <span key={i} className="cloze-gap">
              {card.clozeGaps?.[gap++] ?? GAP}
            </span>
          ) : (
            <span key={i}>{plainText(part.text)}</span>
          ),
        )}
      </p>
    );
  }
  return (
    <p className="card-front card-back">
      {parts.map((part, i) =>
        part.hidden ? (
          <mark key={i} className="cloze-answer">
            {plainText(part.text)}
          </mark>
        ) : (
          <span key={i}>{plainText(part.text)}</span>
        ),
      )}
    </p>
  );
}
