// computeCalculator: every scenario's lines priced, totals, requirements, the cheapest scenario
// that meets them, and savings against the baseline. Conventions: electron/domain/README.md §4.
import type { PriceCatalog } from '../prices/catalog-schema.ts';
import { instanceSpec } from '../prices/catalog-lookup.ts';
import { CalcError, type CalcResult, type LineResult, type ScenarioResult } from './calc-types.ts';
import { checkDefinition, formatPath } from './check-definition.ts';
import type { CalculatorDefinition, LineDef, ScenarioDef } from './definition-schema.ts';
import { expressionScope, numericInputNames, resolveInputs } from './inputs.ts';
import { roundCents, roundTo } from './money.ts';
import { priceLine, type LineContext, type PricedLine } from './price-line.ts';
import { parseRequirement, violation } from './requirements.ts';

interface Totals {
  upfront: number;
  monthly: number;
  amortized: number;
}

/**
 * Prices `def` with its inputs' defaults and `overrides` (name → value). Throws InputError for a
 * bad override and CalcError when the definition cannot be priced against `catalog`.
 */
export function computeCalculator(def: CalculatorDefinition, overrides: Readonly<Record<string, unknown>>, catalog: PriceCatalog): CalcResult {
  const problems = checkDefinition(def, catalog);
  if (problems.length) throw new CalcError(problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('\n'));
  const values = resolveInputs(def, overrides, catalog);
  const scope = expressionScope(def, values);
  const known = numericInputNames(def);

  const totals = new Map<string, Totals>();
  const scenarios = def.scenarios.map((s, si): ScenarioResult => {
    const shared = (s.requirements ?? []).map((r) => parseRequirement(r, known));
    const lines = s.lines.map((line, li) => {
      const ctx: LineContext = { def, catalog, values, scope, at: `scenarios[${si}].lines[${li}]` };
      const priced = priceLine(line, ctx);
      const reqs = [...shared, ...(line.requirements ?? []).map((r) => parseRequirement(r, known))];
      const violations =
        priced.instance === null
          ? []
          : reqs.map((r) => violation(r, priced.instance!, instanceSpec(catalog, priced.instance!), scope)).filter((v): v is string => v !== null);
      return { priced, violations, line };
    });
    const t = lines.reduce(
      (acc, { priced }) => ({ upfront: acc.upfront + priced.upfront, monthly: acc.monthly + priced.monthly, amortized: acc.amortized + priced.cost }),
      { upfront: 0, monthly: 0, amortized: 0 },
    );
    totals.set(s.id, t);
    const violations = [...new Set(lines.flatMap((l) => l.violations))];
    return scenarioResult(
      s,
      t,
      violations,
      lines.map((l) => lineResult(l.priced, l.line, l.violations)),
    );
  });

  const meeting = scenarios.filter((s) => s.meetsRequirements);
  const cheapest = meeting.reduce<ScenarioResult | null>(
    (best, s) => (best === null || totals.get(s.id)!.amortized < totals.get(best.id)!.amortized ? s : best),
    null,
  );
  const base = def.baseline === undefined ? undefined : totals.get(def.baseline);
  return {
    calculator: { id: def.id, title: def.title, description: def.description ?? null, region: def.region, origin: def.origin, sources: def.sources ?? [] },
    catalog: { asOf: catalog.asOf, imports: catalog.imports.length },
    inputs: values,
    scenarios,
    baseline: def.baseline ?? null,
    cheapest: cheapest?.id ?? null,
    savingsVsBaseline: base
      ? Object.fromEntries(
          def.scenarios.map((s) => {
            const amount = base.amortized - totals.get(s.id)!.amortized;
            return [s.id, { amount: roundCents(amount), percent: base.amortized > 0 ? roundTo((amount / base.amortized) * 100, 1) : 0 }];
          }),
        )
      : null,
  };
}

function scenarioResult(s: ScenarioDef, t: Totals, violations: string[], lines: LineResult[]): ScenarioResult {
  return {
    id: s.id,
    label: s.label,
    description: s.description ?? null,
    upfront: roundCents(t.upfront),
    monthly: roundCents(t.monthly),
    amortizedMonthly: roundCents(t.amortized),
    // AWS Pricing Calculator: 12-month total = upfront + 12 × monthly.
    total12: roundCents(t.upfront + 12 * t.monthly),
    meetsRequirements: violations.length === 0,
    violations,
    lines,
  };
}

function lineResult(p: PricedLine, line: LineDef, violations: string[]): LineResult {
  return {
    label: p.label,
    component: line.component,
    instance: p.instance,
    pricing: p.pricing,
    hours: roundTo(p.hours, 4),
    billedHours: roundTo(p.billedHours, 4),
    quantity: p.quantity,
    rate: roundTo(p.rate, 6),
    cost: roundCents(p.cost),
    monthly: roundCents(p.monthly),
    upfront: roundCents(p.upfront),
    math: p.math,
    note: line.note ?? null,
    violations,
    breakEven: p.breakEven && { utilisation: roundTo(p.breakEven.utilisation, 4), hoursPerMonth: roundTo(p.breakEven.hoursPerMonth, 2) },
    sources: p.sources,
  };
}
