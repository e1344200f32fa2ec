import { duration } from './card-text.ts';
import type { Reviewed } from './useReviewSession.ts';

const LABELS = ['Again', 'Hard', 'Good', 'Easy'] as const;

interface Props {
  reviewed: Reviewed[];
  elapsedMs: number;
  onRestart: () => void;
  onExit: () => void;
}

export function SessionSummary({ reviewed, elapsedMs, onRestart, onExit }: Props) {
  if (reviewed.length === 0) {
    return (
      <section className="session-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Nothing to study</h2>
        <p>No card of this deck is new or due right now.</p>
        <button onClick={onExit}>Back to decks</button>
      </section>
    );
  }
  const counts = LABELS.map((_, i) => reviewed.filter((r) => r.rating === i + 1).length);
  return (
    <section className="session-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Session complete</h2>
      <p>
        {reviewed.length} card{reviewed.length === 1 ? '' : 's'} reviewed in {duration(elapsedMs)}.
      </p>
      <dl className="summary-counts">
        {LABELS.map((label, i) => (
          <div key={label} className={`rating-${i + 1}`}>
            <dt>{label}</dt>
            <dd>{counts[i]}</dd>
          </div>
        ))}
      </dl>
      <div className="summary-actions">
        {/* Cards rated Again come back within minutes: a new round picks them up when due. */}
        <button onClick={onRestart}>Study more</button>
        <button onClick={onExit}>Back to decks</button>
      </div>
      <p className="stat-note">
        <kbd>Ctrl Z</kbd> brings back the last card.
      </p>
    </section>
  );
}
