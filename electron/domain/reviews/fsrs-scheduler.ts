// FSRS through ts-fsrs (open-spaced-repetition/ts-fsrs 5). Fuzz is on (its default is off) and
// seeded from the card id, its review count and the UTC day of the review, so replaying the same
// log gives the same intervals on every device, and the interval shown on a button is the one a
// press on the same day records.
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating as FsrsRating,
  State,
  StrategyMode,
  type AbstractScheduler,
  type Card as FsrsCard,
  type FSRS,
  type Grade,
} from 'ts-fsrs';
import type { Rating } from './review-entry.ts';

export const DEFAULT_RETENTION = 0.9;

export interface SchedulerOptions {
  /** Wanted probability of recall at the due date, 0 < r < 1 (FSRS `request_retention`). */
  retention?: number;
}

export type Phase = 'new' | 'learning' | 'review' | 'relearning';

/** A card's schedule as plain JSON (dates as ISO strings), for the UI and the CLI. */
export interface CardState {
  cardId: string;
  phase: Phase;
  due: string;
  stability: number;
  difficulty: number;
  reps: number;
  lapses: number;
  scheduledDays: number;
  learningSteps: number;
  lastReview: string | null;
}

export interface ScheduleOption {
  rating: Rating;
  label: 'Again' | 'Hard' | 'Good' | 'Easy';
  due: string;
  /** Time until due, as on Anki's buttons: "10m", "1d", "4d", "2.3mo". */
  interval: string;
}

const PHASES: Record<State, Phase> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};
const STATES: Record<Phase, State> = { new: State.New, learning: State.Learning, review: State.Review, relearning: State.Relearning };
const LABELS = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as const;

type SeededCard = FsrsCard & { cardId: string };

function seedFromCardAndDay(this: AbstractScheduler): string {
  // `current` and `review_time` are protected in ts-fsrs' typings; the seed strategy is called on
  // the scheduler itself (ts-fsrs GenSeedStrategyWithCardId reads them the same way).
  const card = Reflect.get(this, 'current') as SeededCard;
  const time = Reflect.get(this, 'review_time') as Date;
  return `${card.cardId}:${card.reps}:${time.toISOString().slice(0, 10)}`;
}

export function createScheduler(options: SchedulerOptions = {}): FSRS {
  const retention = options.retention ?? DEFAULT_RETENTION;
  if (!(retention > 0 && retention < 1)) throw new RangeError(`retention must be between 0 and 1, got ${retention}`);
  const params = generatorParameters({ enable_fuzz: true, request_retention: retention });
  return fsrs(params).useStrategy(StrategyMode.SEED, seedFromCardAndDay);
}

export function newFsrsCard(now: Date): FsrsCard {
  return createEmptyCard(now);
}

/** The card after a review with `rating` at `at`. */
export function reviewCard(scheduler: FSRS, cardId: string, card: FsrsCard, rating: Rating, at: Date): FsrsCard {
  return scheduler.next({ ...card, cardId } as SeededCard, at, rating as Grade).card;
}

export function toCardState(cardId: string, card: FsrsCard): CardState {
  return {
    cardId,
    phase: PHASES[card.state],
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    reps: card.reps,
    lapses: card.lapses,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function fromCardState(state: CardState): FsrsCard {
  return {
    due: new Date(state.due),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0,
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: STATES[state.phase],
    last_review: state.lastReview ? new Date(state.lastReview) : undefined,
  };
}

/** What each of the four buttons would do now (electron/domain/README.md §3: the interval shows on the button). */
export function scheduleOptions(state: CardState, now: Date, options: SchedulerOptions = {}): ScheduleOption[] {
  const scheduler = createScheduler(options);
  const card = fromCardState(state);
  return ([FsrsRating.Again, FsrsRating.Hard, FsrsRating.Good, FsrsRating.Easy] as const).map((grade) => {
    const rating = grade as Rating;
    const due = reviewCard(scheduler, state.cardId, card, rating, now).due;
    return { rating, label: LABELS[rating], due: due.toISOString(), interval: formatInterval(now, due) };
  });
}

/** "10m", "3h", "4d", "2.3mo", "1.5y" — minutes under an hour, hours under a day, then days. */
export function formatInterval(from: Date, to: Date): string {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${Math.max(1, minutes)}m`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)}h`;
  const days = minutes / (24 * 60);
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30)}mo`;
  return `${trim(days / 365)}y`;
}

const trim = (n: number) => String(Math.round(n * 10) / 10);
