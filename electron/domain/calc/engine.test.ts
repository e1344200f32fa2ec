import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { importOffer } from '../prices/import-offer.ts';
import { mergeCatalog } from '../prices/merge-catalog.ts';
import { CalcError } from './calc-types.ts';
import { computeCalculator } from './engine.ts';
import { InputError } from './inputs.ts';
import { catalog, parseBlock, SHIPPED, shippedCalculator } from './test-helpers.ts';

const seed = shippedCalculator('sagemaker-workload-separation.cost.yaml');
const byId = (r: ReturnType<typeof computeCalculator>) => Object.fromEntries(r.scenarios.map((s) => [s.id, s]));

test('the seed calculator gives electron/domain/README.md §4 to the cent', () => {
  const r = computeCalculator(seed, {}, catalog);
  const s = byId(r);
  assert.deepEqual(Object.fromEntries(r.scenarios.map((x) => [x.id, x.monthly])), { today: 673.06, A: 285.56, B: 391.77, C: 45.1, D: 111.82 });
  assert.equal(r.baseline, 'today');
  assert.equal(r.cheapest, 'C');
  assert.ok(s.D.monthly > s.C.monthly, 'D (a reservation billed 730 h) costs more than C');
  assert.deepEqual(r.savingsVsBaseline?.C, { amount: 627.96, percent: 93.3 });
  assert.deepEqual(s.B.violations, ['ml.p3.2xlarge has 61 GiB < 64 GiB required']);
  assert.equal(s.B.meetsRequirements, false);
  assert.ok(['today', 'A', 'C', 'D'].every((id) => s[id].meetsRequirements));
  assert.deepEqual(
    s.A.lines.map((l) => [l.instance, l.hours]),
    [['ml.r5.4xlarge', 236]],
  );
  assert.deepEqual(
    s.C.lines.map((l) => l.math),
    ['176 h × $0.05/h = $8.80', '60 h × $0.605/h = $36.30'],
  );
  assert.equal(s.D.lines[1].math, '730 h billed (60 h used) × $0.504/h × (1 − 72%) = $103.02');
  assert.deepEqual([s.D.lines[1].component, s.D.lines[1].instance, s.D.lines[1].billedHours, s.D.lines[1].cost], ['ec2', 'r5.2xlarge', 730, 103.02]);
  assert.deepEqual([s.today.upfront, s.today.total12], [0, 8076.72]);
});

test('prepHoursPerDay=4 changes every option that runs data preparation, consistently', () => {
  const s = byId(computeCalculator(seed, { prepHoursPerDay: 4 }, catalog));
  assert.deepEqual(s.C.lines[1].hours, 120, 'C processing doubles to 120 h');
  assert.equal(s.C.monthly, 81.4); // 8.80 + 120 × 0.605
  assert.equal(s.A.monthly, 358.16); // 296 h × 1.21
  assert.equal(s.B.monthly, 621.27); // 162.272 + 120 × 3.825
  assert.equal(s.today.monthly, 673.06, 'always on: unchanged');
  assert.equal(s.D.monthly, 111.82, 'a reservation bills 730 h whatever the use');
  assert.equal(s.D.lines[1].hours, 120);
});

test('an instance input that breaks a requirement moves the cheapest scenario', () => {
  const r = computeCalculator(seed, { processingInstance: 'ml.m5.2xlarge' }, catalog);
  assert.deepEqual(byId(r).C.violations, ['ml.m5.2xlarge has 32 GiB < 64 GiB required']);
  assert.equal(r.cheapest, 'D');
});

test('upfront payment: upfront, monthly, 12-month total and the amortised rate', () => {
  const d = byId(computeCalculator(seed, { commitmentPayment: 'all', commitmentTerm: 3 }, catalog)).D;
  // 0.504 × 0.28 = $0.14112/h effective, all paid upfront for 3 × 8760 h.
  assert.equal(d.upfront, 3708.63);
  assert.equal(d.monthly, 8.8);
  assert.equal(d.amortizedMonthly, 111.82);
  assert.equal(d.total12, 3814.23); // upfront + 12 × monthly (AWS Pricing Calculator)
  assert.equal(d.lines[1].rate, 0.14112);
  const partial = byId(computeCalculator(seed, { commitmentPayment: 'partial', commitmentTerm: 1 }, catalog)).D;
  assert.deepEqual([partial.upfront, partial.monthly, partial.amortizedMonthly], [618.11, 60.31, 111.82]);
});

test('an exact reserved price from an imported offer is amortised: hourly + upfront / (8760 × years)', () => {
  const ec2 = mergeCatalog(catalog, importOffer(readFileSync(new URL('../prices/fixtures/ec2-offer.json', import.meta.url), 'utf8')).overrides);
  const parsed = parseBlock(`
scenarios:
  - id: ri
    label: RI
    lines:
      - component: ec2
        instance: r5.2xlarge
        hours: 100
        pricing: {type: reservation, term: 1, payment: partial}
`);
  assert.ok(parsed.ok);
  const line = computeCalculator(parsed.definition, {}, ec2).scenarios[0].lines[0];
  const rate = 0.148 + 1300 / 8760;
  assert.equal(line.rate, Math.round(rate * 1e6) / 1e6);
  assert.deepEqual([line.upfront, line.monthly, line.cost], [1300, 108.04, 216.37]);
  assert.equal(line.math, '730 h billed (100 h used) × ($0.148/h + $1,300.00 ÷ (8760 h × 1)) = $216.37 a month amortised ($1,300.00 upfront + $108.04/month)');
  assert.equal(line.breakEven?.utilisation, Math.round((rate / 0.504) * 1e4) / 1e4);
  assert.equal(line.sources.at(-1)?.confidence, 'official');
  // Without the import there is no 1-year partial-upfront price nor discount.
  assert.throws(
    () => computeCalculator(parsed.definition, {}, catalog),
    (e: unknown) =>
      e instanceof CalcError && /scenarios\[0\]\.lines\[0\]\.pricing: no 1-year partial-upfront reservation price or discount for r5\.2xlarge/.test(e.message),
  );
});

test('the catalog discount assumption prices a commitment without its own discount', () => {
  const parsed = parseBlock(`
scenarios:
  - id: sp
    label: SP
    lines:
      - component: training
        instance: ml.m5.xlarge
        hours: 730
        pricing: {type: savings-plan, term: 3, payment: all}
`);
  assert.ok(parsed.ok);
  const line = computeCalculator(parsed.definition, {}, catalog).scenarios[0].lines[0];
  assert.equal(line.cost, 60.44); // 0.23 × 0.36 × 730
  assert.deepEqual(
    line.sources.map((s) => s.confidence),
    ['single-source', 'assumption'],
  );
});

test('bad overrides are InputErrors', () => {
  const bad: Array<[Record<string, unknown>, RegExp]> = [
    [{ nope: 1 }, /unknown input "nope"/],
    [{ prepHoursPerDay: 25 }, /prepHoursPerDay is at most 24/],
    [{ prepHoursPerDay: '2' }, /takes a number/],
    [{ processingInstance: 'ml.p3.2xlarge' }, /processingInstance is one of ml\.m5\.large, /],
    [{ commitmentPayment: 'some' }, /commitmentPayment is one of no, partial, all/],
  ];
  for (const [overrides, message] of bad)
    assert.throws(
      () => computeCalculator(seed, overrides, catalog),
      (e: unknown) => e instanceof InputError && message.test(e.message),
    );
});

test('every shipped calculator computes with its defaults', () => {
  const files = readdirSync(SHIPPED).filter((f) => f.endsWith('.cost.yaml'));
  assert.ok(files.length >= 4);
  for (const file of files) {
    const r = computeCalculator(shippedCalculator(file), {}, catalog);
    assert.ok(r.baseline && r.cheapest, file);
    for (const s of r.scenarios) assert.ok(Number.isFinite(s.monthly) && s.lines.every((l) => l.math.includes('= $')), `${file} ${s.id}`);
  }
  const sp = computeCalculator(shippedCalculator('sagemaker-savings-plan-break-even.cost.yaml'), { utilisationPercent: 30 }, catalog);
  assert.equal(sp.scenarios[1].lines[0].breakEven?.utilisation, 0.36, 'break-even at 1 − 64% of the month');
  assert.equal(sp.cheapest, 'on-demand', 'below break-even, on-demand wins');
});
