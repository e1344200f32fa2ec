import { duration } from './card-text.ts';
import { relearnedCount, type Reviewed } from './session-reducer.ts';

const LABELS = ['Again', 'Hard', 'Good', 'Easy'] as const;

interface Props {
  reviewed: Reviewed[];
  /** Learning cards whose next step is beyond the learn-ahead window. */
  later: number;
  elapsedMs: number;
  onRestart: () => void;
  onExit: () => void;
}

export function SessionSummary({ reviewed, later, elapsedMs, onRestart, onExit }: Props) {
  if (reviewed.length === 0) {
    return (
      <section className="session-summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Nothing to study</h2>
        <p>No card of this deck is new or due right now.</p>
        <button type="button" onClick={onExit}>
          Back to decks
        </button>
      </section>
    );
  }
  const counts = LABELS.map((_, i) => reviewed.filter((r) => r.rating === i + 1).length);
  const cards = new Set(reviewed.map((r) => r.card.id)).size;
  const relearned = relearnedCount(reviewed);
  return (
    <section className="session-summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Session complete</h2>
      <p className="summary-line">
        {cards} card{cards === 1 ? '' : 's'} studied, {reviewed.length} answer{reviewed.length === 1 ? '' : 's'} in {duration(elapsedMs)}; {relearned}{' '}
        relearned.
      </p>
      {later > 0 && (
        <p className="stat-note">
          {later} card{later === 1 ? ' is' : 's are'} still learning, due in more than 20 minutes: “Study more” then.
        </p>
      )}
      <dl className="summary-counts">
        {LABELS.map((label, i) => (
          <div key={label} className={`rating-${i + 1}`}>
            <dt>{label}</dt>
            <dd>{counts[i]}</dd>
          </div>
        ))}
      </dl>
      <div className="summary-actions">
        <button type="button" onClick={onRestart}>
          Study more
        </button>
        <button type="button" onClick={onExit}>
          Back to decks
        </button>
      </div>
      <p className="stat-note">
        <kbd>Ctrl Z</kbd> brings back the last card.
      </p>
    </section>
  );
}
