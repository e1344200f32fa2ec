import { z } from 'zod';

/** What a price is for: a SageMaker component, or a plain EC2 instance (SageMaker has no RIs). */
export const COMPONENTS = ['notebook', 'processing', 'training', 'hosting', 'ec2'] as const;
export type Component = (typeof COMPONENTS)[number];

/**
 * How far a figure can be trusted. `official`: read from an AWS Price List offer file;
 * `confirmed`: seen in two or more independent public tables (electron/domain/README.md §4 ✓);
 * `single-source`: one public table; `assumption`: our own editable choice, labelled as such.
 */
export const CONFIDENCES = ['official', 'confirmed', 'single-source', 'assumption'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const PAYMENTS = ['no', 'partial', 'all'] as const;
export type Payment = (typeof PAYMENTS)[number];
export const TERMS = [1, 3] as const;
export type TermYears = (typeof TERMS)[number];
export type CommitmentKind = 'savings-plan' | 'reservation';

const Money = z.number().finite().nonnegative();
const Sourced = {
  /** A key of `sources`. */
  source: z.string().min(1),
  confidence: z.enum(CONFIDENCES),
  note: z.string().optional(),
};
const Term = z.union([z.literal(1), z.literal(3)]);
const Kind = z.enum(['savings-plan', 'reservation']);

export const InstanceSpecSchema = z.strictObject({
  vcpu: z.number().int().positive(),
  memoryGiB: z.number().positive(),
  gpu: z.strictObject({ count: z.number().int().positive(), model: z.string(), memoryGiB: z.number().positive() }).nullable(),
  ...Sourced,
});

export const OnDemandRateSchema = z.strictObject({
  region: z.string().min(1),
  component: z.enum(COMPONENTS),
  instance: z.string().min(1),
  usdPerHour: Money,
  ...Sourced,
});

/** An exact commitment price (from an offer file's Reserved terms): hourly part + upfront fee. */
export const CommitmentRateSchema = z.strictObject({
  kind: Kind,
  region: z.string().min(1),
  component: z.enum(COMPONENTS),
  instance: z.string().min(1),
  termYears: Term,
  payment: z.enum(PAYMENTS),
  hourly: Money,
  upfront: Money,
  ...Sourced,
});

/** A discount off on-demand used when no exact commitment price is known. */
export const DiscountSchema = z.strictObject({
  kind: Kind,
  service: z.enum(['sagemaker', 'ec2']),
  termYears: Term,
  payment: z.enum(PAYMENTS),
  discount: z.number().min(0).max(1),
  ...Sourced,
});

export const OfferImportSchema = z.strictObject({
  offerCode: z.string(),
  version: z.string(),
  publicationDate: z.string(),
  importedAt: z.string(),
});

export const CatalogSchema = z.strictObject({
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  currency: z.literal('USD'),
  sources: z.record(z.string(), z.string()),
  instances: z.record(z.string(), InstanceSpecSchema),
  onDemand: z.array(OnDemandRateSchema),
  commitments: z.array(CommitmentRateSchema),
  discounts: z.array(DiscountSchema),
  /** Offer files merged in from the user's data dir, oldest first. */
  imports: z.array(OfferImportSchema),
});

/** The user's file in the data dir: any part of a catalog; its rows replace the bundled ones. */
export const OverridesSchema = z.strictObject({
  sources: z.record(z.string(), z.string()).default({}),
  instances: z.record(z.string(), InstanceSpecSchema).default({}),
  onDemand: z.array(OnDemandRateSchema).default([]),
  commitments: z.array(CommitmentRateSchema).default([]),
  discounts: z.array(DiscountSchema).default([]),
  imports: z.array(OfferImportSchema).default([]),
});

export type InstanceSpec = z.infer<typeof InstanceSpecSchema>;
export type OnDemandRate = z.infer<typeof OnDemandRateSchema>;
export type CommitmentRate = z.infer<typeof CommitmentRateSchema>;
export type Discount = z.infer<typeof DiscountSchema>;
export type OfferImport = z.infer<typeof OfferImportSchema>;
export type PriceCatalog = z.infer<typeof CatalogSchema>;
export type CatalogOverrides = z.infer<typeof OverridesSchema>;

/** The first zod issue as `path.to.field: message`, for one-line error reports. */
export function issueText(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const first = issues[0];
  const where = first.path.length ? first.path.map(String).join('.') + ': ' : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `${where}${first.message}${more}`;
}
