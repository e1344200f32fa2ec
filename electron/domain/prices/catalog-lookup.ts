import type { CommitmentKind, Component, PriceCatalog, InstanceSpec, OnDemandRate, CommitmentRate, Discount, Payment, TermYears } from './catalog-schema.ts';

export function onDemandRate(catalog: PriceCatalog, region: string, component: Component, instance: string): OnDemandRate | undefined {
  return catalog.onDemand.find((r) => r.region === region && r.component === component && r.instance === instance);
}

export function instanceSpec(catalog: PriceCatalog, instance: string): InstanceSpec | undefined {
  return Object.hasOwn(catalog.instances, instance) ? catalog.instances[instance] : undefined;
}

/** Instances with an on-demand price for this component and region, in catalog order. */
export function instancesFor(catalog: PriceCatalog, region: string, component: Component): string[] {
  return catalog.onDemand.filter((r) => r.region === region && r.component === component).map((r) => r.instance);
}

export interface CommitmentQuery {
  kind: CommitmentKind;
  region: string;
  component: Component;
  instance: string;
  termYears: TermYears;
  payment: Payment;
}

export function commitmentRate(catalog: PriceCatalog, q: CommitmentQuery): CommitmentRate | undefined {
  return catalog.commitments.find(
    (c) =>
      c.kind === q.kind &&
      c.region === q.region &&
      c.component === q.component &&
      c.instance === q.instance &&
      c.termYears === q.termYears &&
      c.payment === q.payment,
  );
}

export function discountAssumption(catalog: PriceCatalog, q: Omit<CommitmentQuery, 'region' | 'instance'>): Discount | undefined {
  const service = q.component === 'ec2' ? 'ec2' : 'sagemaker';
  return catalog.discounts.find((d) => d.kind === q.kind && d.service === service && d.termYears === q.termYears && d.payment === q.payment);
}

export function sourceText(catalog: PriceCatalog, key: string): string {
  return Object.hasOwn(catalog.sources, key) ? catalog.sources[key] : key;
}
