import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../notes/parse-note.ts';
import { extractCards, extractAllCards } from './extract-cards.ts';
import { fixtureNote, seedNote, seedText, SEED_ID } from './fixtures/load-fixtures.ts';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('extractCards on the seed note', () => {
  const { cards, diagnostics } = extractCards(seedNote());

  test('one choice card and three concept cards, nothing reported', () => {
    assert.deepEqual(cards.map((c) => c.kind).sort(), ['basic', 'basic', 'basic', 'choice']);
    assert.deepEqual(diagnostics, []);
  });

  test('the choice card: question, options A–D, answer C, explanations', () => {
    const choice = cards.find((c) => c.kind === 'choice')!;
    assert.match(choice.front, /^A business is developing a machine-learning-based demand forecasting model\./);
    assert.match(choice.front, /Which solution provides the GREATEST cost savings\?$/);
    assert.deepEqual(
      choice.options!.map((o) => o.key),
      ['A', 'B', 'C', 'D'],
    );
    assert.match(choice.options![2].text, /^Change to smaller general purpose instance\..*using SageMaker Processing\.$/);
    assert.equal(choice.answer, 'C');
    assert.match(choice.explanations!.A, /^메모리 최적화 인스턴스는/);
    assert.match(choice.explanations!.B, /^P3 인스턴스는 GPU 기반/);
    assert.match(choice.explanations!.D, /^Reserved Instance는 하루 2시간만/);
    // No `- **옵션 C**` line: the answer line's words explain C.
    assert.equal(choice.explanations!.C, 'SageMaker Processing with R5 instance');
    assert.ok(choice.back.startsWith(`**C) ${choice.options![2].text}**`));
    for (const key of ['A', 'B', 'C', 'D']) assert.ok(choice.back.includes(choice.explanations![key]), `back explains ${key}`);
    assert.equal(choice.line, lineOf(seedText(), '**Question:**'));
  });

  test('three concept cards from 주요개념, none from its 실전 적용 sub-section', () => {
    const concepts = cards.filter((c) => c.kind === 'basic');
    assert.deepEqual(
      concepts.map((c) => c.front),
      ['Reserved Instance (RI)', 'On-Demand', 'SageMaker Processing'],
    );
    assert.equal(concepts[1].back, '사용한 만큼 지불, 불규칙한 사용 패턴에 적합');
    assert.equal(concepts[0].line, lineOf(seedText(), '**Reserved Instance (RI)**'));
  });

  test('every card carries the note id and its tags as decks', () => {
    for (const card of cards) {
      assert.equal(card.noteId, SEED_ID);
      assert.ok(card.decks.includes('service/sagemaker-processing'));
      assert.equal(card.decks.length, 5);
    }
  });

  test('ids are unique', () => {
    assert.equal(new Set(cards.map((c) => c.id)).size, cards.length);
  });
});

describe('extractCards, card ids', () => {
  test('moving cards to other lines keeps their ids', () => {
    const text = seedText();
    const moved = text.replace('# AWS SageMaker', '\n\n\nA new first paragraph.\n\n# AWS SageMaker');
    const before = extractCards(parseNote(SEED_ID, text)).cards;
    const after = extractCards(parseNote(SEED_ID, moved)).cards;
    assert.deepEqual(
      after.map((c) => c.id),
      before.map((c) => c.id),
    );
    assert.deepEqual(
      after.map((c) => c.line - 5),
      before.map((c) => c.line),
    );
  });

  test('a changed front makes a new id; a changed back does not', () => {
    const text = seedText();
    const base = extractCards(parseNote(SEED_ID, text)).cards.find((c) => c.front === 'On-Demand')!;
    const backEdited = extractCards(parseNote(SEED_ID, text.replace('불규칙한 사용 패턴에 적합', '가끔 쓰는 워크로드에 적합'))).cards;
    assert.ok(backEdited.some((c) => c.id === base.id));
    const frontEdited = extractCards(parseNote(SEED_ID, text.replace('**On-Demand**', '**On Demand**'))).cards;
    assert.ok(!frontEdited.some((c) => c.id === base.id));
  });

  test('the same card in another note has another id', () => {
    const a = extractCards(parseNote('a.md', 'Q::A')).cards[0];
    const b = extractCards(parseNote('b.md', 'Q::A')).cards[0];
    assert.notEqual(a.id, b.id);
  });
});

describe('extractAllCards', () => {
  test('gathers cards and diagnostics of several notes', () => {
    const { cards, diagnostics } = extractAllCards([seedNote(), fixtureNote('malformed-questions.md')]);
    assert.equal(cards.filter((c) => c.noteId === SEED_ID).length, 4);
    assert.equal(cards.filter((c) => c.noteId === 'fixtures/malformed-questions.md').length, 1);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['CARD_NO_ANSWER', 'CARD_ANSWER_NOT_AN_OPTION', 'CARD_NO_OPTIONS'],
    );
  });
});
