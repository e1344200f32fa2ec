// Before an exam, a review card's next due date is capped so that, if it falls after the exam,
// its predicted retrievability at the exam is still at least the target; otherwise it comes back
// in time to be reviewed once more. Retrievability is ts-fsrs' own forgetting curve.
import { fsrs, generatorParameters, State, type Card as FsrsCard, type FSRS } from 'ts-fsrs';

const DAY = 86_400_000;

/** A scheduler for the forgetting curve and the interval at a given retention (no fuzz: exact). */
export function curveFor(target: number): FSRS {
  return fsrs(generatorParameters({ request_retention: target, enable_fuzz: false }));
}

/** Predicted probability of recall of `card` at `at` (0 for a card never reviewed: it was never learnt). */
export function retrievabilityAt(curve: FSRS, card: FsrsCard, at: Date): number {
  if (card.state === State.New || !card.last_review) return 0;
  const elapsed = Math.max(0, (at.getTime() - card.last_review.getTime()) / DAY);
  return curve.forgetting_curve(elapsed, card.stability);
}

/** The longest whole-day interval after which recall is still at least the target (≥ 1 day). */
export function longestIntervalAbove(curve: FSRS, stability: number, target: number): number {
  let days = Math.max(1, curve.next_interval(stability, 0));
  while (days > 1 && curve.forgetting_curve(days, stability) < target) days--;
  while (curve.forgetting_curve(days + 1, stability) >= target) days++;
  return days;
}

/**
 * `card` with its due date capped for an exam at `exam`: unchanged when it is not a review card,
 * was last reviewed after the exam, or keeps the target until the exam anyway.
 */
export function capForExam(curve: FSRS, card: FsrsCard, exam: Date, target: number): FsrsCard {
  if (card.state !== State.Review || !card.last_review || card.last_review >= exam) return card;
  if (retrievabilityAt(curve, card, exam) >= target) return card;
  const days = longestIntervalAbove(curve, card.stability, target);
  const capped = new Date(card.last_review.getTime() + days * DAY);
  return capped < card.due ? { ...card, due: capped, scheduled_days: days } : card;
}
