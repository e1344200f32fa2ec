// Flashcards over one vault: cards extracted from its notes (cached per parsed note) and their
// schedule, which is always the replay of the review logs — nothing else holds state.
import type { Card, CardDiagnostic } from '../domain/cards/card-types.ts';
import { extractCards } from '../domain/cards/extract-cards.ts';
import { inDeck } from '../domain/cards/decks.ts';
import { exportApkg } from '../domain/cards/anki-apkg-export.ts';
import path from 'node:path';
import type { ParsedNote } from '../domain/notes/note-types.ts';
import { dueBucket, dueCounts, type DeckCounts } from '../domain/reviews/due-counts.ts';
import { scheduleOptions, type CardState, type ScheduleOption } from '../domain/reviews/fsrs-scheduler.ts';
import type { Rating } from '../domain/reviews/review-entry.ts';
import { dueForecast, retention, reviewHeatmap, type DayCount, type Retention } from '../domain/reviews/review-stats.ts';
import type { OrphanCard, ReviewStore } from '../domain/reviews/review-store.ts';
import {
  defaultVaultSettings,
  type SrSettings,
  type VaultSettings,
  type VaultSettingsPatch,
  type VaultSettingsStore,
} from '../domain/settings/vault-settings.ts';
import type { Vault } from '../domain/vault/vault.ts';
import { examForDecks } from '../domain/exam/exam-date.ts';
import { applyExamCaps, capScheduleOptions, examNewToday, suspendedCards, todaysWork } from '../domain/exam/exam-schedule.ts';
import { planBacklog, type BacklogPlan } from '../domain/exam/backlog.ts';
import { DomainError } from '../domain/domain-error.ts';

export interface SessionCard extends Card {
  noteTitle: string;
  state: CardState | null;
  /** The four answer buttons with the interval each would give. */
  buttons: ScheduleOption[];
  /** A basic card of a deck answered by typing (the vault's settings). */
  typeIn?: boolean;
}

export interface CardStats {
  heatmap: DayCount[];
  retention: Retention;
  forecast: DayCount[];
  reviewsToday: number;
}

export class CardsService {
  private extracted = new WeakMap<ParsedNote, { cards: Card[]; diagnostics: CardDiagnostic[] }>();
  private current: Promise<VaultSettings> | null = null;
  private sr: SrSettings = defaultVaultSettings().sr;

  constructor(
    private readonly vault: Vault,
    private readonly store: ReviewStore,
    /** This vault's settings in the app data folder; defaults only when none is given (tests). */
    private readonly settingsStore: VaultSettingsStore | null = null,
    private readonly retentionTarget = 0.9,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Loaded once; every operation awaits it first, so cards are read with the vault's SR settings. */
  settings(): Promise<VaultSettings> {
    this.current ??= (this.settingsStore ? this.settingsStore.load(this.vault.root) : Promise.resolve(defaultVaultSettings())).then((s) => {
      this.sr = s.sr;
      return s;
    });
    return this.current;
  }

  async updateSettings(patch: VaultSettingsPatch): Promise<VaultSettings> {
    if (!this.settingsStore) throw new DomainError('BAD_INPUT', 'settings cannot be saved here');
    const next = await this.settingsStore.update(this.vault.root, patch);
    this.current = Promise.resolve(next);
    this.sr = next.sr;
    // The plugin's syntax settings change what the notes give: extract again.
    this.extracted = new WeakMap();
    return next;
  }

  /** New cards that may still be started today: the daily limit less those started today. */
  private async newLeft(startedToday: number, limit?: number): Promise<number> {
    const perDay = limit ?? (await this.settings()).newCardsPerDay;
    return Math.max(0, perDay - startedToday);
  }

  /** Every card of the vault, in note order. */
  cards(): Card[] {
    return this.vault
      .allNotes()
      .sort((a, b) => a.id.localeCompare(b.id))
      .flatMap((n) => this.extract(n).cards);
  }

  diagnostics(): CardDiagnostic[] {
    return this.vault.allNotes().flatMap((n) => this.extract(n).diagnostics);
  }

  async noteCards(noteId: string): Promise<Card[]> {
    await this.settings();
    const note = this.vault.getNote(noteId);
    return note ? this.extract(note).cards : [];
  }

  private extract(note: ParsedNote) {
    let result = this.extracted.get(note);
    if (!result) this.extracted.set(note, (result = extractCards(note, this.sr)));
    return result;
  }

  /**
   * The replayed schedule, with review intervals capped before a deck's exam (README.md, "Exam
   * mode"), and the suspended cards (suspend entries of the log).
   */
  async states() {
    const { exams } = await this.settings();
    const cards = this.cards();
    const now = this.clock();
    const replayed = await this.store.replay(cards, now, { retention: this.retentionTarget });
    const suspended = suspendedCards((await this.store.readAll()).entries);
    return { ...replayed, states: applyExamCaps(cards, replayed.states, exams, now), suspended };
  }

  /** Due reviews of `cards` over the day's review limit, most at risk first. */
  async backlog(
    cards: Card[],
    states: Map<string, CardState>,
    reviews: Parameters<typeof todaysWork>[0],
  ): Promise<BacklogPlan<{ card: Card; state: CardState }>> {
    const now = this.clock();
    const due = cards.flatMap((card) => {
      const state = states.get(card.id);
      return state && dueBucket(state, now) === 'due' ? [{ card, state }] : [];
    });
    return planBacklog(due, now, Math.max(0, (await this.settings()).reviewsPerDay - todaysWork(reviews, now).reviews));
  }

  async decks(): Promise<{ decks: DeckCounts[]; warnings: string[]; newPerDay: number; orphans: Array<OrphanCard & { noteExists: boolean }> }> {
    const { states, warnings, startedToday, orphans, suspended } = await this.states();
    const newLeft = await this.newLeft(startedToday);
    const cards = this.cards().filter((c) => !suspended.has(c.id));
    return {
      decks: dueCounts(cards, states, this.clock(), newLeft),
      warnings,
      newPerDay: (await this.settings()).newCardsPerDay,
      orphans: orphans.map((o) => ({ ...o, noteExists: this.vault.getNote(o.noteId) !== undefined })),
    };
  }

  /**
   * Learning cards due within the learn-ahead window (the session shows each when due), then due
   * reviews, then new cards up to what the daily limit leaves (`newLimit` overrides the setting).
   */
  async session(deck: string | null, newLimit?: number): Promise<SessionCard[]> {
    const now = this.clock();
    const { states, reviews, startedToday, suspended } = await this.states();
    const settings = await this.settings();
    const cards = this.cards().filter((c) => !suspended.has(c.id) && (!deck || inDeck(c.decks, deck)));
    const buckets = { learning: [] as Card[], due: [] as Card[], new: [] as Card[] };
    for (const c of cards) {
      const b = dueBucket(states.get(c.id), now);
      if (b === 'learning' || b === 'new') buckets[b].push(c);
    }
    // Over the day's review limit, the most at-risk reviews first; the rest wait (the UI says how many).
    buckets.due = (await this.backlog(cards, states, reviews)).today.map((d) => d.card);
    // A deck with a coming exam gets the new cards its plan needs today, even over the daily limit.
    const { newStarted } = todaysWork(reviews, now);
    const examOf = (c: Card) => examForDecks(c.decks, settings.exams, now);
    const examNew = Object.entries(settings.exams)
      .filter(([examDeck]) => !deck || inDeck([examDeck], deck) || inDeck([deck], examDeck))
      .reduce(
        (n, [examDeck, exam]) =>
          n +
          examNewToday(
            cards.filter((c) => inDeck(c.decks, examDeck)),
            states,
            newStarted,
            examForDecks([examDeck], { [examDeck]: exam }, now),
            now,
          ),
        0,
      );
    const newLeft = Math.max(await this.newLeft(startedToday, newLimit), examNew);
    const fresh = [...buckets.new].sort((a, b) => (examOf(a)?.date ?? '9999').localeCompare(examOf(b)?.date ?? '9999'));
    const queue = [...buckets.learning, ...buckets.due, ...fresh.slice(0, newLeft)];
    return queue.map((c) => this.withButtons(c, states.get(c.id) ?? null, now, settings));
  }

  private withButtons(
    card: Card,
    state: CardState | null,
    now: Date,
    settings: Pick<VaultSettings, 'typeInDecks' | 'exams'> = { typeInDecks: [], exams: {} },
  ): SessionCard {
    const fresh: CardState = state ?? {
      cardId: card.id,
      phase: 'new',
      due: now.toISOString(),
      stability: 0,
      difficulty: 0,
      reps: 0,
      lapses: 0,
      scheduledDays: 0,
      learningSteps: 0,
      lastReview: null,
    };
    return {
      ...card,
      noteTitle: this.vault.getNote(card.noteId)?.title ?? card.noteId,
      state,
      buttons: capScheduleOptions(card, fresh, scheduleOptions(fresh, now, { retention: this.retentionTarget }), settings.exams, now, {
        retention: this.retentionTarget,
      }),
      ...(card.kind === 'basic' && settings.typeInDecks.some((d) => inDeck(card.decks, d)) ? { typeIn: true } : {}),
    };
  }

  /**
   * Appends the review (flushed to disk before this resolves) and returns the card's new schedule,
   * and the card with the buttons it will show when it comes back (at its due time, or now).
   */
  async review(cardId: string, rating: Rating): Promise<{ state: CardState | null; card: SessionCard }> {
    await this.settings();
    const card = this.cards().find((c) => c.id === cardId);
    if (!card) throw new CardNotFound(cardId);
    await this.store.append({ cardId, noteId: card.noteId, rating });
    const { states } = await this.states();
    const state = states.get(cardId) ?? null;
    const shownAt = new Date(Math.max(this.clock().getTime(), state ? Date.parse(state.due) : 0));
    return { state, card: this.withButtons(card, state, shownAt, await this.settings()) };
  }

  async undo(cardId?: string): Promise<{ undone: string | null }> {
    const undone = await this.store.undoLast(cardId);
    return { undone: undone?.cardId ?? null };
  }

  /** The vault's cards (of `deck`) as an Anki package, named after the vault (and deck). */
  async ankiPackage(deck?: string): Promise<{ fileName: string; base64: string; notes: number; media: number }> {
    await this.settings();
    const { bytes, notes, media } = await exportApkg(this.cards(), this.vault, { deck, now: this.clock() });
    const name = [path.basename(this.vault.root), deck?.replace(/\//g, '-')]
      .filter(Boolean)
      .join('-')
      .replace(/[^\p{L}\p{N}._-]/gu, '_');
    return { fileName: `${name || 'cairn'}.apkg`, base64: Buffer.from(bytes).toString('base64'), notes, media };
  }

  async stats(): Promise<CardStats> {
    const now = this.clock();
    const { states, reviews } = await this.states();
    const heatmap = reviewHeatmap(reviews, now);
    return {
      heatmap,
      retention: retention(reviews),
      forecast: dueForecast(states.values(), now, 30),
      reviewsToday: heatmap[heatmap.length - 1]?.count ?? 0,
    };
  }
}

export class CardNotFound extends DomainError {
  constructor(readonly cardId: string) {
    super('CARD_NOT_FOUND', `no card ${cardId} in this vault`);
  }
}
