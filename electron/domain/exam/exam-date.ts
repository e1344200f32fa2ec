// An exam is a local calendar day. Reviews the plan expects on a day happen at 09:00 (or now, for
// today) and the exam is taken at 12:00 of its day, so a review in the morning of the exam day
// still counts — both hours are our own convention, stated in README.md ("Exam mode").
import { DomainError } from '../domain-error.ts';
import { localDay, startOfLocalDay } from '../reviews/local-day.ts';

export const DEFAULT_EXAM_TARGET = 0.9;
const REVIEW_HOUR = 9;
const EXAM_HOUR = 12;

/** An exam of one deck, as kept in the vault's settings. */
export interface ExamSetting {
  /** Local day, `YYYY-MM-DD`. */
  date: string;
  /** Wanted mean probability of recall on exam day, 0 < target < 1. */
  target: number;
}

/** Bad exam input (past date, malformed date, empty deck): a message for the user, never a crash. */
export class ExamInputError extends DomainError {
  constructor(message: string) {
    super('BAD_INPUT', message);
  }
}

/** Local midnight of a `YYYY-MM-DD` day; throws ExamInputError when it is no calendar day. */
export function parseExamDay(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  const day = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (!day || localDay(day) !== text.trim()) throw new ExamInputError(`exam date must be a calendar day written YYYY-MM-DD, got "${text}"`);
  return day;
}

export function checkTarget(target: number): number {
  if (!(target > 0 && target < 1)) throw new ExamInputError(`target retention must be between 0 and 1 (e.g. 0.9), got ${target}`);
  return target;
}

/** The moment the exam is taken: 12:00 local time on its day. */
export function examMoment(examDay: Date): Date {
  return new Date(examDay.getFullYear(), examDay.getMonth(), examDay.getDate(), EXAM_HOUR);
}

/** When the plan expects day `offset`'s reviews: now for today, 09:00 on later days. */
export function plannedReviewTime(now: Date, offset: number): Date {
  if (offset === 0) return now;
  const day = startOfLocalDay(now, offset);
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), REVIEW_HOUR);
}

/** Whole days from today to the exam day (0 on exam day, negative once it has passed). */
export function daysUntil(examDay: Date, now: Date): number {
  return Math.round((startOfLocalDay(examDay).getTime() - startOfLocalDay(now).getTime()) / 86_400_000);
}

/** The exams not yet past of the decks a card belongs to (a deck includes its sub-tags). */
export function examsForDecks(decks: string[], exams: Record<string, ExamSetting>, now: Date): ExamSetting[] {
  return Object.entries(exams).flatMap(([deck, exam]) => {
    if (!decks.some((d) => d === deck || d.startsWith(deck + '/'))) return [];
    try {
      return daysUntil(parseExamDay(exam.date), now) < 0 ? [] : [exam];
    } catch {
      return [];
    }
  });
}

/** The nearest of those exams (the highest target among exams on that day), or null. */
export function examForDecks(decks: string[], exams: Record<string, ExamSetting>, now: Date): ExamSetting | null {
  let best: ExamSetting | null = null;
  for (const exam of examsForDecks(decks, exams, now)) {
    if (!best || exam.date < best.date || (exam.date === best.date && exam.target > best.target)) best = exam;
  }
  return best;
}
