// Cost calculators of a note: definitions from its `cost` blocks and from calculator files whose
// appliesTo.tags match, computed against the bundled catalog merged with the user's imports.
import { CALCULATOR_FILE, findCostBlocks } from '../domain/calc/cost-blocks.ts';
import type { InputControl } from '../domain/calc/inputs.ts';
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

type CalcEngine = typeof import('./calc-engine.ts');
let engine: Promise<CalcEngine> | null = null;
/** mathjs and the definition schema load with the first calculator (calc-engine.ts says why). */
const loadEngine = () => (engine ??= import('./calc-engine.ts'));

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
  async forNote(
    noteId: string,
    inputs: Record<string, Record<string, unknown>> = {},
  ): Promise<{ calculators: CalculatorView[]; errors: string[]; warnings: string[] }> {
    // No cost block and no calculator file: no calculator, and no engine to load for it.
    if (!this.mayHaveCalculators(noteId)) return { calculators: [], errors: [], warnings: [] };
    const { calculatorsForNote, computeCalculator, inputControls, formatDefinitionError } = await loadEngine();
    const { catalog, warnings } = await this.loaded();
    const { definitions, errors } = await calculatorsForNote(this.vault, noteId, catalog);
    const calculators = definitions.map((def) => {
      const result = computeCalculator(def, inputs[def.id] ?? {}, catalog);
      return { id: def.id, title: def.title, controls: inputControls(def, result.inputs, catalog), result };
    });
    return { calculators, errors: errors.map(formatDefinitionError), warnings };
  }

  /** Whether the note has a cost block or the vault a calculator file (a missing note goes on to
   *  calculatorsForNote, which says so). */
  private mayHaveCalculators(noteId: string): boolean {
    const note = this.vault.getNote(noteId);
    return !note || findCostBlocks(note.body).length > 0 || this.vault.allFileIds().some((id) => CALCULATOR_FILE.test(id));
  }

  async costBlock(noteId: string, calculatorId: string, scenarioId: string, inputs: Record<string, unknown>): Promise<string> {
    const { calculatorsForNote, computeCalculator, renderCostBlock } = await loadEngine();
    const { catalog } = await this.loaded();
    const { definitions } = await calculatorsForNote(this.vault, noteId, catalog);
    const def = definitions.find((d) => d.id === calculatorId);
    if (!def) throw new DomainError('CALCULATOR_NOT_FOUND', `no calculator ${calculatorId} for ${noteId}`);
    const result = computeCalculator(def, inputs, catalog);
    return renderCostBlock(def, scenarioId, result.inputs);
  }
}
