import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { maskCode } from '../notes/mask-code.ts';
import { maskKeepingSrComments, parseSrComment, trailingSrComment } from './sr-comment.ts';

describe('parseSrComment', () => {
  test('one schedule', () => {
    assert.deepEqual(parseSrComment('<!--SR:!2024-01-05,3,250-->'), [{ due: '2024-01-05', interval: 3, ease: 250 }]);
  });

  test('one schedule per sibling', () => {
    assert.deepEqual(
      parseSrComment('<!--SR:!2024-01-05,3,250!2024-02-01,20,270-->')!.map((s) => s.interval),
      [3, 20],
    );
  });

  for (const bad of ['<!--SR:-->', '<!--SR:!2024-13-45,3,250-->', '<!--SR:!2024-01-05,x,250-->', '<!--SR:!2024-01-05,3-->']) {
    test(`unreadable: ${bad}`, () => assert.equal(parseSrComment(bad), null));
  }
});

describe('maskKeepingSrComments', () => {
  test('keeps SR comments in text, blanks other comments and code at the same offsets', () => {
    const md = 'Q::A <!--SR:!2024-01-05,3,250--> <!-- note -->\n`<!--SR:!2024-01-05,3,250-->`';
    const masked = maskKeepingSrComments(md, maskCode);
    assert.equal(masked.length, md.length);
    const [first, second] = masked.split('\n');
    assert.equal(first.trimEnd(), 'Q::A <!--SR:!2024-01-05,3,250-->');
    assert.equal(second.trim(), '');
  });
});

describe('trailingSrComment', () => {
  test('finds the comment ending a line, and where it starts', () => {
    assert.deepEqual(trailingSrComment('Q::A <!--SR:!2024-01-05,3,250-->  '), { comment: '<!--SR:!2024-01-05,3,250-->', start: 5 });
    assert.equal(trailingSrComment('<!--SR:!2024-01-05,3,250--> then text'), null);
  });
});
