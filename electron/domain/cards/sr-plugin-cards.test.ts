import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from '../notes/parse-note.ts';
import { extractCards } from './extract-cards.ts';
import { fixtureNote, fixtureText } from './fixtures/load-fixtures.ts';

const FIXTURE = 'sr-plugin-syntax.md';
const { cards, diagnostics } = extractCards(fixtureNote(FIXTURE));
const lineOf = (needle: string) =>
  fixtureText(FIXTURE)
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;
const lineEqual = (text: string) => fixtureText(FIXTURE).split('\n').indexOf(text) + 1;
const cardsOf = (md: string) => extractCards(parseNote('n.md', md)).cards;

describe('plugin syntax (fixture)', () => {
  test('Question::Answer is a basic card', () => {
    const card = cards.find((c) => c.front === 'What is the default S3 storage class')!;
    assert.equal(card.kind, 'basic');
    assert.equal(card.back, 'S3 Standard');
    assert.equal(card.line, lineOf('default S3 storage class::'));
  });

  test('A:::B is two reversed cards, one per direction, with distinct ids', () => {
    const pair = cards.filter((c) => c.line === lineOf('Region code of Seoul:::'));
    assert.deepEqual(
      pair.map((c) => [c.kind, c.front, c.back]),
      [
        ['reversed', 'Region code of Seoul', 'ap-northeast-2'],
        ['reversed', 'ap-northeast-2', 'Region code of Seoul'],
      ],
    );
    assert.notEqual(pair[0].id, pair[1].id);
  });

  test('an SR comment on the next line is the history of each sibling in order', () => {
    const pair = cards.filter((c) => c.line === lineOf('Region code of Seoul:::'));
    assert.deepEqual(pair[0].imported, { due: '2024-01-05', interval: 3, ease: 250 });
    assert.deepEqual(pair[1].imported, { due: '2024-01-09', interval: 7, ease: 270 });
  });

  test('an SR comment on the same line is read and left out of the answer; a list marker is dropped', () => {
    const card = cards.find((c) => c.front === 'Glacier retrieval tiers')!;
    assert.equal(card.back, 'Expedited, Standard, Bulk');
    assert.deepEqual(card.imported, { due: '2024-02-01', interval: 12, ease: 230 });
  });

  test('multi-line `?`: question and answer lines touching the separator', () => {
    const card = cards.find((c) => c.front.startsWith('Which limits apply'))!;
    assert.equal(card.kind, 'basic');
    assert.equal(card.front, 'Which limits apply\nto a single partition?');
    assert.equal(card.back, '3000 RCU\nand 1000 WCU');
    assert.equal(card.line, lineOf('Which limits apply'));
  });

  test('multi-line `??` is two reversed cards', () => {
    const pair = cards.filter((c) => c.line === lineOf('Lambda max timeout'));
    assert.deepEqual(
      pair.map((c) => [c.kind, c.front, c.back]),
      [
        ['reversed', 'Lambda max timeout', '15 minutes'],
        ['reversed', '15 minutes', 'Lambda max timeout'],
      ],
    );
  });

  test('cloze: one card per highlight, [...] in its place, the others shown', () => {
    const clozes = cards.filter((c) => c.kind === 'cloze');
    assert.deepEqual(
      clozes.map((c) => c.front),
      ['The first female [...] of Australia was Julia Gillard.', 'The first female prime minister of Australia was [...].'],
    );
    const back = 'The first female prime minister of Australia was Julia Gillard.';
    assert.deepEqual(
      clozes.map((c) => c.back),
      [back, back],
    );
    assert.deepEqual(
      clozes.map((c) => c.clozeSpans!.map((span) => back.slice(...span))),
      [['prime minister'], ['Julia Gillard']],
    );
    assert.notEqual(clozes[0].id, clozes[1].id);
  });

  test('a card written twice gets a deterministic suffix', () => {
    const twins = cards.filter((c) => c.front === 'Twin question');
    assert.equal(twins.length, 2);
    assert.equal(twins[1].id, `${twins[0].id}-2`);
  });

  test('nothing inside fenced code, inline code or math is a card', () => {
    for (const c of cards) assert.doesNotMatch(`${c.front}\n${c.back}`, /fenced|also|a::b|x::y/);
    assert.equal(cards.length, 11);
  });

  test('a side left empty is reported, not made a card', () => {
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.line]),
      [
        ['CARD_EMPTY_SIDE', lineOf('::answer without a question')],
        ['CARD_EMPTY_SIDE', lineEqual('answer without a question') - 1],
      ],
    );
  });

  test('decks are the note tags, lowercased', () => {
    assert.deepEqual(cards[0].decks, ['flashcards/aws', 'service/s3']);
  });
});

describe('plugin syntax, edge cases', () => {
  test('the `::` inside inline code does not split an inline card', () => {
    const [card] = cardsOf('What does `std::move` return::an rvalue reference');
    assert.deepEqual([card.front, card.back], ['What does `std::move` return', 'an rvalue reference']);
  });

  test('a paragraph with `?` is a multi-line card even with highlights in it', () => {
    const result = cardsOf('The ==key== question\n?\nanswer');
    assert.deepEqual(
      result.map((c) => [c.kind, c.front]),
      [['basic', 'The ==key== question']],
    );
  });

  test('a heading is not part of the question below it', () => {
    const [card] = cardsOf('## Section\nQuestion line\n?\nAnswer line');
    assert.equal(card.front, 'Question line');
  });

  test('a cloze over two lines keeps both lines', () => {
    const result = cardsOf('First ==one==\nthen ==two==');
    assert.deepEqual(
      result.map((c) => c.front),
      ['First [...]\nthen two', 'First one\nthen [...]'],
    );
  });

  test('`a == b` comparisons are not highlights', () => {
    assert.deepEqual(cardsOf('if a == b and c == d then'), []);
  });

  test('an SR comment inside a code block is not history', () => {
    const [card] = cardsOf('Q::A\n```\n<!--SR:!2024-01-05,3,250-->\n```');
    assert.equal(card.imported, undefined);
  });

  test('an SR comment not under a card is ignored; an unreadable one is reported', () => {
    assert.equal(cardsOf('Q::A\n\n<!--SR:!2024-01-05,3,250-->')[0].imported, undefined);
    const { diagnostics: found } = extractCards(parseNote('n.md', 'Q::A\n<!--SR:!soon,3,250-->'));
    assert.deepEqual(
      found.map((d) => d.code),
      ['CARD_BAD_SR_COMMENT'],
    );
  });
});
