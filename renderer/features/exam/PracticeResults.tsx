import { useState } from 'react';
import type { PracticeTest } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { MissedQuestion } from './MissedQuestion.tsx';

interface Props {
  test: PracticeTest;
  answers: Record<string, string | null>;
  timedOut: boolean;
  onAgain: () => void;
}

/** The score (counted from the answers in the log), per tag, then every missed question explained. */
export function PracticeResults({ test, answers, timedOut, onAgain }: Props) {
  const [score] = useApi((signal) => api.practiceScore({ test: test.id }, { signal }), [test.id]);
  const [sent, setSent] = useState<{ error: boolean; text: string } | null>(null);
  if (score.state !== 'ok') return <ApiState value={score} loading="Scoring…" failed="Could not score the test" />;
  const s = score.value;
  const missed = test.questions.filter((q) => s.missed.includes(q.cardId));
  const sendAgain = async () => {
    const r = await api.practiceAgain({ cardIds: s.missed });
    setSent(
      r.ok
        ? { error: false, text: `${r.value.sent} missed ${r.value.sent === 1 ? 'question is' : 'questions are'} due again in the study queue.` }
        : { error: true, text: r.error.message },
    );
  };
  const pct = s.total ? Math.round((s.correct / s.total) * 100) : 0;
  return (
    <section className="practice-results" aria-label="Practice test results">
      {timedOut && (
        <p className="notice" role="status">
          Time is up: unanswered questions count as missed.
        </p>
      )}
      <p className="practice-score" role="status">
        Score: {s.correct} / {s.total} ({pct}%)
      </p>
      <table className="deck-table tag-scores" aria-label="Score per tag">
        <thead>
          <tr>
            <th scope="col">Tag</th>
            <th scope="col" className="num">
              Right
            </th>
            <th scope="col" className="num">
              Of
            </th>
          </tr>
        </thead>
        <tbody>
          {s.byTag.map((t) => (
            <tr key={t.tag}>
              <th scope="row" className="deck-name">
                #{t.tag}
              </th>
              <td className="num">{t.correct}</td>
              <td className="num">{t.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="practice-actions">
        {missed.length > 0 && (
          <button type="button" className="study-button" disabled={sent !== null && !sent.error} onClick={() => void sendAgain()}>
            Send {missed.length} missed to study as Again
          </button>
        )}
        <button type="button" className="session-button" onClick={onAgain}>
          New practice test
        </button>
        {sent && (
          <span className={sent.error ? 'error' : 'stat-note'} role={sent.error ? 'alert' : 'status'}>
            {sent.text}
          </span>
        )}
      </div>
      {missed.length > 0 && <h2>Missed questions</h2>}
      {missed.map((q) => (
        <MissedQuestion key={q.cardId} question={q} picked={answers[q.cardId] ?? null} />
      ))}
    </section>
  );
}
