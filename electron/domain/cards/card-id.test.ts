import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { assignCardIds, baseCardId, normaliseFront } from './card-id.ts';

describe('normaliseFront', () => {
  const cases: Array<[string, string]> = [
    ['  What is S3?  ', 'What is S3?'],
    ['What\tis\n\n S3?', 'What is S3?'],
    // NFD Hangul (as some macOS tools write it) equals NFC.
    ['인스턴스'.normalize('NFD'), '인스턴스'],
  ];
  for (const [input, expected] of cases) test(JSON.stringify(input), () => assert.equal(normaliseFront(input), expected));
});

describe('baseCardId', () => {
  test('16 hex digits, the same for the same note, kind and normalised front', () => {
    const id = baseCardId('a.md', 'basic', 'What is S3?');
    assert.match(id, /^[0-9a-f]{16}$/);
    assert.equal(baseCardId('a.md', 'basic', '  What  is S3?\n'), id);
    assert.equal(baseCardId('a.md', 'basic', 'What is S3?'.normalize('NFD')), id);
  });

  test('differs by note, by kind and by front', () => {
    const id = baseCardId('a.md', 'basic', 'Q');
    assert.notEqual(baseCardId('b.md', 'basic', 'Q'), id);
    assert.notEqual(baseCardId('a.md', 'reversed', 'Q'), id);
    assert.notEqual(baseCardId('a.md', 'basic', 'q'), id);
  });
});

describe('assignCardIds', () => {
  test('twins get -2, -3 in document order; others are untouched', () => {
    const twin = { kind: 'basic' as const, front: 'Q' };
    const ids = assignCardIds('a.md', [twin, { kind: 'basic', front: 'Other' }, twin, twin]);
    const base = baseCardId('a.md', 'basic', 'Q');
    assert.deepEqual(ids, [base, baseCardId('a.md', 'basic', 'Other'), `${base}-2`, `${base}-3`]);
  });
});
