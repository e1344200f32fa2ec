import { useEffect, useState } from 'react';
import type { PracticeTest } from '../../../electron/contract.ts';
import { plainText } from '../cards/card-text.ts';

interface Props {
  question: PracticeTest['questions'][number];
  index: number;
  total: number;
  picked: string | null;
  /** Epoch ms when time runs out, or null (untimed). */
  deadline: number | null;
  onPick: (key: string) => void;
  onNext: () => void;
}

function Countdown({ deadline }: { deadline: number }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const left = Math.max(0, Math.round((deadline - now) / 1000));
  return <span className="practice-timer" role="timer" aria-label="Time left">{`${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`}</span>;
}

/** One question as in the exam: no feedback until the end. */
export function PracticeQuestionView({ question, index, total, picked, deadline, onPick, onNext }: Props) {
  const last = index + 1 === total;
  return (
    <article className="review-card practice-question" aria-label={`Question ${index + 1} of ${total}`}>
      <header className="card-meta">
        <span className="practice-progress">
          Question {index + 1} of {total}
        </span>
        {deadline !== null && <Countdown deadline={deadline} />}
      </header>
      <div className="card-body">
        <p className="card-front">{plainText(question.question)}</p>
        <ol className="choice-options" aria-label="Options">
          {question.options.map((o) => (
            <li key={o.key} className={`choice${o.key === picked ? ' picked' : ''}`}>
              <button type="button" className="choice-button" aria-pressed={o.key === picked} onClick={() => onPick(o.key)}>
                <span className="choice-key">{o.key}</span>
                <span className="choice-text">{plainText(o.text)}</span>
              </button>
            </li>
          ))}
        </ol>
        <p className="stat-note">Pick with a click or a letter key; Enter goes on{picked ? '' : ' (no pick counts as unanswered)'}.</p>
      </div>
      <div className="answer-bar">
        <button type="button" className="show-answer" onClick={onNext}>
          {last ? 'Finish test' : 'Next question'} <kbd aria-hidden="true">Enter</kbd>
        </button>
      </div>
    </article>
  );
}
