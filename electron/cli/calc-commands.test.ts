import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli.ts';

const FIXTURES = fileURLToPath(new URL('../domain/prices/fixtures/', import.meta.url));
const saved = process.env.CAIRN_DATA_DIR;
let dataDir = '';

before(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'cairn-calc-cli-'));
  process.env.CAIRN_DATA_DIR = dataDir;
});
after(() => {
  rmSync(dataDir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.CAIRN_DATA_DIR;
  else process.env.CAIRN_DATA_DIR = saved;
});

/** Runs `cairn` on the shipped vault. */
async function cairn(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

test('cairn calc NOTE --json: the seed scenarios, cheapest and savings', async () => {
  const { code, out, err } = await cairn('calc', 'aws/cost-sagemaker-processing-optimization.md', '--json');
  assert.equal(code, 0, err);
  const r = JSON.parse(out);
  assert.equal(r.calculator.id, 'sagemaker-workload-separation');
  assert.deepEqual(
    r.scenarios.map((s: { id: string; monthly: number }) => [s.id, s.monthly]),
    [
      ['today', 673.06],
      ['A', 285.56],
      ['B', 391.77],
      ['C', 45.1],
      ['D', 111.82],
    ],
  );
  assert.deepEqual([r.baseline, r.cheapest, r.savingsVsBaseline.C.percent], ['today', 'C', 93.3]);
  const line = r.scenarios[3].lines[1];
  assert.deepEqual(Object.keys(line).slice(0, 3), ['label', 'component', 'instance']);
  assert.deepEqual([line.hours, line.rate, line.cost, line.math], [60, 0.605, 36.3, '60 h × $0.605/h = $36.30']);
});

test('cairn calc --set changes inputs; a readable table without --json', async () => {
  const { code, out } = await cairn('calc', 'sagemaker-cost', '--set', 'prepHoursPerDay=4');
  assert.equal(code, 0);
  assert.match(out, /120 h × \$0\.605\/h = \$72\.60/);
  assert.match(out, /✗ ml\.p3\.2xlarge has 61 GiB < 64 GiB required/);
  assert.match(out, /cheapest meeting the requirements: C: .*\$81\.40 a month/);
});

test('bad --set names and values are usage errors (exit 1)', async () => {
  for (const args of [
    ['--set', 'nope=1'],
    ['--set', 'prepHoursPerDay=four'],
    ['--set', 'prepHoursPerDay'],
    ['--set', 'processingInstance=ml.p9.mega'],
    ['--calculator', 'nope'],
  ]) {
    const { code, err } = await cairn('calc', 'sagemaker-cost', ...args);
    assert.equal(code, 1, args.join(' '));
    assert.match(err, /^cairn calc: /, args.join(' '));
  }
  const none = await cairn('calc', 'no such note');
  assert.equal(none.code, 1);
});

test('cairn prices import writes the user catalog and prints what changed; bad files write nothing', async () => {
  const file = path.join(dataDir, 'price-overrides.json');
  for (const bad of ['offer-not-json.json', 'offer-wrong-shape.json', 'offer-negative-price.json', 'offer-missing-usd.json']) {
    const { code, err } = await cairn('prices', 'import', path.join(FIXTURES, bad));
    assert.equal(code, 1, bad);
    assert.match(err, /\(nothing written\)$/, bad);
    assert.equal(existsSync(file), false, bad);
  }
  const { code, out } = await cairn('prices', 'import', path.join(FIXTURES, 'sagemaker-offer.json'));
  assert.equal(code, 0);
  assert.match(out, /3 added, 1 changed, \d+ unchanged/);
  assert.match(out, /~ on-demand us-east-1 processing ml\.r5\.2xlarge: \$0\.605\/h → \$0\.61\/h/);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).imports.length, 1);

  const shown = JSON.parse((await cairn('prices', 'show', '--json')).out);
  assert.equal(shown.asOf, '2026-09-24');
  assert.equal(
    shown.onDemand.find((r: { instance: string; component: string }) => r.instance === 'ml.r5.2xlarge' && r.component === 'processing').usdPerHour,
    0.61,
  );
  const calc = JSON.parse((await cairn('calc', 'sagemaker-cost', '--json')).out);
  assert.equal(calc.scenarios[3].monthly, 45.4, 'the imported price is used');
});
