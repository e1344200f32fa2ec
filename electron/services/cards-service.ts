// Flashcards over one vault: cards extracted from its notes (cached per parsed note) and their
// schedule, which is always the replay of the review logs — nothing else holds state.
import type { Card, CardDiagnostic } from '../domain/cards/card-types.ts';
import { extractCards } from '../domain/cards/extract-cards.ts';
import { inDeck } from '../domain/cards/decks.ts';
import type { ParsedNote } from '../domain/notes/note-types.ts';
import { dueBucket, dueCounts, type DeckCounts } from '../domain/reviews/due-counts.ts';
import { scheduleOptions, type CardState, type ScheduleOption } from '../domain/reviews/fsrs-scheduler.ts';
import type { Rating } from '../domain/reviews/review-entry.ts';
import { dueForecast, retention, reviewHeatmap, type DayCount, type Retention } from '../domain/reviews/review-stats.ts';
import type { ReviewStore } from '../domain/reviews/review-store.ts';
import type { Vault } from '../domain/vault/vault.ts';
import { DomainError } from '../domain/domain-error.ts';

export interface SessionCard extends Card {
  noteTitle: string;
  state: CardState | null;
  /** The four answer buttons with the interval each would give. */
  buttons: ScheduleOption[];
}

export interface CardStats {
  heatmap: DayCount[];
  retention: Retention;
  forecast: DayCount[];
  reviewsToday: number;
}

export class CardsService {
  private readonly extracted = new WeakMap<ParsedNote, { cards: Card[]; diagnostics: CardDiagnostic[] }>();

  constructor(
    private readonly vault: Vault,
    private readonly store: ReviewStore,
    private readonly retentionTarget = 0.9,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Every card of the vault, in note order. */
  cards(): Card[] {
    return this.vault.allNotes().sort((a, b) => a.id.localeCompare(b.id)).flatMap((n) => this.extract(n).cards);
  }

  diagnostics(): CardDiagnostic[] {
    return this.vault.allNotes().flatMap((n) => this.extract(n).diagnostics);
  }

  noteCards(noteId: string): Card[] {
    const note = this.vault.getNote(noteId);
    return note ? this.extract(note).cards : [];
  }

  private extract(note: ParsedNote) {
    let result = this.extracted.get(note);
    if (!result) this.extracted.set(note, (result = extractCards(note)));
    return result;
  }

  private async states() {
    return this.store.replay(this.cards(), this.clock(), { retention: this.retentionTarget });
  }

  async decks(): Promise<{ decks: DeckCounts[]; warnings: string[] }> {
    const { states, warnings } = await this.states();
    return { decks: dueCounts(this.cards(), states, this.clock()), warnings };
  }

  /** Due learning cards first, then due reviews, then up to `newLimit` new cards. */
  async session(deck: string | null, newLimit = 20): Promise<SessionCard[]> {
    const now = this.clock();
    const { states } = await this.states();
    const cards = this.cards().filter((c) => !deck || inDeck(c.decks, deck));
    const buckets = { learning: [] as Card[], due: [] as Card[], new: [] as Card[] };
    for (const c of cards) {
      const b = dueBucket(states.get(c.id), now);
      if (b === 'learning' || b === 'due' || b === 'new') buckets[b].push(c);
    }
    const queue = [...buckets.learning, ...buckets.due, ...buckets.new.slice(0, newLimit)];
    return queue.map((c) => this.withButtons(c, states.get(c.id) ?? null, now));
  }

  private withButtons(card: Card, state: CardState | null, now: Date): SessionCard {
    const fresh: CardState = state ?? { cardId: card.id, phase: 'new', due: now.toISOString(), stability: 0, difficulty: 0, reps: 0, lapses: 0, scheduledDays: 0, learningSteps: 0, lastReview: null };
    return {
      ...card,
      noteTitle: this.vault.getNote(card.noteId)?.title ?? card.noteId,
      state,
      buttons: scheduleOptions(fresh, now, { retention: this.retentionTarget }),
    };
  }

  /** Appends the review (flushed to disk before this resolves) and returns the card's new schedule. */
  async review(cardId: string, rating: Rating): Promise<{ state: CardState | null }> {
    const card = this.cards().find((c) => c.id === cardId);
    if (!card) throw new CardNotFound(cardId);
    await this.store.append({ cardId, noteId: card.noteId, rating });
    const { states } = await this.states();
    return { state: states.get(cardId) ?? null };
  }

  async undo(cardId?: string): Promise<{ undone: string | null }> {
    const undone = await this.store.undoLast(cardId);
    return { undone: undone?.cardId ?? null };
  }

  async stats(): Promise<CardStats> {
    const now = this.clock();
    const { states, entries } = await this.states();
    const heatmap = reviewHeatmap(entries, now);
    return {
      heatmap,
      retention: retention(entries),
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
