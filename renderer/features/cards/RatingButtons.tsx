import { useEffect, useId, useRef } from 'react';
import type { SessionCard } from '../../../electron/contract.ts';
import type { Rating } from './useReviewSession.ts';

interface Props {
  card: SessionCard;
  /** The button focused when the answer shows, so Enter or Space takes it. */
  suggested: Rating;
  /** A review is being written: presses wait (the session ignores them too). */
  busy: boolean;
  onRate: (rating: Rating) => void;
}

/** Again / Hard / Good / Easy, each with the interval it would give, as on Anki's buttons. */
export function RatingButtons({ card, suggested, busy, onRate }: Props) {
  const id = useId();
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  useEffect(() => {
    buttons.current[suggested - 1]?.focus();
  }, [card.id, suggested]);
  return (
    <div className="rating-buttons" role="group" aria-label="How well did you remember?">
      {card.buttons.map((b) => (
        <button
          type="button"
          key={b.rating}
          ref={(el) => {
            buttons.current[b.rating - 1] = el;
          }}
          className={`rating rating-${b.rating}${b.rating === suggested ? ' suggested' : ''}`}
          aria-label={b.label}
          aria-describedby={`${id}-${b.rating}`}
          aria-disabled={busy}
          title={`${b.label}: next review in ${b.interval} (key ${b.rating})`}
          onClick={() => onRate(b.rating)}
        >
          <span className="rating-interval" id={`${id}-${b.rating}`}>
            {b.interval}
          </span>
          <span className="rating-label">{b.label}</span>
          <kbd aria-hidden="true">{b.rating}</kbd>
        </button>
      ))}
    </div>
  );
}
