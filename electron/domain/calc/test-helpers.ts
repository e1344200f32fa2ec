// Shared by the calc tests: the shipped calculators parsed against the bundled catalog.
import { readFileSync } from 'node:fs';
import { bundledCatalog } from '../prices/load-catalog.ts';
import type { CalculatorDefinition } from './definition-schema.ts';
import { formatDefinitionError, parseDefinition } from './parse-definition.ts';

export const catalog = bundledCatalog();
export const SHIPPED = new URL('../../../notes/calculators/', import.meta.url);

export function shippedCalculator(file: string): CalculatorDefinition {
  const text = readFileSync(new URL(file, SHIPPED), 'utf8');
  const r = parseDefinition(text, { kind: 'file', id: `calculators/${file}`, line: 1 }, catalog, {
    defaultId: file,
    defaultTitle: file,
    requireAppliesTo: true,
  });
  if (!r.ok) throw new Error(r.errors.map(formatDefinitionError).join('\n'));
  return r.definition;
}

/** Parses YAML written in a test as a `cost` block of note `test.md`. */
export function parseBlock(text: string) {
  return parseDefinition(text, { kind: 'note', id: 'test.md', line: 1 }, catalog, { defaultId: 'cost', defaultTitle: 'Test', requireAppliesTo: false });
}
