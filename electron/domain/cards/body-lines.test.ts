import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { bodyLines, isHeading, unbold } from './body-lines.ts';

describe('bodyLines', () => {
  test('raw and scan lines align, CRLF dropped, code blanked in scan only', () => {
    const { raw, scan } = bodyLines('a `x::y` b\r\n```\nQ::A\n```\n');
    assert.deepEqual(raw, ['a `x::y` b', '```', 'Q::A', '```', '']);
    assert.equal(scan.length, raw.length);
    assert.equal(scan[0].trimEnd(), 'a        b');
    assert.equal(scan[2].trim(), '');
  });

  test('isHeading follows CommonMark ATX headings', () => {
    assert.deepEqual(['# H', '   ### H', '#', '    # code', '#tag', '####### seven'].map(isHeading), [true, true, true, false, false, false]);
  });

  test('unbold drops ** and __', () => {
    assert.equal(unbold('**정답: C) text**'), '정답: C) text');
    assert.equal(unbold('__Answer:__ B'), 'Answer: B');
  });
});
