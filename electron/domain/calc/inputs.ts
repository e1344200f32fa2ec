// A calculator's inputs: their defaults, the choices an instance input offers, and checking the
// values a user (UI control or `--set NAME=VALUE`) gives them.
import type { PriceCatalog } from '../prices/catalog-schema.ts';
import { instanceSpec, instancesFor } from '../prices/catalog-lookup.ts';
import type { CalculatorDefinition, InputDef, InstanceInputDef } from './definition-schema.ts';
import type { Scope } from './expression.ts';
import { DomainError } from '../domain-error.ts';

export type InputValue = number | boolean | string;
export type InputValues = Record<string, InputValue>;

export class InputError extends DomainError {
  constructor(message: string) {
    super('BAD_INPUT', message);
  }
}

/** `r5` for ml.r5.2xlarge and r5.2xlarge. */
export function instanceFamily(instance: string): string {
  return instance.replace(/^ml\./, '').split('.')[0];
}

/** The instances an instance input offers: priced for its component in the region, filtered. */
export function instanceOptions(input: InstanceInputDef, catalog: PriceCatalog, region: string): string[] {
  const f = input.filter ?? {};
  return instancesFor(catalog, region, input.component).filter((name) => {
    const spec = instanceSpec(catalog, name);
    if (f.family && !f.family.includes(instanceFamily(name))) return false;
    if (f.minMemoryGiB !== undefined && !(spec && spec.memoryGiB >= f.minMemoryGiB)) return false;
    if (f.gpu !== undefined && (spec?.gpu != null) !== f.gpu) return false;
    return true;
  });
}

/** Names usable in expressions: number and yes/no inputs, and choices whose options are all numbers. */
export function numericInputNames(def: Pick<CalculatorDefinition, 'inputs'>): Set<string> {
  return new Set(
    Object.entries(def.inputs)
      .filter(([, i]) => isNumeric(i))
      .map(([n]) => n),
  );
}

function isNumeric(i: InputDef): boolean {
  return i.type === 'number' || i.type === 'boolean' || (i.type === 'choice' && i.options.every((o) => typeof o === 'number'));
}

/** The defaults with `overrides` applied; throws InputError for an unknown name or a bad value. */
export function resolveInputs(def: CalculatorDefinition, overrides: Readonly<Record<string, unknown>>, catalog: PriceCatalog): InputValues {
  const values: InputValues = Object.fromEntries(Object.entries(def.inputs).map(([n, i]) => [n, i.default]));
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(def.inputs, name)) throw new InputError(`unknown input "${name}" (inputs: ${Object.keys(def.inputs).join(', ') || 'none'})`);
    values[name] = checkValue(def, name, value, catalog);
  }
  return values;
}

function checkValue(def: CalculatorDefinition, name: string, value: unknown, catalog: PriceCatalog): InputValue {
  const input = def.inputs[name];
  switch (input.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new InputError(`${name} takes a number`);
      if (input.min !== undefined && value < input.min) throw new InputError(`${name} is at least ${input.min}`);
      if (input.max !== undefined && value > input.max) throw new InputError(`${name} is at most ${input.max}`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw new InputError(`${name} takes yes or no`);
      return value;
    case 'choice':
      if (!input.options.some((o) => o === value)) throw new InputError(`${name} is one of ${input.options.join(', ')}`);
      return value as string | number;
    case 'instance': {
      const options = instanceOptions(input, catalog, def.region);
      if (typeof value !== 'string' || !options.includes(value)) throw new InputError(`${name} is one of ${options.join(', ')}`);
      return value;
    }
  }
}

/** Reads `--set NAME=VALUE` text as the input's type (numbers, yes/no, a choice, an instance). */
export function parseInputText(def: CalculatorDefinition, name: string, text: string): unknown {
  if (!Object.hasOwn(def.inputs, name)) throw new InputError(`unknown input "${name}" (inputs: ${Object.keys(def.inputs).join(', ') || 'none'})`);
  const input = def.inputs[name];
  const t = text.trim();
  if (input.type === 'number') return t === '' ? NaN : Number(t);
  if (input.type === 'boolean') {
    if (/^(yes|true|1|on)$/i.test(t)) return true;
    if (/^(no|false|0|off)$/i.test(t)) return false;
    throw new InputError(`${name} takes yes or no`);
  }
  if (input.type === 'choice') return input.options.find((o) => String(o) === t) ?? t;
  return t;
}

/** The values expressions may read. */
export function expressionScope(def: CalculatorDefinition, values: InputValues): Scope {
  const names = numericInputNames(def);
  return new Map(Object.entries(values).filter(([n]) => names.has(n)) as Array<[string, number | boolean]>);
}

export interface InputControl {
  name: string;
  type: InputDef['type'];
  label: string;
  help: string | null;
  value: InputValue;
  default: InputValue;
  unit: string | null;
  min: number | null;
  max: number | null;
  step: number | null;
  /** Choices and instances. */
  options: Array<string | number> | null;
}

/** What a UI needs to draw each input's control. */
export function inputControls(def: CalculatorDefinition, values: InputValues, catalog: PriceCatalog): InputControl[] {
  return Object.entries(def.inputs).map(([name, i]) => ({
    name,
    type: i.type,
    label: i.label ?? name,
    help: i.help ?? null,
    value: values[name] ?? i.default,
    default: i.default,
    unit: i.type === 'number' || i.type === 'choice' ? (i.unit ?? null) : null,
    min: i.type === 'number' ? (i.min ?? null) : null,
    max: i.type === 'number' ? (i.max ?? null) : null,
    step: i.type === 'number' ? (i.step ?? null) : null,
    options: i.type === 'choice' ? i.options : i.type === 'instance' ? instanceOptions(i, catalog, def.region) : null,
  }));
}
