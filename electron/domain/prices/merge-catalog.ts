import type { CatalogOverrides, CommitmentRate, Discount, InstanceSpec, OnDemandRate, PriceCatalog } from './catalog-schema.ts';

// Row identity: an override replaces the bundled row with the same key, and adds the rest.
const onDemandKey = (r: OnDemandRate) => `on-demand ${r.region} ${r.component} ${r.instance}`;
const commitmentKey = (r: CommitmentRate) => `${r.kind} ${r.region} ${r.component} ${r.instance} ${r.termYears}y ${r.payment}-upfront`;
const discountKey = (r: Discount) => `discount ${r.kind} ${r.service} ${r.termYears}y ${r.payment}-upfront`;

function mergeRows<T>(base: T[], over: T[], key: (r: T) => string): T[] {
  const out = new Map(base.map((r) => [key(r), r]));
  for (const r of over) out.set(key(r), r);
  return [...out.values()];
}

/** The bundled catalog with the user's overrides on top. Neither input is changed. */
export function mergeCatalog(base: PriceCatalog, over: CatalogOverrides): PriceCatalog {
  return {
    ...base,
    sources: { ...base.sources, ...over.sources },
    instances: { ...base.instances, ...over.instances },
    onDemand: mergeRows(base.onDemand, over.onDemand, onDemandKey),
    commitments: mergeRows(base.commitments, over.commitments, commitmentKey),
    discounts: mergeRows(base.discounts, over.discounts, discountKey),
    imports: [...base.imports, ...over.imports],
  };
}

/** Adds `next` to the user's overrides (its rows win over older ones). */
export function mergeOverrides(old: CatalogOverrides, next: CatalogOverrides): CatalogOverrides {
  return {
    sources: { ...old.sources, ...next.sources },
    instances: { ...old.instances, ...next.instances },
    onDemand: mergeRows(old.onDemand, next.onDemand, onDemandKey),
    commitments: mergeRows(old.commitments, next.commitments, commitmentKey),
    discounts: mergeRows(old.discounts, next.discounts, discountKey),
    imports: [...old.imports, ...next.imports],
  };
}

export interface CatalogChange {
  key: string;
  kind: 'added' | 'changed';
  before: string | null;
  after: string;
}

export interface CatalogDiff {
  changes: CatalogChange[];
  unchanged: number;
}

/** What `after` adds or changes in prices and specs compared with `before` (sources aside). */
export function diffCatalogs(before: PriceCatalog, after: PriceCatalog): CatalogDiff {
  const old = describeRows(before);
  const changes: CatalogChange[] = [];
  let unchanged = 0;
  for (const [key, value] of describeRows(after)) {
    const prev = old.get(key);
    if (prev === undefined) changes.push({ key, kind: 'added', before: null, after: value });
    else if (prev !== value) changes.push({ key, kind: 'changed', before: prev, after: value });
    else unchanged++;
  }
  return { changes, unchanged };
}

function describeRows(c: PriceCatalog): Map<string, string> {
  const rows = new Map<string, string>();
  for (const r of c.onDemand) rows.set(onDemandKey(r), `$${r.usdPerHour}/h`);
  for (const r of c.commitments) rows.set(commitmentKey(r), `$${r.hourly}/h + $${r.upfront} upfront`);
  for (const r of c.discounts) rows.set(discountKey(r), `${r.discount * 100}%`);
  for (const [name, s] of Object.entries(c.instances)) rows.set(`instance ${name}`, describeSpec(s));
  return rows;
}

function describeSpec(s: InstanceSpec): string {
  const gpu = s.gpu ? `, ${s.gpu.count}× ${s.gpu.model} ${s.gpu.memoryGiB} GiB` : '';
  return `${s.vcpu} vCPU, ${s.memoryGiB} GiB${gpu}`;
}
