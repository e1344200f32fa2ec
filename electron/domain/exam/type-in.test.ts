import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareTyped, fold, plainAnswer } from './type-in.ts';

test('a typed answer is right ignoring case, spacing, punctuation, accents and Korean particles', () => {
  for (const [typed, expected] of [
    ['managed spot training', 'Managed Spot Training'],
    ['  Managed   Spot\ttraining. ', 'Managed Spot Training'],
    ['cafe resume', 'Café Résumé'],
    ['세이지메이커를 중지', '세이지메이커 중지'],
    ['인스턴스는 멈춘다', '**인스턴스** 멈춘다'],
    ['Savings Plan', '`Savings` Plan'],
  ]) {
    assert.equal(compareTyped(typed, expected).correct, true, `${typed} = ${expected}`);
  }
});

test('a wrong answer shows a word diff: missing, extra and same words', () => {
  const r = compareTyped('spot instance training', 'Managed Spot Training');
  assert.equal(r.correct, false);
  assert.deepEqual(r.diff, [
    { text: 'Managed', kind: 'missing' },
    { text: 'Spot', kind: 'same' },
    { text: 'instance', kind: 'extra' },
    { text: 'Training', kind: 'same' },
  ]);
  const empty = compareTyped('', 'S3 Glacier');
  assert.equal(empty.correct, false);
  assert.deepEqual(empty.diff, [{ text: 'S3 Glacier', kind: 'missing' }]);
});

test('fold keeps the words apart that differ', () => {
  assert.notEqual(fold('인스턴스'), fold('인스턴트'));
  assert.equal(fold('Résumé!'), 'resume');
  assert.equal(fold('가'), '가'); // too short to lose a particle
  assert.equal(plainAnswer('- **Spot**: [[Spot Instances|스팟]] [AWS](https://aws.amazon.com)'), 'Spot: 스팟 AWS');
});
