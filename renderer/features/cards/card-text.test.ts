import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clozeParts, dollars, duration, percent, plainText } from './card-text.ts';

test('plain text drops inline markdown marks', () => {
  const cases: Array<[string, string]> = [
    ['**C) Change** it', 'C) Change it'],
    ['see [[sagemaker-savings-plans|Savings Plans]] and [[spot]]', 'see Savings Plans and spot'],
    ['`ml.r5.2xlarge` on [docs](https://aws.amazon.com)', 'ml.r5.2xlarge on docs'],
    ['==hidden== 2 * 3 * 4', 'hidden 2 * 3 * 4'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ];
  for (const [md, want] of cases) assert.equal(plainText(md), want, md);
});

test('cloze parts follow the span, and ignore a bad one', () => {
  const back = '접근 패턴을 예측할 수 없는 데이터에는 S3 Intelligent-Tiering을 쓴다.';
  assert.deepEqual(clozeParts(back, [[22, 44]]), [
    { text: '접근 패턴을 예측할 수 없는 데이터에는 ', hidden: false },
    { text: 'S3 Intelligent-Tiering', hidden: true },
    { text: '을 쓴다.', hidden: false },
  ]);
  assert.deepEqual(
    clozeParts('a b c d', [
      [0, 1],
      [4, 5],
    ]).map((p) => [p.text, p.hidden]),
    [
      ['a', true],
      [' b ', false],
      ['c', true],
      [' d', false],
    ],
  );
  assert.deepEqual(clozeParts('abc', [[2, 9]]), [{ text: 'abc', hidden: false }]);
  assert.deepEqual(clozeParts('abc', undefined), [{ text: 'abc', hidden: false }]);
});

test('figures', () => {
  assert.equal(dollars(45.1), '$45.10');
  assert.equal(dollars(8076.72), '$8,076.72');
  assert.equal(duration(38_000), '38s');
  assert.equal(duration(245_000), '4m 05s');
  assert.equal(duration(3_720_000), '1h 02m');
  assert.equal(percent(null), '—');
  assert.equal(percent(0.875), '88%');
});
