import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importOffer, OfferError } from './import-offer.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const AT = '2026-10-01T00:00:00.000Z';

test('a SageMaker offer file becomes on-demand rows per component and region, with specs', () => {
  const { offer, overrides, skipped } = importOffer(fixture('sagemaker-offer.json'), AT);
  assert.deepEqual(offer, { offerCode: 'AmazonSageMaker', version: '20260924000000', publicationDate: '2026-09-24T00:00:00Z' });
  const rows = overrides.onDemand.map((r) => `${r.region} ${r.component} ${r.instance} ${r.usdPerHour}`).sort();
  assert.deepEqual(rows, [
    'ap-northeast-2 notebook ml.t3.medium 0.065',
    'us-east-1 notebook ml.t3.medium 0.05',
    'us-east-1 processing ml.r5.2xlarge 0.61',
    'us-east-1 processing ml.r5.8xlarge 2.419',
    'us-east-1 training ml.g4dn.xlarge 0.736',
  ]);
  assert.ok(overrides.onDemand.every((r) => r.confidence === 'official' && overrides.sources[r.source]?.includes('published 2026-09-24')));
  assert.deepEqual(overrides.instances['ml.r5.8xlarge'], {
    vcpu: 32,
    memoryGiB: 256,
    gpu: null,
    source: 'offer AmazonSageMaker 20260924000000',
    confidence: 'official',
  });
  assert.deepEqual(overrides.instances['ml.g4dn.xlarge'].gpu, { count: 1, model: 'NVIDIA T4', memoryGiB: 16 });
  assert.equal(skipped, 1, 'the storage row (GB-Mo) is skipped');
  assert.deepEqual(overrides.imports, [{ offerCode: 'AmazonSageMaker', version: '20260924000000', publicationDate: '2026-09-24T00:00:00Z', importedAt: AT }]);
});

test('an EC2 offer file gives the Linux on-demand price and its standard reserved term', () => {
  const { overrides, skipped } = importOffer(JSON.parse(fixture('ec2-offer.json')), AT);
  assert.deepEqual(
    overrides.onDemand.map((r) => [r.component, r.instance, r.usdPerHour]),
    [['ec2', 'r5.2xlarge', 0.504]],
  );
  assert.equal(overrides.commitments.length, 1);
  const { kind, termYears, payment, hourly, upfront, instance } = overrides.commitments[0];
  assert.deepEqual(
    { kind, termYears, payment, hourly, upfront, instance },
    { kind: 'reservation', termYears: 1, payment: 'partial', hourly: 0.148, upfront: 1300, instance: 'r5.2xlarge' },
  );
  assert.equal(skipped, 1, 'the Windows row is skipped');
});

const malformed: Array<[string, RegExp]> = [
  ['offer-not-json.json', /^not JSON: /],
  ['offer-wrong-shape.json', /^not an AWS Price List offer file: products: /],
  [
    'offer-negative-price.json',
    /terms\.OnDemand\.SMPRR52XL\.SMPRR52XL\.JRTCKXETXF\.priceDimensions\.SMPRR52XL\.JRTCKXETXF\.6YS6EN2CT7: negative price -0\.605/,
  ],
  ['offer-missing-usd.json', /terms\.OnDemand\.SMPRR52XL\..*: no USD price/],
];
for (const [name, message] of malformed) {
  test(`malformed offer ${name} is refused with a clear error`, () => {
    assert.throws(
      () => importOffer(fixture(name), AT),
      (err: unknown) => err instanceof OfferError && message.test(err.message),
    );
  });
}

test('unsupported offers and offers without hourly instance rows are refused', () => {
  const base = { formatVersion: 'v1.0', version: '1', publicationDate: '2026-09-24T00:00:00Z', products: {}, terms: {} };
  assert.throws(() => importOffer({ ...base, offerCode: 'AmazonS3' }), /offer "AmazonS3" is not supported/);
  assert.throws(() => importOffer({ ...base, offerCode: 'AmazonSageMaker' }), /no hourly instance prices found/);
});
