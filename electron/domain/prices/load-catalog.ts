import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import bundledJson from './catalog.json' with { type: 'json' };
import { CatalogSchema, OverridesSchema, issueText, type CatalogOverrides, type PriceCatalog } from './catalog-schema.ts';
import { mergeCatalog } from './merge-catalog.ts';
import { DomainError } from '../domain-error.ts';

export class CatalogError extends DomainError {
  constructor(message: string) {
    super('CATALOG_INVALID', message);
  }
}

/** The price catalog shipped with the app (read-only: imports go to the user's data dir). */
export function bundledCatalog(): PriceCatalog {
  const parsed = CatalogSchema.safeParse(bundledJson);
  if (!parsed.success) throw new CatalogError(`bundled catalog.json is invalid: ${issueText(parsed.error.issues)}`);
  return parsed.data;
}

export { defaultDataDir } from '../data-dir.ts';

export function overridesPath(dataDir: string): string {
  return path.join(dataDir, 'price-overrides.json');
}

export const emptyOverrides = (): CatalogOverrides => ({ sources: {}, instances: {}, onDemand: [], commitments: [], discounts: [], imports: [] });

/** The user's overrides, or empty ones when the file does not exist. Throws CatalogError when it is unreadable or invalid. */
export async function readOverrides(file: string): Promise<CatalogOverrides> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return emptyOverrides();
    throw new CatalogError(`${file}: cannot read: ${(err as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CatalogError(`${file}: not JSON: ${(err as Error).message}`);
  }
  const parsed = OverridesSchema.safeParse(json);
  if (!parsed.success) throw new CatalogError(`${file}: ${issueText(parsed.error.issues)}`);
  return parsed.data;
}

/** Writes the overrides beside the old file and renames it in place, so a crash never leaves half a file. */
export async function writeOverrides(file: string, overrides: CatalogOverrides): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(overrides, null, 2) + '\n', 'utf8');
  await rename(tmp, file);
}

export interface LoadedCatalog {
  catalog: PriceCatalog;
  /** Problems that were worked around (an invalid overrides file is ignored, never fatal). */
  warnings: string[];
}

export async function loadCatalog(dataDir: string): Promise<LoadedCatalog> {
  const base = bundledCatalog();
  try {
    return { catalog: mergeCatalog(base, await readOverrides(overridesPath(dataDir))), warnings: [] };
  } catch (err) {
    if (!(err instanceof CatalogError)) throw err;
    return { catalog: base, warnings: [`user price overrides ignored: ${err.message}`] };
  }
}
