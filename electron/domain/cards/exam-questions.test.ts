import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bodyLines } from './body-lines.ts';
import { examQuestionCards } from './exam-questions.ts';
import { extractCards } from './extract-cards.ts';
import { fixtureNote } from './fixtures/load-fixtures.ts';

const read = (md: string) => examQuestionCards(bodyLines(md));

describe('examQuestionCards: answer line forms', () => {
  const options = '- A) EC2\n- B) Lambda\n- C) S3\n';
  const cases: Array<[string, string, string | undefined]> = [
    ['seed form', '**정답: B) Lambda is serverless**', 'Lambda is serverless'],
    ['bold label only', '**정답:** B', undefined],
    ['plain English', 'Answer: B', undefined],
    ['bold English with text', '**Answer: B) serverless functions**', 'serverless functions'],
    ['parenthesised letter', 'Correct answer: (B)', undefined],
  ];
  for (const [name, answerLine, explanationOfB] of cases) {
    test(name, () => {
      const { cards, diagnostics } = read(`**Question:** Which is serverless?\n\n${options}\n${answerLine}\n`);
      assert.deepEqual(diagnostics, []);
      assert.equal(cards[0].answer, 'B');
      assert.equal(cards[0].explanations!.B, explanationOfB);
    });
  }
});

describe('examQuestionCards: structure', () => {
  test('explanations in several label styles, only after the answer line', () => {
    const md = ['**Question:** Pick one', '- A) one', '- B) two', '- C) three', 'Answer: A', '- **옵션 B** - not two', '- **Option C:** not three'].join('\n');
    const [card] = read(md).cards;
    assert.deepEqual(card.explanations, { B: 'not two', C: 'not three' });
    assert.equal(card.back, '**A) one**\n\n- **B** — not two\n- **C** — not three');
  });

  test('two questions in one section make two cards', () => {
    const md = '**Question:** First?\n- A) x\n- B) y\nAnswer: A\n\n**Question:** Second?\n- A) x\n- B) y\nAnswer: B\n';
    assert.deepEqual(
      read(md).cards.map((c) => [c.front, c.answer]),
      [
        ['First?', 'A'],
        ['Second?', 'B'],
      ],
    );
  });

  test('a heading ends a question: an answer below it is not this question’s', () => {
    const { cards, diagnostics } = read('**Question:** Q?\n- A) x\n- B) y\n\n## Next\n\nAnswer: A\n');
    assert.equal(cards.length, 0);
    assert.equal(diagnostics[0].code, 'CARD_NO_ANSWER');
  });

  test('“Answer: a business …” is prose, not answer A', () => {
    const { diagnostics } = read('**Question:** Q?\n- A) x\n- B) y\n\nAnswer: a business would pick x.\n');
    assert.equal(diagnostics[0].code, 'CARD_NO_ANSWER');
  });

  test('question labels: bold, colon inside or after, numbered or Korean', () => {
    for (const label of ['**Question:**', '**Question**:', '**Question 2:**', '**문제:**']) {
      assert.equal(read(`${label} Q?\n- A) x\n- B) y\nAnswer: A\n`).cards.length, 1, label);
    }
  });

  test('a prose line “문제: …” is no question', () => {
    assert.deepEqual(read('문제: 비용이 너무 크다.\n- A) x\n\nAnswer: A\n'), { cards: [], diagnostics: [], claimed: new Set() });
  });

  test('a question inside a code block is not read', () => {
    const md = '```\n**Question:** Q?\n- A) x\nAnswer: A\n```\n';
    assert.deepEqual(read(md), { cards: [], diagnostics: [], claimed: new Set() });
  });
});

describe('malformed questions (fixture)', () => {
  const { cards, diagnostics } = extractCards(fixtureNote('malformed-questions.md'));

  test('a question without an answer line is reported with its line, and makes no card', () => {
    const d = diagnostics.find((x) => x.code === 'CARD_NO_ANSWER')!;
    assert.equal(d.line, 8);
    assert.equal(d.id, 'fixtures/malformed-questions.md');
    assert.ok(!cards.some((c) => c.front.startsWith('Which storage class')));
  });

  test('an answer letter that is no option is reported at the answer line', () => {
    const d = diagnostics.find((x) => x.code === 'CARD_ANSWER_NOT_AN_OPTION')!;
    assert.equal(d.line, 20);
    assert.match(d.message, /answer E is not among the options A, B/);
  });

  test('a question without options is reported', () => {
    assert.equal(diagnostics.find((x) => x.code === 'CARD_NO_OPTIONS')!.line, 34);
  });

  test('the well-formed question keeps its two-line text', () => {
    assert.equal(cards.length, 1);
    assert.equal(cards[0].front, 'Which service is serverless?\nPick one.');
    assert.equal(cards[0].answer, 'B');
  });
});
