import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseLogText } from './review-entry.ts';

const review = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ v: 1, type: 'review', id, cardId: 'c1', noteId: 'n.md', rating: 3, at: '2025-01-01T10:00:00.000Z', device: 'laptop', ...extra });
const undo = (id: string, target: string) => JSON.stringify({ v: 1, type: 'undo', id, target, at: '2025-01-01T10:01:00.000Z', device: 'laptop' });

describe('parseLogText', () => {
  test('reads review and undo lines', () => {
    const { entries, warnings } = parseLogText(`${review('r1')}\n${undo('u1', 'r1')}\n`, 'log');
    assert.deepEqual(
      entries.map((e) => e.type),
      ['review', 'undo'],
    );
    assert.deepEqual(warnings, []);
  });

  test('a torn last line (no newline, cut JSON) is skipped with a warning', () => {
    const torn = review('r2').slice(0, 40);
    const { entries, warnings } = parseLogText(`${review('r1')}\n${torn}`, 'laptop.jsonl');
    assert.deepEqual(
      entries.map((e) => e.id),
      ['r1'],
    );
    assert.deepEqual(warnings, ['laptop.jsonl: torn last line skipped (an interrupted write)']);
  });

  test('a complete last line without its newline still counts', () => {
    assert.equal(parseLogText(`${review('r1')}\n${review('r2')}`, 'log').entries.length, 2);
  });

  test('a bad line in the middle is skipped with a warning naming it; the rest is kept', () => {
    const { entries, warnings } = parseLogText(`${review('r1')}\n{"v":1,"type":"rev\n${review('r3')}\n`, 'log');
    assert.deepEqual(
      entries.map((e) => e.id),
      ['r1', 'r3'],
    );
    assert.deepEqual(warnings, ['log:2: unreadable line skipped']);
  });

  const invalid: Array<[string, Record<string, unknown>]> = [
    ['rating 5', { rating: 5 }],
    ['rating "3"', { rating: '3' }],
    ['a future version', { v: 2 }],
    ['a date that is no ISO instant', { at: 'yesterday' }],
    ['no card id', { cardId: '' }],
  ];
  for (const [name, extra] of invalid) {
    test(`a line with ${name} is skipped`, () => {
      const { entries, warnings } = parseLogText(`${review('r1', extra)}\n`, 'log');
      assert.equal(entries.length, 0);
      assert.equal(warnings.length, 1);
    });
  }

  test('blank lines are ignored silently', () => {
    assert.deepEqual(parseLogText(`\n${review('r1')}\n\n`, 'log').warnings, []);
  });
});
