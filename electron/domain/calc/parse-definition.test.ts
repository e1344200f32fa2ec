import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDefinitionError, parseDefinition } from './parse-definition.ts';
import { catalog, parseBlock } from './test-helpers.ts';

const GOOD = `id: demo
title: Demo
inputs:
  hours:
    type: number
    default: 8
scenarios:
  - id: a
    label: A
    lines:
      - component: notebook
        instance: ml.t3.medium
        hours: hours * 22
baseline: a
`;

test('a good definition parses, with defaults filled in', () => {
  const r = parseBlock(GOOD);
  assert.ok(r.ok);
  assert.equal(r.definition.region, 'us-east-1');
  assert.deepEqual(r.definition.scenarios[0].lines[0].pricing, { type: 'on-demand' });
  assert.deepEqual(r.definition.origin, { kind: 'note', id: 'test.md', line: 1 });
});

/** One error: `[line, path, message]`. */
function errorOf(text: string): [number | null, string, string] {
  const r = parseBlock(text);
  assert.ok(!r.ok, 'expected an error');
  return [r.errors[0].line, r.errors[0].path, r.errors[0].message];
}

test('bad definitions: a clear error with the line and the field', () => {
  const cases: Array<[string, string, number, string, RegExp]> = [
    ['YAML error', GOOD.replace('title: Demo', 'title: [Demo'), 3, '', /^YAML: /],
    [
      'unknown instance',
      GOOD.replace('ml.t3.medium', 'ml.x9.huge'),
      12,
      'scenarios[0].lines[0].instance',
      /unknown instance "ml\.x9\.huge" for notebook in us-east-1/,
    ],
    [
      'instance not offered for the component',
      GOOD.replace('ml.t3.medium', 'ml.m5.large'),
      12,
      'scenarios[0].lines[0].instance',
      /the catalog has ml\.m5\.large, but no notebook price/,
    ],
    ['bad expression', GOOD.replace('hours * 22', 'hours * (22'), 13, 'scenarios[0].lines[0].hours', /cannot parse "hours \* \(22"/],
    ['unknown input', GOOD.replace('hours * 22', 'hoursPerDay * 22'), 13, 'scenarios[0].lines[0].hours', /unknown input "hoursPerDay" \(inputs: hours\)/],
    ['refused function', GOOD.replace('hours * 22', 'evaluate("1")'), 13, 'scenarios[0].lines[0].hours', /function "evaluate" is not allowed/],
    ['typo in a key', GOOD.replace('hours: hours * 22', 'hours: 1\n        quantty: 2'), 14, 'scenarios[0].lines[0].quantty', /Unrecognized key: "quantty"/],
    ['wrong type', GOOD.replace('default: 8', 'default: eight'), 6, 'inputs.hours.default', /expected number/],
    ['missing baseline', GOOD.replace('baseline: a', 'baseline: z'), 14, 'baseline', /no scenario "z" \(scenarios: a\)/],
    [
      'reservation on SageMaker',
      GOOD.replace('hours: hours * 22', 'hours: 1\n        pricing: {type: reservation, term: 1, payment: all}'),
      14,
      'scenarios[0].lines[0].pricing.type',
      /SageMaker has no Reserved Instances/,
    ],
    [
      'pricing type',
      GOOD.replace('hours: hours * 22', 'hours: 1\n        pricing: reserved'),
      14,
      'scenarios[0].lines[0].pricing.type',
      /Invalid discriminator value/,
    ],
    ['spot without discount', GOOD.replace('hours: hours * 22', 'hours: 1\n        pricing: spot'), 14, 'scenarios[0].lines[0].pricing.discount', /^required$/],
    ['hours not a number', GOOD.replace('hours: hours * 22', 'hours: [1]'), 13, 'scenarios[0].lines[0].hours', /expected a number or an expression/],
    ['default out of range', GOOD.replace('default: 8', 'default: 8\n    max: 4'), 6, 'inputs.hours.default', /default 8 is above max 4/],
    ['reserved word', GOOD.replace('  hours:\n', '  max:\n').replace('hours * 22', '22'), 4, 'inputs.max', /reserved word/],
    [
      'requirement form',
      GOOD.replace('hours: hours * 22', 'hours: 1\n        requirements: [ram >= 64]'),
      14,
      'scenarios[0].lines[0].requirements[0]',
      /a requirement reads "<spec> <op> <expression>"/,
    ],
    ['not a map', '- just\n- a list\n', 1, '', /a calculator definition is a YAML map/],
  ];
  for (const [name, text, line, path, message] of cases) {
    const [l, p, m] = errorOf(text);
    assert.equal(p, path, name);
    assert.match(m, message, name);
    assert.equal(l, line, name);
  }
});

test('errors in a cost block carry the line in the note; files need appliesTo', () => {
  const r = parseDefinition(GOOD.replace('hours * 22', 'nope'), { kind: 'note', id: 'aws/x.md', line: 20 }, catalog, {
    defaultId: 'cost',
    defaultTitle: 'x',
    requireAppliesTo: false,
  });
  assert.ok(!r.ok);
  assert.equal(formatDefinitionError(r.errors[0]), 'aws/x.md:32: scenarios[0].lines[0].hours: unknown input "nope" (inputs: hours)');
  const file = parseDefinition(GOOD, { kind: 'file', id: 'calculators/x.cost.yaml', line: 1 }, catalog, {
    defaultId: 'x',
    defaultTitle: 'x',
    requireAppliesTo: true,
  });
  assert.ok(!file.ok);
  assert.match(file.errors[0].message, /needs `appliesTo/);
});

test('every problem is reported, not only the first', () => {
  const r = parseBlock(GOOD.replace('ml.t3.medium', 'ml.x9.huge').replace('hours * 22', 'nope').replace('baseline: a', 'baseline: z'));
  assert.ok(!r.ok);
  assert.deepEqual(
    r.errors.map((e) => e.path),
    ['scenarios[0].lines[0].hours', 'scenarios[0].lines[0].instance', 'baseline'],
  );
});
