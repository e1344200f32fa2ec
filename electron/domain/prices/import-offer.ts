// Reads an AWS Price List offer file (the bulk API's JSON: formatVersion, offerCode, version,
// publicationDate, products, terms.OnDemand / terms.Reserved — electron/domain/README.md §4) into catalog rows.
import { z } from 'zod';
import { issueText, type CatalogOverrides, type CommitmentRate, type Component, type InstanceSpec, type OnDemandRate, type Payment } from './catalog-schema.ts';
import { DomainError } from '../domain-error.ts';

export class OfferError extends DomainError {
  constructor(message: string) {
    super('OFFER_INVALID', message);
  }
}

const Dimension = z.looseObject({
  unit: z.string(),
  pricePerUnit: z.record(z.string(), z.string()),
  description: z.string().optional(),
});
const Term = z.looseObject({
  priceDimensions: z.record(z.string(), Dimension),
  termAttributes: z.record(z.string(), z.string()).optional(),
});
const TermsBySku = z.record(z.string(), z.record(z.string(), Term));
const Offer = z.looseObject({
  formatVersion: z.string(),
  offerCode: z.string(),
  version: z.string(),
  publicationDate: z.string(),
  products: z.record(z.string(), z.looseObject({ sku: z.string(), productFamily: z.string().optional(), attributes: z.record(z.string(), z.string()) })),
  terms: z.looseObject({ OnDemand: TermsBySku.optional(), Reserved: TermsBySku.optional() }),
});
type Attributes = Record<string, string>;
type Dim = z.infer<typeof Dimension>;

const SAGEMAKER_COMPONENTS: Record<string, Component> = { notebook: 'notebook', processing: 'processing', training: 'training', hosting: 'hosting' };
const PAYMENT: Record<string, Payment> = { 'no upfront': 'no', 'partial upfront': 'partial', 'all upfront': 'all' };

interface Target {
  region: string;
  component: Component;
  instance: string;
}

/** Which catalog row a product is, or null for rows Cairn does not price. */
function targetOf(offerCode: string, family: string | undefined, a: Attributes): Target | null {
  if (offerCode === 'AmazonSageMaker' && family === 'ML Instance') {
    const component = SAGEMAKER_COMPONENTS[(a.component ?? '').toLowerCase()];
    return component && a.instanceName && a.regionCode ? { region: a.regionCode, component, instance: a.instanceName } : null;
  }
  // EC2: the plain Linux, shared-tenancy, no-extra-software price of a used instance.
  if (offerCode === 'AmazonEC2' && family === 'Compute Instance') {
    const plain = a.operatingSystem === 'Linux' && a.tenancy === 'Shared' && (a.preInstalledSw ?? 'NA') === 'NA' && (a.capacitystatus ?? 'Used') === 'Used';
    return plain && a.instanceType && a.regionCode ? { region: a.regionCode, component: 'ec2', instance: a.instanceType } : null;
  }
  return null;
}

export interface ImportedOffer {
  offer: { offerCode: string; version: string; publicationDate: string };
  overrides: CatalogOverrides;
  /** Price dimensions that are not an hourly instance price Cairn uses (storage, other OS, …). */
  skipped: number;
}

/**
 * Turns an offer file (text or parsed JSON) into catalog overrides. Throws OfferError naming the
 * first problem; nothing is half-imported.
 */
export function importOffer(input: string | unknown, importedAt = new Date().toISOString()): ImportedOffer {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (err) {
      throw new OfferError(`not JSON: ${(err as Error).message}`);
    }
  }
  const parsed = Offer.safeParse(json);
  if (!parsed.success) throw new OfferError(`not an AWS Price List offer file: ${issueText(parsed.error.issues)}`);
  const offer = parsed.data;
  if (offer.offerCode !== 'AmazonSageMaker' && offer.offerCode !== 'AmazonEC2') {
    throw new OfferError(`offer "${offer.offerCode}" is not supported (AmazonSageMaker, AmazonEC2)`);
  }
  const source = `offer ${offer.offerCode} ${offer.version}`;
  const out: CatalogOverrides = {
    sources: { [source]: `AWS Price List offer file ${offer.offerCode} version ${offer.version}, published ${offer.publicationDate}` },
    instances: {},
    onDemand: [],
    commitments: [],
    discounts: [],
    imports: [{ offerCode: offer.offerCode, version: offer.version, publicationDate: offer.publicationDate, importedAt }],
  };
  let skipped = 0;
  const official = { source, confidence: 'official' as const };

  for (const [kind, bySku] of [
    ['OnDemand', offer.terms.OnDemand ?? {}],
    ['Reserved', offer.terms.Reserved ?? {}],
  ] as const) {
    for (const [sku, terms] of Object.entries(bySku)) {
      const product = offer.products[sku];
      const target = product ? targetOf(offer.offerCode, product.productFamily, product.attributes) : null;
      for (const [code, term] of Object.entries(terms)) {
        const where = `terms.${kind}.${sku}.${code}`;
        const prices = Object.entries(term.priceDimensions).map(([rate, d]) => ({ unit: d.unit, usd: usdOf(d, `${where}.priceDimensions.${rate}`) }));
        // SageMaker has no Reserved Instances (electron/domain/README.md §4): only EC2 reserved terms are kept.
        if (!target || (kind === 'Reserved' && target.component !== 'ec2')) {
          skipped += prices.length;
          continue;
        }
        const hourly = prices.find((p) => p.unit.toLowerCase() === 'hrs');
        if (kind === 'OnDemand') {
          if (hourly) out.onDemand.push({ ...target, usdPerHour: hourly.usd, ...official } satisfies OnDemandRate);
          skipped += prices.length - (hourly ? 1 : 0);
          continue;
        }
        const commitment = reservedTerm(target, term.termAttributes ?? {}, hourly?.usd ?? 0, prices.find((p) => p.unit === 'Quantity')?.usd ?? 0, where);
        if (commitment) out.commitments.push({ ...commitment, ...official });
        else skipped += prices.length;
      }
      if (target) {
        const spec = specOf(product!.attributes);
        if (spec) out.instances[target.instance] = { ...spec, ...official };
      }
    }
  }
  if (out.onDemand.length === 0 && out.commitments.length === 0) {
    throw new OfferError(`no hourly instance prices found in ${offer.offerCode} (SageMaker "ML Instance" or EC2 Linux "Compute Instance" rows in Hrs)`);
  }
  return { offer: { offerCode: offer.offerCode, version: offer.version, publicationDate: offer.publicationDate }, overrides: out, skipped };
}

function usdOf(d: Dim, where: string): number {
  const text = d.pricePerUnit.USD;
  if (text === undefined) throw new OfferError(`${where}: no USD price`);
  const usd = Number(text);
  if (text.trim() === '' || !Number.isFinite(usd)) throw new OfferError(`${where}: USD price "${text}" is not a number`);
  if (usd < 0) throw new OfferError(`${where}: negative price ${text}`);
  return usd;
}

function reservedTerm(t: Target, a: Attributes, hourly: number, upfront: number, where: string): Omit<CommitmentRate, 'source' | 'confidence'> | null {
  // Convertible RIs cost more than standard ones; the catalog keeps the standard price.
  if ((a.OfferingClass ?? 'standard').toLowerCase() !== 'standard') return null;
  const years = /^([13])\s*yr$/i.exec(a.LeaseContractLength ?? '')?.[1];
  const payment = PAYMENT[(a.PurchaseOption ?? '').toLowerCase()];
  if (!years || !payment)
    throw new OfferError(`${where}.termAttributes: unknown LeaseContractLength "${a.LeaseContractLength}" or PurchaseOption "${a.PurchaseOption}"`);
  return { kind: 'reservation', ...t, termYears: years === '1' ? 1 : 3, payment, hourly, upfront };
}

/** vCPU, memory and GPUs when the offer states them (`"memory": "64 GiB"`); else the bundled spec stays. */
function specOf(a: Attributes): Omit<InstanceSpec, 'source' | 'confidence'> | null {
  const vcpu = Number(a.vCpu ?? a.vcpu);
  const memoryGiB = parseFloat((a.memory ?? '').replace(/,/g, ''));
  const gpus = Number(a.gpu ?? 0);
  if (!Number.isInteger(vcpu) || vcpu <= 0 || !(memoryGiB > 0) || !Number.isInteger(gpus)) return null;
  if (gpus === 0) return { vcpu, memoryGiB, gpu: null };
  const gpuMemoryGiB = parseFloat(a.gpuMemory ?? '');
  return gpuMemoryGiB > 0 ? { vcpu, memoryGiB, gpu: { count: gpus, model: a.gpuModel ?? 'GPU', memoryGiB: gpuMemoryGiB } } : null;
}
