// Cost calculators of a note: definitions from its `cost` blocks and from calculator files whose
// appliesTo.tags match, computed against the bundled catalog merged with the user's imports.
import { calculatorsForNote } from '../domain/calc/calculators-for-note.ts';
import { computeCalculator } from '../domain/calc/engine.ts';
import { inputControls, type InputControl } from '../domain/calc/inputs.ts';
import { formatDefinitionError } from '../domain/calc/parse-definition.ts';
import { renderCostBlock } from '../domain/calc/render-cost-block.ts';
import type { CalcResult } from '../domain/calc/calc-types.ts';
import { loadCatalog, type LoadedCatalog } from '../domain/prices/load-catalog.ts';
import type { Vault } from '../domain/vault/vault.ts';
import { DomainError } from '../domain/domain-error.ts';

export interface CalculatorView {
  id: string;
  title: string;
  controls: InputControl[];
  result: CalcResult;
}

export class CalcService {
  private catalog: Promise<LoadedCatalog> | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly dataDir: string,
  ) {}

  private loaded(): Promise<LoadedCatalog> {
    this.catalog ??= loadCatalog(this.dataDir);
    return this.catalog;
  }

  /** Every calculator of the note computed with `inputs` (per calculator id), plus definition errors. */
  async forNote(noteId: string, inputs: Record<string, Record<string, unknown>> = {}): Promise<{ calculators: CalculatorView[]; errors: string[]; warnings: string[] }> {
    const { catalog, warnings } = await this.loaded();
    const { definitions, errors } = await calculatorsForNote(this.vault, noteId, catalog);
    const calculators = definitions.map((def) => {
      const result = computeCalculator(def, inputs[def.id] ?? {}, catalog);
      return { id: def.id, title: def.title, controls: inputControls(def, result.inputs, catalog), result };
    });
    return { calculators, errors: errors.map(formatDefinitionError), warnings };
  }

  async costBlock(noteId: string, calculatorId: string, scenarioId: string, inputs: Record<string, unknown>): Promise<string> {
    const { catalog } = await this.loaded();
    const { definitions } = await calculatorsForNote(this.vault, noteId, catalog);
    const def = definitions.find((d) => d.id === calculatorId);
    if (!def) throw new DomainError('CALCULATOR_NOT_FOUND', `no calculator ${calculatorId} for ${noteId}`);
    const result = computeCalculator(def, inputs, catalog);
    return renderCostBlock(def, scenarioId, result.inputs);
  }
}
