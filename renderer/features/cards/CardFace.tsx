import type { SessionCard } from '../../../electron/contract.ts';
import { noteHref } from '../../useRoute.ts';
import { ChoiceCard } from './ChoiceCard.tsx';
import { TextCard } from './TextCard.tsx';

const KINDS: Record<SessionCard['kind'], string> = { choice: 'Exam question', basic: 'Card', reversed: 'Reversed card', cloze: 'Cloze' };

interface Props {
  card: SessionCard;
  revealed: boolean;
  picked: string | null;
  onPick: (key: string) => void;
}

export function CardFace({ card, revealed, picked, onPick }: Props) {
  const phase = card.state ? card.state.phase : 'new';
  return (
    <article className={`review-card${revealed ? ' revealed' : ''}`} aria-label="Card">
      <header className="card-meta">
        <span className={`card-phase phase-${phase}`}>{phase}</span>
        <span className="card-kind">{KINDS[card.kind]}</span>
        <span className="card-note" title={card.noteId}>
          {card.noteTitle}
        </span>
        <a className="open-note" href={noteHref(card.noteId)}>
          Open note
        </a>
      </header>
      {card.kind === 'choice' ? <ChoiceCard card={card} revealed={revealed} picked={picked} onPick={onPick} /> : <TextCard card={card} revealed={revealed} />}
    </article>
  );
}
