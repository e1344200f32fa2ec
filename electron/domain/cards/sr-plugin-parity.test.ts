// The Obsidian Spaced Repetition plugin's documented syntax, transcribed as cases (docs:
// flashcards/qanda-cards.md, cloze-cards/basic-cloze-cards.md, decks.md; the parser cases its
// tests cover: code blocks in answers, inline code in clozes, block ids, callout metadata).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseNote } from '../notes/parse-note.ts';
import { defaultVaultSettings, type SrSettings } from '../settings/vault-settings.ts';
import { extractCards } from './extract-cards.ts';

const sr = (patch: Partial<SrSettings> = {}): SrSettings => ({ ...defaultVaultSettings().sr, ...patch });
const cardsOf = (md: string, settings?: Partial<SrSettings>) => extractCards(parseNote('n.md', md), sr(settings)).cards;
const sidesOf = (md: string, settings?: Partial<SrSettings>) => cardsOf(md, settings).map((c) => [c.front, c.back]);

describe('question & answer cards', () => {
  test('a code block with blank lines inside a `?` answer stays whole', () => {
    const md = 'How do you print in Python?\n?\n```python\nprint("a")\n\nprint("b")\n```\n\nAfter the card.';
    assert.deepEqual(sidesOf(md), [['How do you print in Python?', '```python\nprint("a")\n\nprint("b")\n```']]);
  });

  test('a `?` or `::` inside the code block is not a separator', () => {
    const md = 'Question\n?\n```\n?\na::b\n```';
    assert.deepEqual(sidesOf(md), [['Question', '```\n?\na::b\n```']]);
  });

  test('block ids ^id are stripped from the text and kept on the card', () => {
    const [inline] = cardsOf('Capital of Korea::Seoul ^capital-kr');
    assert.deepEqual([inline.front, inline.back, inline.blockId], ['Capital of Korea', 'Seoul', 'capital-kr']);
    const [multi] = cardsOf('Front line\n?\nBack line ^blk1');
    assert.deepEqual([multi.back, multi.blockId], ['Back line', 'blk1']);
    const [withSchedule] = cardsOf('Q::A ^b2 <!--SR:!2024-01-05,3,250-->');
    assert.deepEqual([withSchedule.back, withSchedule.blockId, withSchedule.imported?.interval], ['A', 'b2', 3]);
  });

  test('a `> [!sr|card-metadata]` callout under the card is its history', () => {
    const cards = cardsOf(
      'Q1::A1\n> [!sr|card-metadata]\n> <!--SR:!2023-09-06,1,250-->\n\nQ2:::A2\n> [!sr|card-metadata] \n> <!--SR:!2021-08-11,4,270!2021-08-12,5,250-->\nnext line',
    );
    assert.deepEqual(
      cards.map((c) => [c.front, c.imported]),
      [
        ['Q1', { due: '2023-09-06', interval: 1, ease: 250 }],
        ['Q2', { due: '2021-08-11', interval: 4, ease: 270 }],
        ['A2', { due: '2021-08-12', interval: 5, ease: 250 }],
      ],
    );
  });

  test('the end-of-card marker lets blank lines into a multi-line card', () => {
    const md = 'Question\n?\nAnswer para 1\n\nAnswer para 2\n+++\nnot in the card\n?\nx';
    assert.deepEqual(sidesOf(md, { endMarker: '+++' })[0], ['Question', 'Answer para 1\n\nAnswer para 2']);
    // Without a marker (the default) the answer ends at the blank line.
    assert.deepEqual(sidesOf(md)[0], ['Question', 'Answer para 1']);
  });
});

describe('decks from #flashcards tags (decks.md)', () => {
  test('a leading #flashcards/… tag is removed from the front and is the card’s deck', () => {
    const [card] = cardsOf('#flashcards/aws/s3 Cheapest class for rarely read data::Glacier Deep Archive');
    assert.equal(card.front, 'Cheapest class for rarely read data');
    assert.deepEqual(card.decks, ['flashcards/aws/s3']);
  });

  test('several tags on the first line: a card in several decks; a multi-line card too', () => {
    const [card] = cardsOf('#flashcards/language/words #flashcards/trivia A group of cats is called a::clowder');
    assert.deepEqual([card.front, card.decks], ['A group of cats is called a', ['flashcards/language/words', 'flashcards/trivia']]);
    const [multi] = cardsOf('#flashcards/deckA First line\nsecond line\n?\nAnswer');
    assert.deepEqual([multi.front, multi.decks], ['First line\nsecond line', ['flashcards/decka']]);
  });

  test('a tag line applies to the cards after it until the next; a question tag to its card only', () => {
    const md =
      '#flashcards/deckA\nQuestion1::Answer1\nQuestion2::Answer2\n\n#flashcards/deckB Question4::Answer4\n\nQuestion6::Answer6\n\n#flashcards/deckC\nQuestion7::Answer7';
    assert.deepEqual(
      cardsOf(md).map((c) => [c.front, c.decks.join()]),
      [
        ['Question1', 'flashcards/decka'],
        ['Question2', 'flashcards/decka'],
        ['Question4', 'flashcards/deckb'],
        ['Question6', 'flashcards/decka'],
        ['Question7', 'flashcards/deckc'],
      ],
    );
  });

  test('other flashcard tags follow the setting; a bare #flashcards line is the flashcards deck', () => {
    assert.deepEqual(cardsOf('#cards/x Q::A', { flashcardTags: ['cards'] })[0].decks, ['cards/x']);
    assert.equal(cardsOf('#cards/x Q::A')[0].front, '#cards/x Q');
    const note = parseNote('n.md', '---\ntags: [aws]\n---\n#flashcards\nQ::A');
    assert.deepEqual(
      extractCards(note, sr()).cards.map((c) => [c.front, c.decks.join()]),
      [['Q', 'flashcards']],
    );
  });
});

describe('cloze cards (basic-cloze-cards.md)', () => {
  test('==`inline code`== is a deletion', () => {
    const [card] = cardsOf('List files with ==`ls -la`== in a shell.');
    assert.equal(card.kind, 'cloze');
    assert.equal(card.front, 'List files with [...] in a shell.');
    assert.equal(card.back, 'List files with `ls -la` in a shell.');
  });

  test('hints: ^[text] shows on the front in place of [...]', () => {
    const cards = cardsOf('Kaleida, funded to the tune of ==$40 million==^[USD]\nby Apple Computer and IBM in ==1991==^[year]');
    assert.deepEqual(
      cards.map((c) => c.front),
      [
        'Kaleida, funded to the tune of [USD]\nby Apple Computer and IBM in 1991',
        'Kaleida, funded to the tune of $40 million\nby Apple Computer and IBM in [year]',
      ],
    );
    assert.equal(cards[0].back, 'Kaleida, funded to the tune of $40 million\nby Apple Computer and IBM in 1991');
    assert.deepEqual(
      cards.map((c) => c.clozeGaps),
      [['[USD]'], ['[year]']],
    );
  });

  test('groups: [^n] hides every deletion of group n on one card', () => {
    const cards = cardsOf('This is ==in group 1==[^1], this ==in group 2==[^2]\nand this also ==in group 1==[^1]');
    assert.deepEqual(
      cards.map((c) => c.front),
      ['This is [...], this in group 2\nand this also [...]', 'This is in group 1, this [...]\nand this also in group 1'],
    );
    const back = 'This is in group 1, this in group 2\nand this also in group 1';
    assert.deepEqual(
      cards.map((c) => c.back),
      [back, back],
    );
    assert.deepEqual(
      cards.map((c) => c.clozeSpans!.map((s) => back.slice(...s))),
      [['in group 1', 'in group 1'], ['in group 2']],
    );
  });

  test('the settings change what is extracted: ** and {{}} opt-in, == can be turned off', () => {
    const md = 'The ==capital== of **France** is {{Paris}}.';
    const fronts = (s?: Partial<SrSettings>) => cardsOf(md, s).map((c) => c.front);
    assert.deepEqual(fronts(), ['The [...] of **France** is {{Paris}}.']);
    assert.deepEqual(fronts({ clozeBold: true, clozeCurly: true }), [
      'The [...] of France is Paris.',
      'The capital of [...] is Paris.',
      'The capital of France is [...].',
    ]);
    assert.deepEqual(fronts({ clozeHighlight: false, clozeCurly: true }), ['The ==capital== of **France** is [...].']);
    assert.deepEqual(fronts({ clozeHighlight: false }), []);
  });

  test('the settings change the separators', () => {
    const md = 'Q1;;A1\nQ2::A2\nQ3;;;A3\n\nFront\n@@\nBack';
    const custom = { inlineSeparator: ';;', inlineReversedSeparator: ';;;', multilineSeparator: '@@', multilineReversedSeparator: '@@@' };
    assert.deepEqual(
      cardsOf(md, custom).map((c) => [c.kind, c.front, c.back]),
      [
        ['basic', 'Q1', 'A1'],
        ['reversed', 'Q3', 'A3'],
        ['reversed', 'A3', 'Q3'],
        ['basic', 'Front', 'Back'],
      ],
    );
    assert.deepEqual(
      cardsOf(md).map((c) => c.front),
      ['Q2'],
    );
  });
});

test('notes are never written: extraction is a pure read of the parsed note', () => {
  const md = '#flashcards/a Q::A ^id <!--SR:!2024-01-05,3,250-->';
  const note = parseNote('n.md', md);
  const before = JSON.stringify(note);
  extractCards(note, sr());
  assert.equal(JSON.stringify(note), before);
});
