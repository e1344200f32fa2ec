// The plan for one deck's exam: a day-by-day simulation, from today to the exam day, of the
// schedule the app applies (the same FSRS scheduler and interval caps as the review path), with
// every review answered Good — what "following the plan" means. New cards are spread evenly over
// the days before the exam; when that needs more than the daily new-card limit, the plan says so.
import { Rating, State, type Card as FsrsCard } from 'ts-fsrs';
import type { Card } from '../cards/card-types.ts';
import { createScheduler, fromCardState, newFsrsCard, reviewCard, type CardState } from '../reviews/fsrs-scheduler.ts';
import { localDay, startOfLocalDay } from '../reviews/local-day.ts';
import { capForExam, curveFor, retrievabilityAt } from './interval-cap.ts';
import { checkTarget, daysUntil, examMoment, ExamInputError, parseExamDay, plannedReviewTime } from './exam-date.ts';

export interface PlanDay {
  date: string;
  /** Cards already introduced that the plan reviews this day. */
  reviews: number;
  /** Cards introduced this day. */
  new: number;
}

export interface ExamPlan {
  deck: string;
  exam: string;
  target: number;
  cards: number;
  /** Cards not yet introduced today. */
  unseen: number;
  daysLeft: number;
  /** The daily new-card limit of the vault, and the most new cards a day the plan needs. */
  newLimit: number;
  newPerDay: number;
  newLimitRaised: boolean;
  days: PlanDay[];
  /** Mean predicted retrievability on exam day if the plan is followed. */
  retrievabilityAtExam: number;
  /** Cards predicted below the target on exam day (0 when the plan reaches it). */
  belowTarget: number;
}

export interface PlanInput {
  deck: string;
  /** The deck's cards, in the order new cards are introduced (note order). */
  cards: Card[];
  states: Map<string, CardState>;
  exam: string;
  target: number;
  now: Date;
  /** The vault's daily new-card limit. */
  newLimit: number;
  /** The scheduler's requested retention (the app's, 0.9 by default). */
  retention?: number;
}

export interface PlanResult {
  plan: ExamPlan;
  /** Each card's simulated state at the exam (for tests and per-card predictions). */
  atExam: Map<string, FsrsCard>;
}

/** New cards to introduce on a day: the rest spread evenly over the days left to introduce them. */
export function newQuota(unseen: number, introDaysLeft: number): number {
  return introDaysLeft <= 0 ? 0 : Math.ceil(unseen / introDaysLeft);
}

/** Days on which new cards may still be introduced: every day before the exam (the exam day only when it is today). */
export function introductionDays(daysLeft: number): number {
  return Math.max(1, daysLeft);
}

export function planExam(input: PlanInput): PlanResult {
  const target = checkTarget(input.target);
  const examDay = parseExamDay(input.exam);
  const daysLeft = daysUntil(examDay, input.now);
  if (daysLeft < 0) throw new ExamInputError(`the exam date ${input.exam} is in the past (today is ${localDay(input.now)})`);
  if (input.cards.length === 0) throw new ExamInputError(`deck "${input.deck}" has no cards`);

  const scheduler = createScheduler({ retention: input.retention });
  const curve = curveFor(target);
  const exam = examMoment(examDay);
  const sim = new Map<string, FsrsCard>();
  const unseen: Card[] = [];
  for (const card of input.cards) {
    const state = input.states.get(card.id);
    if (!state || state.phase === 'new') unseen.push(card);
    // The cap applies to cards already scheduled, as it does in the review path.
    else sim.set(card.id, capForExam(curve, fromCardState(state), exam, target));
  }

  // One answer, then the same-day learning steps the app would show (as in Anki's session).
  const study = (id: string, card: FsrsCard, at: Date, dayEnd: Date): FsrsCard => {
    let next = reviewCard(scheduler, id, card, Rating.Good, at);
    while (next.state !== State.Review && next.due < dayEnd) next = reviewCard(scheduler, id, next, Rating.Good, next.due);
    return capForExam(curve, next, exam, target);
  };

  const introDays = introductionDays(daysLeft);
  const days: PlanDay[] = [];
  let newPerDay = 0;
  let next = 0;
  for (let offset = 0; offset <= daysLeft; offset++) {
    const at = plannedReviewTime(input.now, offset);
    const dayEnd = startOfLocalDay(input.now, offset + 1);
    let reviews = 0;
    for (const [id, card] of sim) {
      if (card.due >= dayEnd) continue;
      // A review card is due by the day (Anki); a learning step to the minute.
      const when = card.state !== State.Review && card.due > at ? card.due : at;
      sim.set(id, study(id, card, when, dayEnd));
      reviews++;
    }
    const quota = newQuota(unseen.length - next, introDays - offset);
    newPerDay = Math.max(newPerDay, quota);
    for (const card of unseen.slice(next, next + quota)) sim.set(card.id, study(card.id, newFsrsCard(at), at, dayEnd));
    next += quota;
    days.push({ date: localDay(at), reviews, new: quota });
  }

  const recall = [...sim.values()].map((c) => retrievabilityAt(curve, c, exam));
  const plan: ExamPlan = {
    deck: input.deck,
    exam: localDay(examDay),
    target,
    cards: input.cards.length,
    unseen: unseen.length,
    daysLeft,
    newLimit: input.newLimit,
    newPerDay,
    newLimitRaised: newPerDay > input.newLimit,
    days,
    retrievabilityAtExam: recall.reduce((a, b) => a + b, 0) / recall.length,
    belowTarget: recall.filter((r) => r < target).length,
  };
  return { plan, atExam: sim };
}
