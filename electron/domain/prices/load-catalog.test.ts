import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundledCatalog, defaultDataDir, loadCatalog, overridesPath, readOverrides, writeOverrides, emptyOverrides } from './load-catalog.ts';
import { onDemandRate, instanceSpec } from './catalog-lookup.ts';
import { diffCatalogs, mergeCatalog, mergeOverrides } from './merge-catalog.ts';
import { importOffer } from './import-offer.ts';

// electron/domain/README.md §4: instance, vCPU, GiB, GPU count, $/h, ✓ (confirmed).
const TABLE: Array<[string, number, number, number, number, boolean]> = [
  ['ml.t3.medium', 2, 4, 0, 0.05, false],
  ['ml.t3.large', 2, 8, 0, 0.1, true],
  ['ml.m5.large', 2, 8, 0, 0.115, true],
  ['ml.m5.xlarge', 4, 16, 0, 0.23, false],
  ['ml.m5.2xlarge', 8, 32, 0, 0.461, true],
  ['ml.m5.4xlarge', 16, 64, 0, 0.922, false],
  ['ml.r5.large', 2, 16, 0, 0.151, true],
  ['ml.r5.xlarge', 4, 32, 0, 0.302, false],
  ['ml.r5.2xlarge', 8, 64, 0, 0.605, true],
  ['ml.r5.4xlarge', 16, 128, 0, 1.21, false],
  ['ml.c5.xlarge', 4, 8, 0, 0.204, true],
  ['ml.g4dn.xlarge', 4, 16, 1, 0.736, false],
  ['ml.p3.2xlarge', 8, 61, 1, 3.825, true],
];

test('the bundled catalog is exactly the electron/domain/README.md §4 table, sourced, as of 2026-09-24', () => {
  const c = bundledCatalog();
  assert.equal(c.asOf, '2026-09-24');
  for (const [name, vcpu, gib, gpus, usd, confirmed] of TABLE) {
    const spec = instanceSpec(c, name)!;
    assert.deepEqual([spec.vcpu, spec.memoryGiB, spec.gpu?.count ?? 0], [vcpu, gib, gpus], name);
    for (const component of ['notebook', 'processing', 'training'] as const) {
      const rate = onDemandRate(c, 'us-east-1', component, name);
      if ((name === 'ml.t3.medium' && component === 'training') || (name === 'ml.m5.large' && component === 'notebook')) {
        assert.equal(rate, undefined, `${name} is not offered for ${component}`);
        continue;
      }
      assert.equal(rate?.usdPerHour, usd, `${name} ${component}`);
      assert.equal(rate?.confidence, confirmed ? 'confirmed' : 'single-source', `${name} ${component}`);
    }
    assert.equal(onDemandRate(c, 'us-east-1', 'hosting', name)?.confidence, 'assumption', 'hosting rates were not checked one by one');
  }
  assert.equal(onDemandRate(c, 'us-east-1', 'ec2', 'r5.2xlarge')?.usdPerHour, 0.504);
  for (const row of [...c.onDemand, ...c.discounts, ...Object.values(c.instances)]) {
    assert.ok(c.sources[row.source], `source "${row.source}" is described`);
  }
  assert.deepEqual(
    c.discounts.map((d) => [d.kind, d.discount, d.confidence]),
    [
      ['savings-plan', 0.64, 'assumption'],
      ['reservation', 0.72, 'assumption'],
    ],
  );
});

test('the data dir is $CAIRN_DATA_DIR, else ~/.config/cairn', () => {
  assert.equal(defaultDataDir({ CAIRN_DATA_DIR: '/tmp/x' }, '/home/u'), '/tmp/x');
  assert.equal(defaultDataDir({}, '/home/u'), path.join('/home/u', '.config', 'cairn'));
});

test('user overrides merge over the bundled catalog; the shipped file is never written', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-prices-'));
  const shipped = new URL('./catalog.json', import.meta.url);
  const before = await readFile(shipped, 'utf8');
  try {
    const { overrides } = importOffer(await readFile(new URL('./fixtures/sagemaker-offer.json', import.meta.url), 'utf8'), '2026-10-01T00:00:00.000Z');
    const file = overridesPath(dir);
    await writeOverrides(file, mergeOverrides(await readOverrides(file), overrides));
    const { catalog, warnings } = await loadCatalog(dir);
    assert.deepEqual(warnings, []);
    assert.equal(onDemandRate(catalog, 'us-east-1', 'processing', 'ml.r5.2xlarge')?.usdPerHour, 0.61);
    assert.equal(onDemandRate(catalog, 'us-east-1', 'notebook', 'ml.m5.4xlarge')?.usdPerHour, 0.922, 'rows not in the offer stay');
    assert.equal(catalog.imports.length, 1);
    assert.equal(await readFile(shipped, 'utf8'), before);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an invalid overrides file is ignored with a warning, never fatal', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-prices-'));
  try {
    await writeFile(overridesPath(dir), '{"onDemand": [{"region": "us-east-1"}]}');
    const { catalog, warnings } = await loadCatalog(dir);
    assert.equal(catalog.onDemand.length, bundledCatalog().onDemand.length);
    assert.match(warnings[0], /price-overrides\.json: onDemand\.0\.component: /);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('diffCatalogs reports added and changed rows', () => {
  const base = bundledCatalog();
  const { overrides } = importOffer(readFileSync(new URL('./fixtures/sagemaker-offer.json', import.meta.url), 'utf8'));
  const diff = diffCatalogs(base, mergeCatalog(base, overrides));
  const changed = diff.changes.filter((c) => c.kind === 'changed').map((c) => `${c.key}: ${c.before} → ${c.after}`);
  assert.deepEqual(changed, ['on-demand us-east-1 processing ml.r5.2xlarge: $0.605/h → $0.61/h']);
  const added = diff.changes
    .filter((c) => c.kind === 'added')
    .map((c) => c.key)
    .sort();
  assert.deepEqual(added, ['instance ml.r5.8xlarge', 'on-demand ap-northeast-2 notebook ml.t3.medium', 'on-demand us-east-1 processing ml.r5.8xlarge']);
  assert.deepEqual(diffCatalogs(base, mergeCatalog(base, emptyOverrides())).changes, []);
});
