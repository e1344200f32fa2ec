import type { SessionCard } from '../../../electron/contract.ts';
import { clozeParts, plainText } from './card-text.ts';

const GAP = '[...]';

/** Front: the text with the gap shown as `[...]`; back: the whole text, the hidden part marked. */
export function ClozeText({ card, revealed }: { card: SessionCard; revealed: boolean }) {
  if (!revealed) {
    const parts = card.front.split(GAP);
    return (
      <p className="card-front">
        {parts.map((part, i) => (
          <span key={i}>
            {i > 0 && <span className="cloze-gap">{GAP}</span>}
            {plainText(part)}
          </span>
        ))}
      </p>
    );
  }
  const { before, hidden, after } = clozeParts(card.back, card.clozeSpan);
  return (
    <p className="card-front card-back">
      {plainText(before)}
      {hidden && <mark className="cloze-answer">{plainText(hidden)}</mark>}
      {plainText(after)}
    </p>
  );
}
