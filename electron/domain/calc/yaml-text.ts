// YAML for calculator definitions, with the `yaml` package: parse with the exact line of any
// error and a cap on alias expansion, find the line of a field by its path (for schema errors)
// from the parsed document's own source ranges, and write YAML back ("Copy as cost block").
// Frontmatter stays with gray-matter; definitions need what it does not give: node ranges.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, stringify, type Node } from 'yaml';

export class YamlError extends Error {
  constructor(
    message: string,
    /** 1-based line in the parsed text. */
    readonly line: number,
  ) {
    super(message);
  }
}

/** Aliases a definition may expand ("billion laughs" files make millions). */
const MAX_ALIASES = 100;
const MAX_DEPTH = 32;

/** Parses YAML; throws YamlError with the line of the problem. */
export function parseYaml(text: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const [error] = doc.errors;
  if (error) {
    // yaml may report one mistake as several errors starting at the same node (a value that runs
    // on into a wrongly indented line): the line where their spans end is where the user erred.
    const end = Math.max(...doc.errors.filter((e) => e.pos[0] === error.pos[0]).map((e) => e.pos[1] - 1));
    throw new YamlError(error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), lines.linePos(end).line);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // yaml throws a ReferenceError for excessive aliasing (and for an alias to nothing).
    throw new YamlError(`definition is too large: ${(err as Error).message}`, 1);
  }
  if (depthOver(value, MAX_DEPTH)) throw new YamlError('definition is too large or too deeply nested', 1);
  return value;
}

function depthOver(v: unknown, budget: number): boolean {
  if (!v || typeof v !== 'object') return false;
  if (budget === 0) return true;
  return Object.values(v).some((child) => depthOver(child, budget - 1));
}

export function dumpYaml(value: unknown): string {
  return stringify(value, { lineWidth: 120, aliasDuplicateObjects: false });
}

/**
 * The 1-based line of `path` (e.g. ['scenarios', 2, 'lines', 0, 'hours']), or of the deepest part
 * of it that was found: a key's line for a mapping, an item's first line for a sequence.
 */
export function lineOfPath(text: string, path: ReadonlyArray<PropertyKey>): number {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const lineAt = (node: Node | null | undefined, fallback: number) => (node?.range ? lines.linePos(node.range[0]).line : fallback);
  let node: unknown = doc.contents;
  let found = lineAt(doc.contents, 1);
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(part));
      if (!pair) break;
      found = lineAt(pair.key as Node, found);
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
      found = lineAt(node.items[part] as Node, found);
      node = node.items[part];
    } else {
      break;
    }
  }
  return found;
}
