// YAML text → a checked CalculatorDefinition, or errors that name the file or note, the line and
// the field (`scenarios[2].lines[0].hours`). Never throws on bad input.
import type { PriceCatalog } from '../prices/catalog-schema.ts';
import { checkDefinition, formatPath } from './check-definition.ts';
import { DefinitionSchema, type CalculatorDefinition, type DefinitionOrigin } from './definition-schema.ts';
import { lineOfPath, parseYaml, YamlError } from './yaml-text.ts';

export interface DefinitionError {
  /** Vault-relative id of the calculator file or note. */
  source: string;
  /** 1-based line in that file, when known. */
  line: number | null;
  /** Field path, e.g. `scenarios[2].lines[0].hours`; '' for the whole definition. */
  path: string;
  message: string;
}

export type ParsedDefinition = { ok: true; definition: CalculatorDefinition } | { ok: false; errors: DefinitionError[] };

export interface ParseOptions {
  /** Used when a `cost` block has no `id` / `title`. */
  defaultId: string;
  defaultTitle: string;
  /** Calculator files must say which notes they apply to. */
  requireAppliesTo: boolean;
}

export function parseDefinition(text: string, origin: DefinitionOrigin, catalog: PriceCatalog, options: ParseOptions): ParsedDefinition {
  const fail = (items: Array<{ path: Array<string | number>; message: string; line?: number }>): ParsedDefinition => ({
    ok: false,
    errors: items.map((p) => ({
      source: origin.id,
      line: origin.line - 1 + (p.line ?? lineOfPath(text, p.path)),
      path: formatPath(p.path),
      message: p.message,
    })),
  });

  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (err) {
    if (err instanceof YamlError) return fail([{ path: [], message: `YAML: ${err.message}`, line: err.line }]);
    throw err;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return fail([{ path: [], message: 'a calculator definition is a YAML map (id, title, inputs, scenarios, …)', line: 1 }]);

  const parsed = DefinitionSchema.safeParse(raw);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((issue) => {
        const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
        // zod reports unknown keys on their parent; point at the key itself.
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        return { path: keys.length ? [...path, keys[0]] : path, message: issue.message };
      }),
    );
  }
  const { id, title, ...rest } = parsed.data;
  if (options.requireAppliesTo && !rest.appliesTo) return fail([{ path: [], message: 'a calculator file needs `appliesTo: {tags: [...]}`', line: 1 }]);
  const definition: CalculatorDefinition = { ...rest, id: id ?? options.defaultId, title: title ?? options.defaultTitle, origin };
  const problems = checkDefinition(definition, catalog);
  return problems.length ? fail(problems) : { ok: true, definition };
}

/** `notes/calculators/x.cost.yaml:12: scenarios[2].lines[0].hours: unknown input "prepHours"`. */
export function formatDefinitionError(e: DefinitionError): string {
  return `${e.source}${e.line ? `:${e.line}` : ''}: ${e.path ? `${e.path}: ` : ''}${e.message}`;
}
