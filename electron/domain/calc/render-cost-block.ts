// "Copy as cost block": one scenario of a calculator as a standalone ```cost block that can be
// pasted into any note, with the inputs it reads set to the values shown.
import { CalcError } from './calc-types.ts';
import type { CalculatorDefinition, InputDef, LineDef, ScenarioDef } from './definition-schema.ts';
import { compileExpression } from './expression.ts';
import { numericInputNames, type InputValues } from './inputs.ts';
import { parseRequirement } from './requirements.ts';
import { dumpYaml } from './yaml-text.ts';

export function renderCostBlock(def: CalculatorDefinition, scenarioId: string, values: InputValues = {}): string {
  const scenario = def.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new CalcError(`no scenario "${scenarioId}" in ${def.id}`);
  const inputs: Record<string, InputDef> = {};
  for (const name of inputsRead(def, scenario)) {
    const input = def.inputs[name];
    inputs[name] = { ...input, default: values[name] ?? input.default } as InputDef;
  }
  const block = compact({
    id: `${def.id}-${scenario.id}`,
    title: `${def.title}: ${scenario.label}`,
    region: def.region,
    sources: def.sources,
    inputs: Object.keys(inputs).length ? inputs : undefined,
    scenarios: [{ ...scenario, lines: scenario.lines.map(plainLine) }],
  });
  return '```cost\n' + dumpYaml(block) + '```\n';
}

/** Names of the inputs a scenario reads, in the definition's order. */
function inputsRead(def: CalculatorDefinition, s: ScenarioDef): string[] {
  const known = numericInputNames(def);
  const used = new Set<string>();
  const expr = (source: string | number | undefined) => {
    if (source !== undefined) for (const n of compileExpression(source, known).symbols) used.add(n);
  };
  const reqs = (list: string[] | undefined) => list?.forEach((r) => parseRequirement(r, known).bound.symbols.forEach((n) => used.add(n)));
  reqs(s.requirements);
  for (const line of s.lines) {
    [line.hours, line.quantity, line.rate].forEach(expr);
    reqs(line.requirements);
    if (line.instance !== undefined) used.add(line.instance);
    const p = line.pricing;
    if (p.type === 'spot') expr(p.discount);
    if (p.type === 'savings-plan' || p.type === 'reservation') {
      expr(p.discount);
      used.add(String(p.term));
      used.add(p.payment);
    }
  }
  return Object.keys(def.inputs).filter((n) => used.has(n));
}

/** On-demand is the default pricing: left out, as a person would write it. */
function plainLine(line: LineDef): Partial<LineDef> {
  const { pricing, ...rest } = line;
  return pricing.type === 'on-demand' ? rest : line;
}

/** Drops undefined fields (YAML has no `undefined`). */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
