import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCostBlocks } from './cost-blocks.ts';
import { computeCalculator } from './engine.ts';
import { renderCostBlock } from './render-cost-block.ts';
import { catalog, parseBlock, shippedCalculator } from './test-helpers.ts';

test('a scenario rendered as a cost block parses back and prices the same, with the values shown', () => {
  const seed = shippedCalculator('sagemaker-workload-separation.cost.yaml');
  const values = { ...computeCalculator(seed, {}, catalog).inputs, prepHoursPerDay: 4 };
  const block = renderCostBlock(seed, 'D', values);
  assert.ok(block.startsWith('```cost\n') && block.endsWith('```\n'));
  const [found] = findCostBlocks(block);
  const parsed = parseBlock(found.text);
  assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
  const def = parsed.definition;
  assert.equal(def.id, 'sagemaker-workload-separation-D');
  assert.deepEqual(Object.keys(def.inputs), [
    'notebookHoursPerDay',
    'workdaysPerMonth',
    'prepHoursPerDay',
    'prepDaysPerMonth',
    'requiredMemoryGiB',
    'smallNotebookInstance',
    'commitmentTerm',
    'commitmentPayment',
    'commitmentDiscount',
  ]);
  assert.equal(def.inputs.prepHoursPerDay.default, 4);
  assert.equal(def.appliesTo, undefined);
  const original = computeCalculator(seed, { prepHoursPerDay: 4 }, catalog).scenarios.find((s) => s.id === 'D');
  assert.deepEqual(computeCalculator(def, {}, catalog).scenarios[0], original);
  assert.doesNotMatch(found.text, /on-demand/, 'the default pricing is left out');
});

test('an unknown scenario is an error', () => {
  assert.throws(() => renderCostBlock(shippedCalculator('sagemaker-workload-separation.cost.yaml'), 'Z'), /no scenario "Z"/);
});
