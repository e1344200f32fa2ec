import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, inputControls, instanceOptions, parseInputText, resolveInputs } from './inputs.ts';
import { catalog, shippedCalculator } from './test-helpers.ts';

const seed = shippedCalculator('sagemaker-workload-separation.cost.yaml');

test('instance inputs offer the catalog’s instances for their component, filtered', () => {
  const processing = seed.inputs.processingInstance;
  assert.equal(processing.type, 'instance');
  if (processing.type !== 'instance') return;
  assert.deepEqual(instanceOptions(processing, catalog, 'us-east-1'), [
    'ml.m5.large',
    'ml.m5.xlarge',
    'ml.m5.2xlarge',
    'ml.m5.4xlarge',
    'ml.r5.large',
    'ml.r5.xlarge',
    'ml.r5.2xlarge',
    'ml.r5.4xlarge',
  ]);
  assert.deepEqual(instanceOptions({ ...processing, filter: { minMemoryGiB: 64, gpu: false } }, catalog, 'us-east-1'), [
    'ml.m5.4xlarge',
    'ml.r5.2xlarge',
    'ml.r5.4xlarge',
  ]);
  assert.deepEqual(instanceOptions({ ...processing, filter: { gpu: true } }, catalog, 'us-east-1'), ['ml.g4dn.xlarge', 'ml.p3.2xlarge']);
  assert.deepEqual(instanceOptions(processing, catalog, 'ap-northeast-2'), [], 'no Seoul prices in the bundled catalog');
});

test('--set text is read as the input’s type', () => {
  const cases: Array<[string, string, unknown]> = [
    ['prepHoursPerDay', '4', 4],
    ['prepHoursPerDay', '2.5', 2.5],
    ['commitmentTerm', '1', 1],
    ['commitmentPayment', 'all', 'all'],
    ['processingInstance', 'ml.r5.4xlarge', 'ml.r5.4xlarge'],
  ];
  for (const [name, text, value] of cases) assert.deepEqual(parseInputText(seed, name, text), value, `${name}=${text}`);
  assert.ok(Number.isNaN(parseInputText(seed, 'prepHoursPerDay', 'four')));
  assert.throws(
    () => parseInputText(seed, 'nope', '1'),
    (e: unknown) => e instanceof InputError && /unknown input "nope"/.test(e.message),
  );
  assert.throws(() => resolveInputs(seed, { prepHoursPerDay: parseInputText(seed, 'prepHoursPerDay', 'four') }, catalog), /takes a number/);
});

test('controls describe every input for a UI', () => {
  const controls = inputControls(seed, resolveInputs(seed, { prepHoursPerDay: 3 }, catalog), catalog);
  const prep = controls.find((c) => c.name === 'prepHoursPerDay')!;
  assert.deepEqual([prep.value, prep.default, prep.min, prep.max, prep.step, prep.unit], [3, 2, 0, 24, 0.5, 'h/day']);
  assert.deepEqual(controls.find((c) => c.name === 'commitmentPayment')!.options, ['no', 'partial', 'all']);
  assert.ok(controls.find((c) => c.name === 'smallNotebookInstance')!.options!.includes('ml.t3.medium'));
});
