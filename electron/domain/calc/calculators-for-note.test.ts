import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { Vault } from '../vault/vault.ts';
import { CalcError } from './calc-types.ts';
import { calculatorsForNote } from './calculators-for-note.ts';
import { computeCalculator } from './engine.ts';
import { formatDefinitionError } from './parse-definition.ts';
import { catalog } from './test-helpers.ts';

const fixtureVault = () => Vault.open(fileURLToPath(new URL('./fixtures/vault', import.meta.url)));

test('a note gets its cost blocks and the calculator files matching its tags (hierarchically)', async () => {
  const vault = await fixtureVault();
  const { definitions, errors } = await calculatorsForNote(vault, 'training/spot-note.md', catalog);
  assert.deepEqual(
    definitions.map((d) => [d.id, d.origin.kind, d.origin.id]),
    [
      ['cost', 'note', 'training/spot-note.md'],
      ['service-wide', 'file', 'calculators/service-wide.cost.yaml'], // appliesTo `Service` ⊇ service/sagemaker-training/spot
    ],
  );
  assert.equal(definitions[0].origin.line, 9, 'the block’s YAML starts on line 9 of the note');
  const r = computeCalculator(definitions[0], {}, catalog);
  assert.deepEqual(
    r.scenarios.map((s) => s.monthly),
    [2.3, 1.15],
  );
  assert.equal(r.cheapest, 'spot');
  // The broken block is reported with its line in the note; the broken topic/other file is not.
  assert.deepEqual(errors.map(formatDefinitionError), [
    'training/spot-note.md:36: scenarios[0].lines[0].hours: unknown input "jobHours"',
    'calculators/unparseable.cost.yaml:3: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  ]);
});

test('a calculator file whose YAML does not parse is reported on every note; others only where they apply', async () => {
  const vault = await fixtureVault();
  const { definitions, errors } = await calculatorsForNote(vault, 'plain.md', catalog);
  assert.deepEqual(definitions, []);
  assert.deepEqual(
    errors.map((e) => e.source),
    ['calculators/unparseable.cost.yaml'],
  );
  await assert.rejects(calculatorsForNote(vault, 'missing.md', catalog), CalcError);
});

test('shipped vault: the seed note gets its calculator, and every shipped calculator applies to a note', async () => {
  const vault = await Vault.open(fileURLToPath(new URL('../../../notes', import.meta.url)));
  const seed = await calculatorsForNote(vault, 'aws/cost-sagemaker-processing-optimization.md', catalog);
  assert.deepEqual(seed.errors, []);
  assert.deepEqual(
    seed.definitions.map((d) => d.id),
    ['sagemaker-workload-separation'],
  );
  const used = new Set<string>();
  for (const note of vault.allNotes()) {
    const { definitions, errors } = await calculatorsForNote(vault, note.id, catalog);
    assert.deepEqual(errors.map(formatDefinitionError), [], note.id);
    definitions.forEach((d) => used.add(d.id));
  }
  const files = vault.allFileIds().filter((id) => id.endsWith('.cost.yaml'));
  assert.equal(used.size, files.length, `calculators without a note: ${files.join(', ')} vs ${[...used].join(', ')}`);
});
