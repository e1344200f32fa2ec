import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { createEncoder, splitWords } from './encoder.ts';

/** A split that gives the same words in one regex: at a run of non-letters, or at a place with
 *  Hangul on one side only (by lookbehind and lookahead). */
const ONE_REGEX = /[^\p{L}\p{N}]+|(?<=\p{Script=Hangul})(?=[[\p{L}\p{N}]--\p{Script=Hangul}])|(?<=[[\p{L}\p{N}]--\p{Script=Hangul}])(?=\p{Script=Hangul})/v;

test('splitWords cuts at non-letters and where Hangul meets another script', () => {
  assert.deepEqual(splitWords('s3버킷을 EC2에서, 인스턴스 (ml.t3.medium) 2024년'), [
    's3',
    '버킷을',
    'EC2',
    '에서',
    '인스턴스',
    'ml',
    't3',
    'medium',
    '2024',
    '년',
  ]);
  assert.deepEqual(splitWords('GPU인스턴스P4d'), ['GPU', '인스턴스', 'P4d']);
  // Other letters, Hangul jamo, marks: letters all the same, split from Hangul syllables only by script.
  assert.deepEqual(splitWords('ㅅㅁ초성 日本語한국어 café'), ['ㅅㅁ초성', '日本語', '한국어', 'café']);
  // No empty words where the text starts or ends with non-letters, or has none.
  assert.deepEqual(splitWords(' -s3버킷- '), ['s3', '버킷']);
  assert.deepEqual(splitWords('-- !'), []);
});

test('property: splitWords gives the words the one-regex split gives, on any mix of scripts', () => {
  const pieces = fc.constantFrom('s3', '버킷', '을', ' ', '-', '.', 'ㅋ', '日本', 'é', '2024', '\u0301', '😀', '\n', 'Ω', '_', '#', 'ml.t3', '년');
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 30 }), fc.string({ maxLength: 20 }), (parts, noise) => {
      const text = parts.join('') + noise;
      assert.deepEqual(splitWords(text), text.split(ONE_REGEX).filter(Boolean));
    }),
    { numRuns: 2000 },
  );
});

test('the encoder splits through splitWords', () => {
  assert.deepEqual(createEncoder().encode('S3버킷을 ml.t3.medium'), ['s3', '버킷', 'ml', 't3', 'medium']);
});
