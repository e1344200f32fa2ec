import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Card } from '../cards/card-types.ts';
import { extractAllCards } from '../cards/extract-cards.ts';
import { Vault } from '../vault/vault.ts';
import { REPO_ROOT } from '../cards/fixtures/load-fixtures.ts';
import type { LogEntry, PracticeEntry, Rating, ReviewEntry } from '../reviews/review-entry.ts';
import { replayReviews } from '../reviews/replay.ts';
import { ReviewStore } from '../reviews/review-store.ts';
import { buildPracticeTest, originalKey, PracticeError, scorePractice } from './practice.ts';

let cards: Card[] = [];
before(async () => {
  const vault = await Vault.open(path.join(REPO_ROOT, 'notes'));
  cards = extractAllCards(vault.allNotes()).cards;
});

describe('practice test from the choice cards of notes/', () => {
  test('N questions from the deck, shuffled, options relettered with the answer remapped', () => {
    const t = buildPracticeTest(cards, 'exam/mla', 5, 'seed-1');
    assert.equal(t.questions.length, 5);
    assert.equal(new Set(t.questions.map((q) => q.cardId)).size, 5);
    for (const q of t.questions) {
      const card = cards.find((c) => c.id === q.cardId)!;
      assert.equal(card.kind, 'choice');
      assert.ok(card.decks.some((d) => d === 'exam/mla' || d.startsWith('exam/mla/')));
      assert.deepEqual(
        q.options.map((o) => o.key),
        ['A', 'B', 'C', 'D'].slice(0, q.options.length),
      );
      // The remapped answer is the note's right option, whatever letter it now has.
      const shown = q.options.find((o) => o.key === q.answer)!;
      assert.equal(shown.original, card.answer);
      assert.equal(shown.text, card.options!.find((o) => o.key === card.answer)!.text);
      for (const o of q.options) assert.equal(q.explanations[o.key], card.explanations?.[o.original]);
    }
  });

  test('the order depends on the test id; the same id gives the same test; all = every choice card', () => {
    const a = buildPracticeTest(cards, '', 'all', 'one');
    const b = buildPracticeTest(cards, '', 'all', 'two');
    assert.equal(a.questions.length, cards.filter((c) => c.kind === 'choice').length);
    assert.notDeepEqual(
      a.questions.map((q) => q.cardId),
      b.questions.map((q) => q.cardId),
    );
    assert.deepEqual(buildPracticeTest(cards, '', 'all', 'one'), a);
    // Over the whole vault some answer moved to another letter.
    assert.ok(a.questions.some((q) => q.answer !== q.options.find((o) => o.key === q.answer)!.original));
    assert.equal(buildPracticeTest(cards, '', 20, 'x').questions.length, Math.min(20, a.available));
  });

  test('a deck without choice cards, and a bad count, are clear errors', () => {
    assert.throws(
      () => buildPracticeTest(cards, 'no-such-deck', 5, 'x'),
      (e: Error) => e instanceof PracticeError && /no multiple-choice questions/.test(e.message),
    );
    const onlyBasic = cards.filter((c) => c.kind !== 'choice');
    assert.throws(() => buildPracticeTest(onlyBasic, '', 5, 'x'), PracticeError);
    assert.throws(() => buildPracticeTest(cards, '', 0, 'x'), /whole number/);
  });

  test('score per tag, missed questions listed, the note letter of a pick', () => {
    const t = buildPracticeTest(cards, 'exam/saa', 4, 'score');
    const [q1, q2, q3] = t.questions;
    const wrong = q2.options.find((o) => o.key !== q2.answer)!.key;
    const answers: Record<string, string | null> = { [q1.cardId]: q1.answer, [q2.cardId]: wrong, [q3.cardId]: null };
    const s = scorePractice(t.questions.map((q) => ({ cardId: q.cardId, decks: q.decks, correct: answers[q.cardId] === q.answer })));
    assert.equal(s.total, 4);
    assert.equal(s.correct, 1);
    assert.deepEqual(
      s.missed,
      t.questions.slice(1).map((q) => q.cardId),
    );
    const saa = s.byTag.find((x) => x.tag === 'exam/saa')!;
    assert.deepEqual([saa.correct, saa.total], [1, 4]);
    assert.equal(originalKey(q2, wrong), q2.options.find((o) => o.key === wrong)!.original);
    assert.equal(originalKey(q2, null), null);
  });
});

describe('practice entries never move a due date', () => {
  let root = '';
  before(() => (root = mkdtempSync(path.join(os.tmpdir(), 'cairn-practice-'))));
  after(() => rmSync(root, { recursive: true }));

  test('replay with and without practice entries gives the same schedule', () => {
    const choice = cards.filter((c) => c.kind === 'choice');
    const start = Date.parse('2026-06-01T08:00:00Z');
    const entries: LogEntry[] = [];
    let n = 0;
    const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
    for (let day = 0; day < 60; day += 3) {
      for (const [i, card] of choice.entries()) {
        const at = new Date(start + day * 86_400_000 + i * 60_000).toISOString();
        entries.push({
          v: 1,
          type: 'review',
          id: id(),
          at,
          device: 'd',
          cardId: card.id,
          noteId: card.noteId,
          rating: (1 + ((day + i) % 4)) as Rating,
        } satisfies ReviewEntry);
        // A practice answer a minute later, wrong every other time.
        const later = new Date(Date.parse(at) + 30_000).toISOString();
        entries.push({
          v: 1,
          type: 'practice',
          id: id(),
          at: later,
          device: 'd',
          cardId: card.id,
          noteId: card.noteId,
          test: 't',
          picked: 'A',
          correct: i % 2 === 0,
        } satisfies PracticeEntry);
      }
    }
    const now = new Date(start + 70 * 86_400_000);
    const withPractice = replayReviews(choice, entries, now);
    const without = replayReviews(
      choice,
      entries.filter((e) => e.type !== 'practice'),
      now,
    );
    assert.equal(entries.filter((e) => e.type === 'practice').length, entries.length / 2);
    assert.deepEqual(withPractice, without);
    assert.ok([...without.values()].every((s) => s.reps > 0));
  });

  test('practice answers are appended to the log; a corrupt practice line is skipped with a warning', async () => {
    const vault = path.join(root, 'vault');
    mkdirSync(vault);
    const store = ReviewStore.open({ vaultRoot: vault, device: 'laptop', fallbackDir: path.join(root, 'data') });
    const card = cards.find((c) => c.kind === 'choice')!;
    await store.append({ cardId: card.id, noteId: card.noteId, rating: 3 });
    const before = (await store.replay([card], new Date())).states.get(card.id);
    await store.appendOther({ type: 'practice', cardId: card.id, noteId: card.noteId, test: 't1', picked: 'B', correct: false });
    const file = (await store.logLocation()).file;
    appendFileSync(file, JSON.stringify({ v: 1, type: 'practice', id: 'x', at: 'yesterday', device: 'laptop', cardId: card.id }) + '\n');
    await store.appendOther({ type: 'practice', cardId: card.id, noteId: card.noteId, test: 't1', picked: null, correct: false });
    const after = await store.replay([card], new Date());
    assert.deepEqual(after.states.get(card.id), before);
    assert.equal((await store.readAll()).entries.filter((e) => e.type === 'practice').length, 2);
    assert.equal(after.warnings.length, 1);
    assert.match(after.warnings[0], /:3: unreadable line skipped/);
    // Undo cancels the last review, never a practice answer.
    assert.equal((await store.undoLast())?.type, 'review');
    await assert.rejects(store.appendOther({ type: 'review' } as never), RangeError);
  });
});
