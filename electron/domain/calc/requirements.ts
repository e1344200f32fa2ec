// A requirement compares an instance spec with an expression of the inputs:
// `memoryGiB >= requiredMemoryGiB`, `gpuCount == 0`, `vcpu >= 8`.
import type { InstanceSpec } from '../prices/catalog-schema.ts';
import { compileExpression, evaluateNumber, ExpressionError, type Expression, type Scope } from './expression.ts';

const SPECS = {
  memoryGiB: { unit: 'GiB', of: (s: InstanceSpec) => s.memoryGiB },
  vcpu: { unit: 'vCPU', of: (s: InstanceSpec) => s.vcpu },
  gpuCount: { unit: 'GPU', of: (s: InstanceSpec) => s.gpu?.count ?? 0 },
  gpuMemoryGiB: { unit: 'GiB of GPU memory', of: (s: InstanceSpec) => s.gpu?.memoryGiB ?? 0 },
} as const;
type SpecName = keyof typeof SPECS;

const OPS = {
  '>=': { holds: (a: number, b: number) => a >= b, broken: '<', word: 'required' },
  '>': { holds: (a: number, b: number) => a > b, broken: '≤', word: 'required (more than)' },
  '<=': { holds: (a: number, b: number) => a <= b, broken: '>', word: 'allowed' },
  '<': { holds: (a: number, b: number) => a < b, broken: '≥', word: 'allowed (less than)' },
  '==': { holds: (a: number, b: number) => a === b, broken: '≠', word: 'required' },
} as const;
type Op = keyof typeof OPS;

export interface Requirement {
  text: string;
  spec: SpecName;
  op: Op;
  bound: Expression;
}

const FORM = /^\s*([A-Za-z]+)\s*(>=|<=|==|>|<)\s*(.+?)\s*$/;

/** Throws ExpressionError when `text` is not `<spec> <op> <expression of the inputs>`. */
export function parseRequirement(text: string, known: ReadonlySet<string>): Requirement {
  const m = FORM.exec(text);
  if (!m || !Object.hasOwn(SPECS, m[1])) {
    throw new ExpressionError(`a requirement reads "<spec> <op> <expression>", spec one of ${Object.keys(SPECS).join(', ')}; got "${text}"`);
  }
  return { text, spec: m[1] as SpecName, op: m[2] as Op, bound: compileExpression(m[3], known) };
}

/** null when `instance` meets the requirement, else why not: "ml.p3.2xlarge has 61 GiB < 64 GiB required". */
export function violation(req: Requirement, instance: string, spec: InstanceSpec | undefined, scope: Scope): string | null {
  const { unit, of } = SPECS[req.spec];
  if (!spec) return `${instance}: ${req.spec} unknown (no instance specs in the price catalog)`;
  const actual = of(spec);
  const bound = evaluateNumber(req.bound, scope);
  const op = OPS[req.op];
  return op.holds(actual, bound) ? null : `${instance} has ${actual} ${unit} ${op.broken} ${bound} ${unit} ${op.word}`;
}
