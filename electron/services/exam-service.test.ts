import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { AppApi } from '../app-api.ts';
import type { Responses, Result } from '../contract.ts';
import { REPO_ROOT } from '../domain/cards/fixtures/load-fixtures.ts';
import { localDay, startOfLocalDay } from '../domain/reviews/local-day.ts';

// The app's real path (AppApi → services → domain) on a temp copy of notes/.
let dir = '';
let api: AppApi;
const inDays = (n: number) => localDay(startOfLocalDay(new Date(), n));
const isNew = (c: { state: { phase: string } | null }) => !c.state || c.state.phase === 'new';
async function call<K extends keyof Responses>(op: K, req: object = {}): Promise<Responses[K]> {
  const r = (await api.dispatch(op, req)) as Result<Responses[K]>;
  if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const fail = async (op: string, req: object) => {
  const r = await api.dispatch(op, req);
  assert.equal(r.ok, false);
  return (r as { error: { code: string; message: string } }).error;
};

describe('exam mode through the app api', () => {
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-exam-'));
    await cp(path.join(REPO_ROOT, 'notes'), path.join(dir, 'vault'), { recursive: true });
    api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, 'data'), device: 'laptop' });
    await api.open(path.join(dir, 'vault'));
  });
  after(async () => rm(dir, { recursive: true, force: true }));

  test('an exam is saved per deck; the session gets the new cards the plan needs, over the daily limit', async () => {
    await call('updateVaultSettings', { newCardsPerDay: 5 });
    const plan = await call('setExam', { deck: '#exam/SAA', date: inDays(3) });
    assert.equal(plan.deck, 'exam/saa');
    assert.equal(plan.newPerDay, Math.ceil(plan.unseen / 3));
    assert.equal(plan.newLimitRaised, true);
    const overview = await call('examOverview');
    assert.deepEqual(
      overview.exams.map((e) => [e.deck, e.date, e.target, e.past]),
      [['exam/saa', inDays(3), 0.9, false]],
    );
    assert.equal(overview.exams[0].plan?.unseen, plan.unseen);
    const session = await call('cardSession', { deck: 'exam/saa' });
    assert.equal(session.filter(isNew).length, plan.newPerDay);
    // Another deck keeps the vault's limit.
    const other = await call('cardSession', { deck: 'instance/spot' });
    assert.equal(other.filter(isNew).length, 5);
  });

  test('before the exam a review interval is capped; the exam removed, it is not', async () => {
    await call('setExam', { deck: 'exam/mla', date: inDays(9), target: 0.99 });
    const [card] = await call('cardSession', { deck: 'exam/mla' });
    const easy = await call('reviewCard', { cardId: card.id, rating: 4 });
    const days = (Date.parse(easy.state!.due) - Date.now()) / 86_400_000;
    // The Easy button promised the same capped date the review got.
    const promised = card.buttons.find((b) => b.label === 'Easy')!;
    assert.ok(Math.abs(Date.parse(promised.due) - Date.parse(easy.state!.due)) < 60_000, `${promised.due} vs ${easy.state!.due}`);
    assert.ok(days < 3, `due in ${days} days: not capped for the exam`);
    await call('removeExam', { deck: 'exam/mla' });
    const decks = await call('cardBrowser');
    const free = (Date.parse(decks.find((r) => r.id === card.id)!.due!) - Date.now()) / 86_400_000;
    assert.ok(free > 5, `normal interval ${free} days`);
  });

  test('bad exams are refused with a clear message: past date, empty deck, malformed date', async () => {
    assert.match((await fail('setExam', { deck: 'exam/saa', date: inDays(-2) })).message, /in the past/);
    assert.match((await fail('setExam', { deck: 'no-such-deck', date: inDays(5) })).message, /has no cards/);
    assert.equal((await fail('examPlan', { deck: 'exam/saa', date: 'tomorrow' })).code, 'BAD_INPUT');
    assert.match((await fail('practiceTest', { deck: 'instance/spot/none' })).message, /no multiple-choice questions/);
  });

  test('a practice test leaves the schedule alone and is logged; missed questions go to Again', async () => {
    const before = await call('cardDecks');
    const t = await call('practiceTest', { deck: 'exam/mla', count: 5 });
    assert.equal(t.questions.length, 5);
    for (const q of t.questions) {
      const wrong = q.options.find((o) => o.key !== q.answer)!;
      assert.deepEqual(await call('practiceAnswer', { test: t.id, cardId: q.cardId, picked: wrong.original }), { correct: false });
    }
    assert.deepEqual(await call('cardDecks'), before);
    const score = await call('practiceScore', { test: t.id });
    assert.deepEqual([score.correct, score.total, score.missed.length], [0, 5, 5]);
    assert.ok(score.byTag.some((x) => x.tag === 'exam/mla' && x.total === 5));
    const rows = await call('cardBrowser');
    assert.ok(t.questions.every((q) => rows.find((r) => r.id === q.cardId)!.practiced === 1));
    await call('practiceAgain', { cardIds: [t.questions[0].cardId] });
    const row = (await call('cardBrowser')).find((r) => r.id === t.questions[0].cardId)!;
    assert.notEqual(row.phase, 'new');
  });

  test('a suspended card leaves the counts and the session; unsuspended it is back', async () => {
    const rows = await call('cardBrowser');
    const target = rows.find((r) => r.phase === 'new' && r.decks.includes('instance/spot'))!;
    const count = async () => (await call('cardDecks')).decks.find((d) => d.deck === 'instance/spot')!.total;
    const total = await count();
    await call('suspendCard', { cardId: target.id, suspended: true });
    assert.equal(await count(), total - 1);
    assert.ok(!(await call('cardSession', { deck: 'instance/spot', newLimit: 100 })).some((c) => c.id === target.id));
    assert.equal((await call('cardBrowser')).find((r) => r.id === target.id)!.suspended, true);
    await call('suspendCard', { cardId: target.id, suspended: false });
    assert.equal(await count(), total);
  });

  test('type-in decks mark their basic cards; a typed answer is checked with a diff', async () => {
    await call('updateVaultSettings', { typeInDecks: ['instance/spot'] });
    const session = await call('cardSession', { deck: 'instance/spot', newLimit: 100 });
    const basic = session.find((c) => c.kind === 'basic')!;
    assert.equal(basic.typeIn, true);
    assert.ok(session.filter((c) => c.kind !== 'basic').every((c) => !c.typeIn));
    const right = await call('checkTyped', { cardId: basic.id, typed: basic.back.toUpperCase() });
    assert.equal(right.correct, true);
    const wrong = await call('checkTyped', { cardId: basic.id, typed: 'nothing like it' });
    assert.equal(wrong.correct, false);
    assert.ok(wrong.diff.some((d) => d.kind === 'extra') && wrong.diff.some((d) => d.kind === 'missing'));
  });
});
