import { CardFace } from './CardFace.tsx';
import { RatingButtons } from './RatingButtons.tsx';
import { ReadNext } from './ReadNext.tsx';
import { SessionSummary } from './SessionSummary.tsx';
import { useReviewKeys } from './useReviewKeys.ts';
import { useReviewSession } from './useReviewSession.ts';

interface Props {
  /** '' is the whole vault. */
  deck: string;
  onExit: () => void;
}

export function ReviewSession({ deck, onExit }: Props) {
  const s = useReviewSession(deck);
  useReviewKeys({
    space: () => (s.revealed ? void s.rate(3) : s.reveal()),
    rate: (r) => void s.rate(r),
    pick: s.pick,
    undo: () => void s.undo(),
  });
  const card = s.card;
  // A right pick suggests Good, a wrong one Again; Enter or Space on the focused button confirms.
  const suggested = card?.kind === 'choice' && s.picked ? (s.picked === card.answer ? 3 : 1) : 3;

  return (
    <div className="review-session">
      <div className="session-bar">
        <span className="session-deck">{deck ? `#${deck}` : 'All cards'}</span>
        {s.status === 'ready' && (
          <span className="session-progress">
            {s.reviewed.length} done · {s.left} left
          </span>
        )}
        <button
          type="button"
          className="session-button"
          onClick={() => void s.undo()}
          disabled={s.reviewed.length === 0 || s.saving}
          title="Undo the last review (Ctrl/Cmd+Z)"
        >
          Undo <kbd aria-hidden="true">Ctrl Z</kbd>
        </button>
        <button type="button" className="session-button" onClick={onExit}>
          Back to decks
        </button>
      </div>
      {s.failure && (
        <p className="review-failure" role="alert">
          {s.failure}
        </p>
      )}
      {s.status === 'loading' && <p className="status">Preparing the session…</p>}
      {s.status === 'error' && (
        <p className="error" role="alert">
          Could not start the session: {s.message}
        </p>
      )}
      {s.status === 'ready' && !card && (
        <SessionSummary reviewed={s.reviewed} later={s.later} elapsedMs={(s.finishedAt ?? Date.now()) - s.startedAt} onRestart={s.restart} onExit={onExit} />
      )}
      {card && (
        <>
          <CardFace card={card} revealed={s.revealed} picked={s.picked} onPick={s.pick} />
          <div className="answer-bar" aria-busy={s.saving}>
            {s.revealed ? (
              <RatingButtons card={card} suggested={suggested} busy={s.saving} onRate={(r) => void s.rate(r)} />
            ) : (
              <button type="button" className="show-answer" onClick={s.reveal}>
                Show answer <kbd aria-hidden="true">Space</kbd>
              </button>
            )}
          </div>
        </>
      )}
      {s.readNext && <ReadNext card={s.readNext} />}
    </div>
  );
}
