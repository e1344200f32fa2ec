import type { SessionCard } from '../../../electron/contract.ts';
import { ScenarioCosts } from './ScenarioCosts.tsx';
import { plainText } from './card-text.ts';

interface Props {
  card: SessionCard;
  revealed: boolean;
  picked: string | null;
  onPick: (key: string) => void;
}

/** An exam question: pick an option (click or A–D), then the right one and why each is right or wrong. */
export function ChoiceCard({ card, revealed, picked, onPick }: Props) {
  const options = card.options ?? [];
  const right = card.answer ?? null;
  const explained = options.some((o) => card.explanations?.[o.key]);
  return (
    <div className="card-body">
      <p className="card-front">{plainText(card.front)}</p>
      <ol className="choice-options" aria-label="Options">
        {options.map((o) => {
          const verdict = !revealed ? '' : o.key === right ? ' right' : o.key === picked ? ' wrong' : '';
          const why = revealed ? card.explanations?.[o.key] : undefined;
          return (
            <li key={o.key} className={`choice${verdict}${o.key === picked ? ' picked' : ''}`}>
              <button type="button" className="choice-button" disabled={revealed} aria-pressed={o.key === picked} onClick={() => onPick(o.key)}>
                <span className="choice-key">{o.key}</span>
                <span className="choice-text">{plainText(o.text)}</span>
                {revealed && o.key === right && <span className="choice-mark">✓ right answer</span>}
                {revealed && o.key === picked && o.key !== right && <span className="choice-mark">✗ your pick</span>}
              </button>
              {why && <p className="explanation">{plainText(why)}</p>}
            </li>
          );
        })}
      </ol>
      {!revealed && <p className="stat-note">Pick with a click or the keys A–D; Space shows the answer without picking.</p>}
      {revealed && (
        <>
          <p className={`verdict${picked ? (picked === right ? ' right' : ' wrong') : ''}`} role="status">
            {!picked ? `The answer is ${right}.` : picked === right ? `${right} is correct.` : `${picked} is not correct: the answer is ${right}.`}
          </p>
          {!explained && <p className="card-back">{plainText(card.back)}</p>}
          <ScenarioCosts noteId={card.noteId} optionKeys={options.map((o) => o.key)} />
        </>
      )}
    </div>
  );
}
