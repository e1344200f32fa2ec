import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dumpYaml, lineOfPath, parseYaml, YamlError } from './yaml-text.ts';

const DOC = `id: demo
title: Demo
inputs:
  hours:
    type: number
    default: 8
scenarios:
  - id: a           # line 8
    lines:
      - component: notebook
        hours: 730
  - id: b           # line 12
    label: "B"
    lines:
    - component: processing
      hours: hours * 2
    - component: training   # line 17
      hours: 3
      quantity: 2
baseline: a
`;

test('lineOfPath finds keys and sequence items in block YAML', () => {
  const cases: Array<[Array<string | number>, number]> = [
    [['id'], 1],
    [['inputs', 'hours', 'default'], 6],
    [['scenarios', 0], 8],
    [['scenarios', 0, 'lines', 0, 'hours'], 11],
    [['scenarios', 1, 'id'], 12],
    [['scenarios', 1, 'lines', 0, 'hours'], 16],
    [['scenarios', 1, 'lines', 1], 17],
    [['scenarios', 1, 'lines', 1, 'quantity'], 19],
    [['baseline'], 20],
    // Not found: the deepest part that was.
    [['scenarios', 1, 'lines', 5, 'hours'], 14],
    [['inputs', 'nope'], 3],
  ];
  for (const [path, line] of cases) assert.equal(lineOfPath(DOC, path), line, path.join('.'));
});

test('parseYaml reports the line of a syntax error', () => {
  assert.throws(
    () => parseYaml('id: x\ntitle: [unclosed\nregion: us-east-1\n'),
    (e: unknown) => e instanceof YamlError && e.line >= 2,
  );
  assert.throws(
    () => parseYaml('a: 1\n  b: 2\n'),
    (e: unknown) => e instanceof YamlError && e.line === 2,
  );
});

test('parseYaml refuses alias bombs', () => {
  const bomb = [
    'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]',
    ...'bcdefgh'.split('').map(
      (k, i) =>
        `${k}: &${k} [${Array(10)
          .fill('*' + 'abcdefgh'[i])
          .join(', ')}]`,
    ),
  ].join('\n');
  assert.throws(() => parseYaml(bomb), /too large/);
});

test('dumpYaml round-trips', () => {
  const value = { id: 'x', scenarios: [{ id: 'a', lines: [{ hours: 'h * 2', pricing: { type: 'spot', discount: 0.7 } }] }] };
  assert.deepEqual(parseYaml(dumpYaml(value)), value);
});
