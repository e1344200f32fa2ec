// Which calculators a note has: its own `cost` blocks, then every calculator file of the vault
// (`*.cost.yaml`, conventionally under calculators/) whose appliesTo.tags names one of the note's
// tags or an ancestor of one (`service` matches `service/sagemaker-processing`).
import { readFile, stat } from 'node:fs/promises';
import type { PriceCatalog } from '../prices/catalog-schema.ts';
import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';
import type { Vault } from '../vault/vault.ts';
import { CalcError } from './calc-types.ts';
import { CALCULATOR_FILE, findCostBlocks } from './cost-blocks.ts';
import type { CalculatorDefinition } from './definition-schema.ts';
import { parseDefinition, type DefinitionError } from './parse-definition.ts';
import { parseYaml } from './yaml-text.ts';

/** The part of a Vault this module reads. */
export type CalcVault = Pick<Vault, 'getNote' | 'allFileIds' | 'absPath'>;

export interface NoteCalculators {
  definitions: CalculatorDefinition[];
  errors: DefinitionError[];
}

export { CALCULATOR_FILE };
const MAX_FILE_BYTES = 256 * 1024;

/** Throws CalcError when the note does not exist. */
export async function calculatorsForNote(vault: CalcVault, noteId: string, catalog: PriceCatalog): Promise<NoteCalculators> {
  const note = vault.getNote(noteId);
  if (!note) throw new CalcError(`no note "${noteId}"`);
  const out: NoteCalculators = { definitions: [], errors: [] };

  findCostBlocks(note.body).forEach((block, i) => {
    const n = i === 0 ? '' : `-${i + 1}`;
    const origin = { kind: 'note' as const, id: note.id, line: note.bodyStartLine + block.line - 1 };
    const r = parseDefinition(block.text, origin, catalog, {
      defaultId: `cost${n}`,
      defaultTitle: `${note.title}${n && ` (${i + 1})`}`,
      requireAppliesTo: false,
    });
    if (r.ok) out.definitions.push(r.definition);
    else out.errors.push(...r.errors);
  });

  const tags = new Set(note.tags.flatMap(tagWithAncestors).map(tagKey));
  const applies = (wanted: readonly string[]) => wanted.some((t) => tags.has(tagKey(t.replace(/^#/, ''))));
  for (const id of vault
    .allFileIds()
    .filter((f) => CALCULATOR_FILE.test(f))
    .sort()) {
    const text = await readCalculatorFile(vault, id);
    if (typeof text !== 'string') {
      out.errors.push(text);
      continue;
    }
    const r = parseDefinition(text, { kind: 'file', id, line: 1 }, catalog, { defaultId: fileName(id), defaultTitle: fileName(id), requireAppliesTo: true });
    if (r.ok) {
      if (applies(r.definition.appliesTo!.tags)) out.definitions.push(r.definition);
      continue;
    }
    // A broken file is reported on the notes it would apply to; on every note when that is unknown.
    const wanted = peekTags(text);
    if (!wanted || applies(wanted)) out.errors.push(...r.errors);
  }
  return dropDuplicateIds(out);
}

/** `calculators/spot-training.cost.yaml` → `spot-training`. */
function fileName(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1).replace(CALCULATOR_FILE, '');
}

async function readCalculatorFile(vault: CalcVault, id: string): Promise<string | DefinitionError> {
  const abs = vault.absPath(id);
  const fail = (message: string): DefinitionError => ({ source: id, line: null, path: '', message });
  if (!abs) return fail('not in the vault');
  try {
    if ((await stat(abs)).size > MAX_FILE_BYTES) return fail(`larger than ${MAX_FILE_BYTES / 1024} KB`);
    return await readFile(abs, 'utf8');
  } catch (err) {
    return fail(`cannot read: ${(err as Error).message}`);
  }
}

function peekTags(text: string): string[] | null {
  try {
    const tags = (parseYaml(text) as { appliesTo?: { tags?: unknown } } | null)?.appliesTo?.tags;
    return Array.isArray(tags) && tags.every((t) => typeof t === 'string') ? tags : null;
  } catch {
    return null;
  }
}

/** A calculator is picked by id (`--calculator`, the UI): the first one keeps it. */
function dropDuplicateIds(found: NoteCalculators): NoteCalculators {
  const seen = new Map<string, CalculatorDefinition>();
  const definitions: CalculatorDefinition[] = [];
  const errors = [...found.errors];
  for (const d of found.definitions) {
    const first = seen.get(d.id);
    if (first) {
      errors.push({ source: d.origin.id, line: d.origin.line, path: 'id', message: `calculator id "${d.id}" is already used by ${first.origin.id}` });
      continue;
    }
    seen.set(d.id, d);
    definitions.push(d);
  }
  return { definitions, errors };
}
