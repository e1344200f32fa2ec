// What the review path does for exams, suspensions and backlogs, as pure functions over the
// replayed states and the log: the cards service calls them on every replay, so the deck counts,
// the session and the plan all see the same schedule.
import type { Card } from '../cards/card-types.ts';
import {
  createScheduler,
  formatInterval,
  fromCardState,
  reviewCard,
  toCardState,
  type CardState,
  type ScheduleOption,
  type SchedulerOptions,
} from '../reviews/fsrs-scheduler.ts';
import type { LogEntry, ReviewEntry } from '../reviews/review-entry.ts';
import { orderEntries } from '../reviews/replay.ts';
import { startOfLocalDay } from '../reviews/local-day.ts';
import { daysUntil, examsForDecks, examMoment, parseExamDay, type ExamSetting } from './exam-date.ts';
import { introductionDays, newQuota } from './exam-plan.ts';
import { capForExam, curveFor } from './interval-cap.ts';

/**
 * States with the due dates of review cards capped for their decks' coming exams; a card whose
 * exams have passed (or that has none) keeps its normal FSRS schedule.
 */
export function applyExamCaps(cards: Card[], states: Map<string, CardState>, exams: Record<string, ExamSetting>, now: Date): Map<string, CardState> {
  if (Object.keys(exams).length === 0) return states;
  const out = new Map(states);
  const curves = new Map<number, ReturnType<typeof curveFor>>();
  for (const card of cards) {
    const state = states.get(card.id);
    if (state?.phase !== 'review') continue;
    // Each of the card's coming exams caps it; the earliest cap wins.
    let capped = fromCardState(state);
    for (const exam of examsForDecks(card.decks, exams, now)) {
      let curve = curves.get(exam.target);
      if (!curve) curves.set(exam.target, (curve = curveFor(exam.target)));
      capped = capForExam(curve, capped, examMoment(parseExamDay(exam.date)), exam.target);
    }
    if (capped.due.getTime() !== Date.parse(state.due)) out.set(card.id, toCardState(card.id, capped));
  }
  return out;
}

/**
 * The answer buttons of a card in a deck with a coming exam, with the capped interval each gives
 * (what the replay will make of the review), so a button never promises a date after the exam.
 */
export function capScheduleOptions(
  card: Card,
  state: CardState,
  options: ScheduleOption[],
  exams: Record<string, ExamSetting>,
  now: Date,
  scheduler: SchedulerOptions = {},
): ScheduleOption[] {
  const coming = examsForDecks(card.decks, exams, now);
  if (coming.length === 0) return options;
  const fsrs = createScheduler(scheduler);
  return options.map((o) => {
    let next = reviewCard(fsrs, card.id, fromCardState(state), o.rating, now);
    for (const exam of coming) next = capForExam(curveFor(exam.target), next, examMoment(parseExamDay(exam.date)), exam.target);
    return { ...o, due: next.due.toISOString(), interval: formatInterval(now, next.due) };
  });
}

/** Cards whose latest suspend entry suspends them. */
export function suspendedCards(entries: LogEntry[]): Set<string> {
  const out = new Set<string>();
  // Only suspend entries are ordered: the rest of the log is not sorted again on every call.
  for (const e of orderEntries(entries.filter((x) => x.type === 'suspend'))) {
    if (e.type !== 'suspend') continue;
    if (e.suspended) out.add(e.cardId);
    else out.delete(e.cardId);
  }
  return out;
}

/** Cards first reviewed today, and reviews today of cards seen before today (`reviews`: in effect, in replay order). */
export function todaysWork(effective: readonly ReviewEntry[], now: Date): { newStarted: Set<string>; reviews: number } {
  const dayStart = startOfLocalDay(now).getTime();
  const seenBefore = new Set<string>();
  const newStarted = new Set<string>();
  let reviews = 0;
  for (const r of effective) {
    const at = Date.parse(r.at);
    if (at < dayStart) seenBefore.add(r.cardId);
    else if (seenBefore.has(r.cardId)) reviews++;
    else newStarted.add(r.cardId);
  }
  return { newStarted, reviews };
}

/**
 * New cards a deck with an exam must start today so that every card is introduced before the
 * exam (the planner's even spread); 0 when the deck has no coming exam.
 */
export function examNewToday(deckCards: Card[], states: Map<string, CardState>, newStartedToday: Set<string>, exam: ExamSetting | null, now: Date): number {
  if (!exam) return 0;
  const daysLeft = daysUntil(parseExamDay(exam.date), now);
  if (daysLeft < 0) return 0;
  const unseen = deckCards.filter((c) => (states.get(c.id)?.phase ?? 'new') === 'new').length;
  const startedToday = deckCards.filter((c) => newStartedToday.has(c.id)).length;
  return Math.max(0, newQuota(unseen + startedToday, introductionDays(daysLeft)) - startedToday);
}
