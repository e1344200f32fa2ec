// Rules across fields of a definition that the schema cannot state: expressions read known
// inputs, instances exist in the price catalog, ids are unique, the baseline exists.
import type { Component, PriceCatalog } from '../prices/catalog-schema.ts';
import { PAYMENTS, TERMS } from '../prices/catalog-schema.ts';
import { instanceSpec, onDemandRate } from '../prices/catalog-lookup.ts';
import type { CalculatorDefinition, LineDef } from './definition-schema.ts';
import { compileExpression, RESERVED } from './expression.ts';
import { instanceOptions, numericInputNames } from './inputs.ts';
import { parseRequirement } from './requirements.ts';

export interface Problem {
  path: Array<string | number>;
  message: string;
}

export function checkDefinition(def: CalculatorDefinition, catalog: PriceCatalog): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Array<string | number>, message: string) => problems.push({ path, message });
  const known = numericInputNames(def);
  const expr = (path: Array<string | number>, source: string | number) => {
    try {
      compileExpression(source, known);
    } catch (err) {
      add(path, (err as Error).message);
    }
  };

  for (const [name, input] of Object.entries(def.inputs)) {
    const at = ['inputs', name];
    if (RESERVED.has(name)) add(at, `"${name}" is a reserved word in expressions; choose another name`);
    if (input.type === 'number') {
      if (input.min !== undefined && input.default < input.min) add([...at, 'default'], `default ${input.default} is below min ${input.min}`);
      if (input.max !== undefined && input.default > input.max) add([...at, 'default'], `default ${input.default} is above max ${input.max}`);
    } else if (input.type === 'choice') {
      if (!input.options.includes(input.default)) add([...at, 'default'], `default ${input.default} is not one of the options (${input.options.join(', ')})`);
    } else if (input.type === 'instance') {
      const options = instanceOptions(input, catalog, def.region);
      if (options.length === 0) add(at, `no ${input.component} instance in ${def.region} passes the filter`);
      else if (!options.includes(input.default)) add([...at, 'default'], unknownInstance(input.default, input.component, def.region, catalog, options));
    }
  }

  const ids = new Set<string>();
  def.scenarios.forEach((s, si) => {
    const at = ['scenarios', si];
    if (ids.has(s.id)) add([...at, 'id'], `scenario id "${s.id}" is used twice`);
    ids.add(s.id);
    s.requirements?.forEach((r, ri) => requirement([...at, 'requirements', ri], r));
    s.lines.forEach((line, li) => checkLine(line, [...at, 'lines', li]));
  });
  if (def.baseline !== undefined && !ids.has(def.baseline)) add(['baseline'], `no scenario "${def.baseline}" (scenarios: ${[...ids].join(', ')})`);
  return problems;

  function requirement(path: Array<string | number>, text: string) {
    try {
      parseRequirement(text, known);
    } catch (err) {
      add(path, (err as Error).message);
    }
  }

  function checkLine(line: LineDef, at: Array<string | number>) {
    expr([...at, 'hours'], line.hours);
    if (line.quantity !== undefined) expr([...at, 'quantity'], line.quantity);
    line.requirements?.forEach((r, ri) => requirement([...at, 'requirements', ri], r));
    if ((line.instance === undefined) === (line.rate === undefined)) {
      add(at, 'a line needs either `instance` (priced from the catalog) or `rate` ($/hour), not both');
      return;
    }
    if (line.rate !== undefined) {
      expr([...at, 'rate'], line.rate);
      if (line.pricing.type !== 'on-demand') add([...at, 'pricing'], 'a line with its own `rate` is priced on-demand only');
      if (line.requirements?.length) add([...at, 'requirements'], 'requirements need an `instance` to check');
    } else {
      checkInstance(line.instance!, line, [...at, 'instance']);
    }
    const p = line.pricing;
    if (p.type === 'spot') expr([...at, 'pricing', 'discount'], p.discount);
    if (p.type === 'savings-plan' || p.type === 'reservation') {
      // electron/domain/README.md §4: SageMaker has no Reserved Instances; its commitment is a Savings Plan.
      if (p.type === 'reservation' && line.component !== 'ec2')
        add([...at, 'pricing', 'type'], 'SageMaker has no Reserved Instances: use `savings-plan`, or an `ec2` line');
      if (p.discount !== undefined) expr([...at, 'pricing', 'discount'], p.discount);
      choiceOf([...at, 'pricing', 'term'], p.term, TERMS, 'years (1 or 3)');
      choiceOf([...at, 'pricing', 'payment'], p.payment, PAYMENTS, 'payment (no, partial, all)');
    }
  }

  function checkInstance(name: string, line: LineDef, at: Array<string | number>) {
    if (Object.hasOwn(def.inputs, name)) {
      const input = def.inputs[name];
      if (input.type !== 'instance') add(at, `input "${name}" is a ${input.type}, not an instance`);
      else if (input.component !== line.component) add(at, `input "${name}" offers ${input.component} instances, but this line is ${line.component}`);
    } else if (!onDemandRate(catalog, def.region, line.component, name)) {
      add(at, unknownInstance(name, line.component, def.region, catalog));
    }
  }

  /** `term`/`payment`: a literal the schema checked, or a choice input whose options are all valid. */
  function choiceOf(at: Array<string | number>, value: string | number, valid: readonly (string | number)[], what: string) {
    if (valid.includes(value)) return;
    const input = Object.hasOwn(def.inputs, value) ? def.inputs[value] : undefined;
    if (input?.type !== 'choice') add(at, `"${value}" is neither ${what} nor a choice input`);
    else if (!input.options.every((o) => valid.includes(o))) add(at, `input "${value}" must offer only ${what}`);
  }
}

/** ['scenarios', 2, 'lines', 0, 'hours'] → `scenarios[2].lines[0].hours`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

function unknownInstance(name: string, component: Component, region: string, catalog: PriceCatalog, options?: string[]): string {
  if (!onDemandRate(catalog, region, component, name)) {
    const known = instanceSpec(catalog, name) ? ` (the catalog has ${name}, but no ${component} price for it in ${region})` : '';
    return `unknown instance "${name}" for ${component} in ${region}${known}`;
  }
  return `"${name}" is filtered out (offered: ${options?.join(', ')})`;
}
