import type { SessionCard } from '../../../electron/contract.ts';
import { ClozeText } from './ClozeText.tsx';
import { plainText } from './card-text.ts';
import { TypeInAnswer } from '../exam/TypeInAnswer.tsx';

/** Basic, reversed and cloze cards: the front, then the back under it once revealed (as Anki). */
export function TextCard({ card, revealed }: { card: SessionCard; revealed: boolean }) {
  if (card.kind === 'cloze') {
    return (
      <div className="card-body">
        <ClozeText card={card} revealed={revealed} />
      </div>
    );
  }
  return (
    <div className="card-body">
      <p className="card-front">{plainText(card.front)}</p>
      {card.typeIn && <TypeInAnswer key={card.id} card={card} />}
      {revealed && (
        <>
          <hr className="card-divider" />
          <p className="card-back">{plainText(card.back)}</p>
        </>
      )}
    </div>
  );
}
