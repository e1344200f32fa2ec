import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNote } from '../notes/parse-note.ts';
import { exportAnki } from './anki-export.ts';
import { extractAllCards, extractCards } from './extract-cards.ts';
import { fixtureNote, seedNote } from './fixtures/load-fixtures.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'anki-export.golden.txt');
const HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:8'];
const rows = (text: string) =>
  text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split('\t'));

describe('exportAnki', () => {
  const { cards } = extractAllCards([seedNote(), fixtureNote('sr-plugin-syntax.md')]);
  const text = exportAnki(cards);

  test('matches the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, text, 'utf8');
    assert.equal(text, readFileSync(GOLDEN, 'utf8'));
  });

  test('header lines first, then one row of eight columns per card, guid = card id', () => {
    assert.deepEqual(text.split('\n').slice(0, HEADER.length), HEADER);
    const body = rows(text);
    assert.equal(body.length, cards.length);
    for (const [k, row] of body.entries()) {
      assert.equal(row.length, 8);
      assert.equal(row[0], cards[k].id);
    }
  });

  test('nested tags become :: decks and tags', () => {
    const seedRow = rows(text).find((r) => r[0] === cards[0].id)!;
    assert.equal(seedRow[2], 'service::sagemaker-processing');
    assert.ok(seedRow[7].split(' ').includes('optimization::workload-separation'));
  });

  test('our own note types, named the same in any Anki language', () => {
    assert.deepEqual([...new Set(rows(text).map((r) => r[1]))].sort(), ['Cairn Basic', 'Cairn Choice', 'Cairn Cloze']);
  });

  test('the choice card keeps its structure: question, options, answer, explanations', () => {
    const choice = cards.find((c) => c.kind === 'choice')!;
    const [, notetype, , question, options, answer, explanations] = rows(text).find((r) => r[0] === choice.id)!;
    assert.equal(notetype, 'Cairn Choice');
    assert.ok(question.startsWith('A business is developing'));
    assert.equal(options.split('<br>').length, 4);
    assert.ok(options.startsWith('A) '));
    assert.match(answer, /^C\) /);
    assert.equal(explanations.split('<br>').length, 4);
  });

  test('a cloze card is a Cloze note with {{c1::…}} around its own deletion only', () => {
    const clozeRows = rows(text).filter((r) => r[1] === 'Cairn Cloze');
    assert.deepEqual(
      clozeRows.map((r) => r[3]),
      ['The first female {{c1::prime minister}} of Australia was Julia Gillard.', 'The first female prime minister of Australia was {{c1::Julia Gillard}}.'],
    );
  });

  test('--deck keeps the cards of that deck and its sub-decks, and files them there', () => {
    const s3 = rows(exportAnki(cards, { deck: 'service' }));
    assert.equal(s3.length, cards.length);
    const only = rows(exportAnki(cards, { deck: 'flashcards' }));
    assert.ok(only.length > 0 && only.every((r) => r[2] === 'flashcards::aws'));
    assert.deepEqual(rows(exportAnki(cards, { deck: 'nothing' })), []);
  });
});

describe('exportAnki escaping', () => {
  const one = (md: string) => rows(exportAnki(extractCards(parseNote('n.md', md)).cards))[0];

  test('HTML special characters are escaped, a leading quote cannot open a CSV quoted field', () => {
    const [, , , front, back] = one('"<b>" & co::x > y');
    assert.equal(front, '&quot;&lt;b&gt;&quot; &amp; co');
    assert.equal(back, 'x &gt; y');
  });

  test('a cloze hint goes into the deletion; an image becomes <img> of its file name', () => {
    assert.equal(one('Funded with ==$40 million==^[USD].')[3], 'Funded with {{c1::$40 million::USD}}.');
    assert.equal(one('Diagram ![[img/arch.png]]::answer')[3], 'Diagram <img src="arch.png">');
  });

  test('newlines become <br>, tabs become spaces, untagged cards go to Default', () => {
    const [, , deck, front, back, , , tags] = one('line one\tcol\nline two\n?\nanswer');
    assert.equal(front, 'line one col<br>line two');
    assert.equal(back, 'answer');
    assert.equal(deck, 'Default');
    assert.equal(tags, '');
  });
});
