// Arithmetic over a calculator's inputs, e.g. `notebookHoursPerDay * workdaysPerMonth`.
// mathjs parses; nothing is ever handed to eval or new Function.
import { create, all, type MathNode } from 'mathjs';
import { DomainError } from '../domain-error.ts';

export class ExpressionError extends DomainError {
  constructor(message: string) {
    super('BAD_INPUT', message);
  }
}

export type ExpressionValue = number | boolean;
export type Scope = ReadonlyMap<string, ExpressionValue>;

export interface Expression {
  readonly text: string;
  /** The input names it reads. */
  readonly symbols: readonly string[];
  evaluate(scope: Scope): ExpressionValue;
}

/** The mathjs instance, made at the first parse: making it (and the import below) costs about
 *  80 ms, which every start of the index worker paid before its first answer. */
let parser: ((text: string) => MathNode) | null = null;

function mathParse(text: string): MathNode {
  if (!parser) {
    const math = create(all);
    // Taken before `parse` is disabled below (for expressions only).
    const parse = math.parse;
    // mathjs.org/docs/expressions/security.html: disable what can change the instance (import,
    // createUnit) or parse new expressions (evaluate, parse, simplify, derivative, …) from inside an
    // expression. The allow-list below already refuses them; this is a second wall.
    const disabled = (name: string) => () => {
      throw new ExpressionError(`${name} is disabled`);
    };
    math.import(
      Object.fromEntries(['import', 'createUnit', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile', 'reviver'].map((n) => [n, disabled(n)])),
      { override: true },
    );
    parser = parse;
  }
  return parser(text);
}

export const FUNCTIONS: ReadonlySet<string> = new Set(['min', 'max', 'round', 'ceil', 'floor', 'abs']);
const OPERATORS = new Set([
  'add',
  'subtract',
  'multiply',
  'divide',
  'pow',
  'unaryMinus',
  'unaryPlus',
  'larger',
  'largerEq',
  'smaller',
  'smallerEq',
  'equal',
  'unequal',
  'and',
  'or',
  'not',
]);
/** Words mathjs reads as operators or constants: never usable as input names. */
export const RESERVED: ReadonlySet<string> = new Set([...FUNCTIONS, 'and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'true', 'false', 'null', 'undefined']);
const MAX_LENGTH = 500;

interface NodeFields {
  value?: unknown;
  op?: string;
  name?: string;
  fn?: string | MathNode;
  content?: MathNode;
  args?: MathNode[];
}

/**
 * Parses `source` and accepts only numbers, true/false, the `known` input names, + − × ÷ ^,
 * comparisons, and/or/not, `c ? a : b` and the functions in FUNCTIONS. Throws ExpressionError.
 */
export function compileExpression(source: string | number, known: ReadonlySet<string>): Expression {
  const text = String(source).trim();
  if (text === '') throw new ExpressionError('empty expression');
  if (text.length > MAX_LENGTH) throw new ExpressionError(`expression longer than ${MAX_LENGTH} characters`);
  let root: MathNode;
  try {
    root = mathParse(text);
  } catch (err) {
    throw new ExpressionError(`cannot parse "${text}": ${(err as Error).message}`);
  }
  const symbols = new Set<string>();
  const check = (node: MathNode): void => {
    const n = node as MathNode & NodeFields;
    switch (node.type) {
      case 'ConstantNode':
        if (typeof n.value !== 'number' && typeof n.value !== 'boolean') throw new ExpressionError(`only numbers are allowed, not ${JSON.stringify(n.value)}`);
        return;
      case 'SymbolNode':
        if (!known.has(n.name!)) throw new ExpressionError(`unknown input "${n.name}"${known.size ? ` (inputs: ${[...known].join(', ')})` : ''}`);
        symbols.add(n.name!);
        return;
      case 'ParenthesisNode':
        check(n.content!);
        return;
      case 'ConditionalNode':
      case 'OperatorNode':
        if (node.type === 'OperatorNode' && !OPERATORS.has(String(n.fn))) throw new ExpressionError(`operator "${n.op}" is not allowed`);
        node.forEach((child) => check(child));
        return;
      case 'FunctionNode': {
        // Only a plain name: `hours.max(1)` is a method call on a value, refused.
        const fn = n.fn as MathNode & NodeFields;
        const name = fn.type === 'SymbolNode' ? fn.name : undefined;
        if (!name || !FUNCTIONS.has(name)) throw new ExpressionError(`function "${name ?? '?'}" is not allowed (allowed: ${[...FUNCTIONS].join(', ')})`);
        n.args!.forEach(check);
        return;
      }
      case 'AccessorNode':
        throw new ExpressionError('property access is not allowed');
      default:
        throw new ExpressionError(`${refused(node.type)} not allowed`);
    }
  };
  check(root);
  const compiled = root.compile();
  return {
    text,
    symbols: [...symbols],
    evaluate(scope) {
      const value: unknown = compiled.evaluate(new Map(scope));
      if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return value;
      throw new ExpressionError(`"${text}" gave ${String(value)}, not a finite number`);
    },
  };
}

/** `ArrayNode` → `arrays are`, for "arrays are not allowed". */
function refused(type: string): string {
  const names: Record<string, string> = {
    AssignmentNode: 'assignment is',
    FunctionAssignmentNode: 'defining functions is',
    ArrayNode: 'arrays are',
    ObjectNode: 'objects are',
    IndexNode: 'indexing is',
    RangeNode: 'ranges are',
    BlockNode: 'several statements are',
    RelationalNode: 'chained comparisons are',
  };
  return names[type] ?? `${type} is`;
}

/** Evaluates to a number, or throws naming what was expected. */
export function evaluateNumber(expr: Expression, scope: Scope): number {
  const v = expr.evaluate(scope);
  if (typeof v !== 'number') throw new ExpressionError(`"${expr.text}" gave ${v}, not a number`);
  return v;
}
