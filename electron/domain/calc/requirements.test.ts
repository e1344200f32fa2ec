import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRequirement, violation } from './requirements.ts';

const p3 = { vcpu: 8, memoryGiB: 61, gpu: { count: 1, model: 'NVIDIA V100', memoryGiB: 16 }, source: 's', confidence: 'confirmed' as const };
const scope = new Map([['need', 64]]);
const known = new Set(['need']);

test('a requirement names the spec, the value and the bound it breaks', () => {
  const cases: Array<[string, string | null]> = [
    ['memoryGiB >= need', 'ml.p3.2xlarge has 61 GiB < 64 GiB required'],
    ['memoryGiB >= need - 4', null],
    ['gpuCount == 0', 'ml.p3.2xlarge has 1 GPU ≠ 0 GPU required'],
    ['vcpu <= 4', 'ml.p3.2xlarge has 8 vCPU > 4 vCPU allowed'],
    ['gpuMemoryGiB > 8', null],
  ];
  for (const [text, expected] of cases) assert.equal(violation(parseRequirement(text, known), 'ml.p3.2xlarge', p3, scope), expected, text);
  assert.match(violation(parseRequirement('vcpu >= 1', known), 'ml.x', undefined, scope)!, /no instance specs/);
});

test('a requirement that is not `<spec> <op> <expression>` is refused', () => {
  assert.throws(() => parseRequirement('ram >= 64', known), /spec one of memoryGiB, vcpu, gpuCount, gpuMemoryGiB/);
  assert.throws(() => parseRequirement('memoryGiB >= other', known), /unknown input "other"/);
});
