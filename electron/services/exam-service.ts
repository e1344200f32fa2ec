// Exam mode over one vault (README.md, "Exam mode"): the plans of the decks' exams, practice
// tests, the card browser, suspensions and type-in checks. State is the review log and the
// vault's settings, both owned by the cards service; this only reads them and appends entries.
import { randomUUID } from 'node:crypto';
import type { Card } from '../domain/cards/card-types.ts';
import { deckKey, inDeck } from '../domain/cards/decks.ts';
import { daysUntil, parseExamDay, DEFAULT_EXAM_TARGET, ExamInputError } from '../domain/exam/exam-date.ts';
import { planExam, type ExamPlan } from '../domain/exam/exam-plan.ts';
import { buildPracticeTest, DEFAULT_PRACTICE_SIZE, scorePractice, type PracticeScore, type PracticeTest } from '../domain/exam/practice.ts';
import { compareTyped, type TypeInResult } from '../domain/exam/type-in.ts';
import type { CardState } from '../domain/reviews/fsrs-scheduler.ts';
import type { ReviewStore } from '../domain/reviews/review-store.ts';
import { orderEntries } from '../domain/reviews/replay.ts';
import type { Vault } from '../domain/vault/vault.ts';
import { CardNotFound, type CardsService } from './cards-service.ts';

export interface ExamStatus {
  deck: string;
  date: string;
  target: number;
  /** Past: the deck is back to normal scheduling. */
  past: boolean;
  /** The plan, or why there is none (an empty deck). */
  plan: ExamPlan | null;
  problem: string | null;
}

export interface ExamOverview {
  exams: ExamStatus[];
  /** Due reviews over today's limit, left for the next days. */
  backlog: { due: number; limit: number; moved: number; spread: Array<{ date: string; count: number }> };
}

export interface BrowserRow {
  id: string;
  noteId: string;
  noteTitle: string;
  line: number;
  /** The heading the card sits under, to open the note there. */
  heading: string | null;
  kind: Card['kind'];
  front: string;
  decks: string[];
  phase: CardState['phase'];
  due: string | null;
  reps: number;
  lapses: number;
  suspended: boolean;
  practiced: number;
}

export class ExamService {
  constructor(
    private readonly vault: Vault,
    private readonly cards: CardsService,
    private readonly store: ReviewStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private deckCards(deck: string): Card[] {
    return this.cards.cards().filter((c) => inDeck(c.decks, deck));
  }

  /** The plan for `deck` with an exam on `date` (saved or not). */
  async plan(deck: string, date: string, target = DEFAULT_EXAM_TARGET): Promise<ExamPlan> {
    const key = deckKey(deck);
    const { states, suspended } = await this.cards.states();
    const cards = this.deckCards(key).filter((c) => !suspended.has(c.id));
    const { newCardsPerDay } = await this.cards.settings();
    return planExam({ deck: key, cards, states, exam: date, target, now: this.clock(), newLimit: newCardsPerDay }).plan;
  }

  async overview(): Promise<ExamOverview> {
    const settings = await this.cards.settings();
    const now = this.clock();
    const exams: ExamStatus[] = [];
    for (const [deck, exam] of Object.entries(settings.exams).sort(([, a], [, b]) => a.date.localeCompare(b.date))) {
      const past = daysUntil(parseExamDay(exam.date), now) < 0;
      let plan: ExamPlan | null = null;
      let problem: string | null = null;
      if (!past) {
        try {
          plan = await this.plan(deck, exam.date, exam.target);
        } catch (err) {
          if (!(err instanceof ExamInputError)) throw err;
          problem = err.message;
        }
      }
      exams.push({ deck, date: exam.date, target: exam.target, past, plan, problem });
    }
    const { states, reviews, suspended } = await this.cards.states();
    const backlog = await this.cards.backlog(
      this.cards.cards().filter((c) => !suspended.has(c.id)),
      states,
      reviews,
    );
    return { exams, backlog: { due: backlog.today.length + backlog.moved, limit: settings.reviewsPerDay, moved: backlog.moved, spread: backlog.spread } };
  }

  /** Saves the deck's exam after checking it plans (a past date or an empty deck is refused). */
  async setExam(deck: string, date: string, target = DEFAULT_EXAM_TARGET): Promise<ExamPlan> {
    const plan = await this.plan(deck, date, target);
    await this.cards.updateSettings({ exams: { [plan.deck]: { date: plan.exam, target } } });
    return plan;
  }

  async removeExam(deck: string): Promise<void> {
    await this.cards.updateSettings({ exams: { [deckKey(deck)]: null } });
  }

  async practiceTest(deck: string, count: number | 'all' = DEFAULT_PRACTICE_SIZE): Promise<PracticeTest> {
    await this.cards.settings();
    return buildPracticeTest(this.cards.cards(), deck ? deckKey(deck) : '', count, randomUUID());
  }

  private async card(cardId: string): Promise<Card> {
    await this.cards.settings();
    const card = this.cards.cards().find((c) => c.id === cardId);
    if (!card) throw new CardNotFound(cardId);
    return card;
  }

  /** Logs a practice answer (`picked`: the note's option letter, null when unanswered). */
  async practiceAnswer(test: string, cardId: string, picked: string | null): Promise<{ correct: boolean }> {
    const card = await this.card(cardId);
    if (card.kind !== 'choice') throw new ExamInputError('only multiple-choice cards can be practised');
    const correct = picked !== null && picked === card.answer;
    await this.store.appendOther({ type: 'practice', cardId, noteId: card.noteId, test, picked, correct });
    return { correct };
  }

  /** The score of a practice test, from its answers in the log (the last answer of each question counts). */
  async score(test: string): Promise<PracticeScore> {
    const { entries } = await this.store.readAll();
    const last = new Map<string, boolean>();
    for (const e of orderEntries(entries)) if (e.type === 'practice' && e.test === test) last.set(e.cardId, e.correct);
    const byId = new Map(this.cards.cards().map((c) => [c.id, c]));
    return scorePractice([...last].map(([cardId, correct]) => ({ cardId, decks: byId.get(cardId)?.decks ?? [], correct })));
  }

  /** Sends missed practice questions to the study queue: each is reviewed as Again now. */
  async sendToAgain(cardIds: string[]): Promise<{ sent: number }> {
    for (const id of cardIds) await this.cards.review((await this.card(id)).id, 1);
    return { sent: cardIds.length };
  }

  async setSuspended(cardId: string, suspended: boolean): Promise<{ suspended: boolean }> {
    const card = await this.card(cardId);
    await this.store.appendOther({ type: 'suspend', cardId, noteId: card.noteId, suspended });
    return { suspended };
  }

  async browse(): Promise<BrowserRow[]> {
    const { states, suspended } = await this.cards.states();
    const { entries } = await this.store.readAll();
    const practiced = new Map<string, number>();
    for (const e of entries) if (e.type === 'practice') practiced.set(e.cardId, (practiced.get(e.cardId) ?? 0) + 1);
    return this.cards.cards().map((c) => {
      const note = this.vault.getNote(c.noteId);
      const state = states.get(c.id);
      const heading = note?.headings.filter((h) => h.line <= c.line).at(-1)?.text ?? null;
      return {
        id: c.id,
        noteId: c.noteId,
        noteTitle: note?.title ?? c.noteId,
        line: c.line,
        heading,
        kind: c.kind,
        front: c.front.split('\n')[0].slice(0, 300),
        decks: c.decks,
        phase: state?.phase ?? 'new',
        due: state && state.phase !== 'new' ? state.due : null,
        reps: state?.reps ?? 0,
        lapses: state?.lapses ?? 0,
        suspended: suspended.has(c.id),
        practiced: practiced.get(c.id) ?? 0,
      };
    });
  }

  async checkTyped(cardId: string, typed: string): Promise<TypeInResult> {
    return compareTyped(typed, (await this.card(cardId)).back);
  }
}
