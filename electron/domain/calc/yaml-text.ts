// YAML for calculator definitions: parse with the line of any error, find the line of a field by
// its path (for schema errors), and write YAML back (for "Copy as cost block").
import matter from 'gray-matter';

// gray-matter's bundled js-yaml (v3): its `safeLoad`/`safeDump` are reached through gray-matter's
// engines, so Cairn depends on one YAML library, the one that also reads frontmatter.
interface YamlEngine {
  parse(text: string): unknown;
  stringify(value: unknown, options?: Record<string, unknown>): string;
}
const yaml = (matter as unknown as { engines: { yaml: YamlEngine } }).engines.yaml;

export class YamlError extends Error {
  constructor(
    message: string,
    /** 1-based line in the parsed text. */
    readonly line: number,
  ) {
    super(message);
  }
}

const MAX_NODES = 10_000;

/** Parses YAML; throws YamlError with the line of the problem. */
export function parseYaml(text: string): unknown {
  let value: unknown;
  try {
    value = yaml.parse(text);
  } catch (err) {
    const e = err as { reason?: string; mark?: { line: number }; message: string };
    throw new YamlError(e.reason ?? e.message.split('\n')[0], (e.mark?.line ?? 0) + 1);
  }
  // YAML aliases share nodes: a small file can expand without end ("billion laughs").
  let nodes = 0;
  const walk = (v: unknown, depth: number): void => {
    if (++nodes > MAX_NODES || depth > 32) throw new YamlError('definition is too large or too deeply nested', 1);
    if (v && typeof v === 'object') for (const child of Object.values(v)) walk(child, depth + 1);
  };
  walk(value, 0);
  return value;
}

export function dumpYaml(value: unknown): string {
  return yaml.stringify(value, { lineWidth: 120, noRefs: true });
}

interface Row {
  line: number;
  /** Column of each `- ` item marker on the line. */
  dashes: number[];
  /** The mapping key on the line (after any dashes) and its column. */
  key: string | null;
  keyColumn: number;
  /** Column of the first character. */
  start: number;
}

const KEY = /^("[^"]*"|'[^']*'|[^\s#'"{[][^:#]*?)\s*:(?:\s|$)/;

function rows(text: string): Row[] {
  const out: Row[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const content = raw.replace(/\s+#.*$/, '');
    if (!content.trim() || content.trim().startsWith('#')) return;
    const start = content.length - content.trimStart().length;
    const dashes: number[] = [];
    let col = start;
    while (/^-(\s|$)/.test(content.slice(col))) {
      dashes.push(col);
      col += 1 + (/^\s*/.exec(content.slice(col + 1))?.[0].length ?? 0);
    }
    const m = KEY.exec(content.slice(col));
    out.push({ line: i + 1, dashes, key: m ? m[1].replace(/^["']|["']$/g, '') : null, keyColumn: col, start });
  });
  return out;
}

/**
 * The 1-based line of `path` (e.g. ['scenarios', 2, 'lines', 0, 'hours']) in block-style YAML,
 * or of the deepest part of it that was found. A heuristic on indentation, which is all a
 * definition's error message needs; flow style (`{a: 1}`) stops at the enclosing line.
 */
export function lineOfPath(text: string, path: ReadonlyArray<PropertyKey>): number {
  const all = rows(text);
  let from = 0;
  let to = all.length;
  let parentColumn = -1;
  let found = all[0]?.line ?? 1;
  for (const part of path) {
    const scope = all.slice(from, to);
    if (typeof part === 'number') {
      const items = scope.flatMap((r, i) => r.dashes.filter((c) => c > parentColumn).slice(0, 1).map((c) => ({ i: from + i, c })));
      const column = Math.min(...items.map((x) => x.c));
      const same = items.filter((x) => x.c === column);
      const hit = same[part];
      if (!hit) break;
      const next = same[part + 1]?.i ?? endOf(all, hit.i, column, to, 'item');
      [from, to, parentColumn, found] = [hit.i, next, column, all[hit.i].line];
    } else {
      const keys = scope.map((r, i) => ({ r, i: from + i })).filter((x) => x.r.key !== null && x.r.keyColumn > parentColumn);
      const column = Math.min(...keys.map((x) => x.r.keyColumn));
      const hit = keys.find((x) => x.r.keyColumn === column && x.r.key === String(part));
      if (!hit) break;
      [from, to, found] = [hit.i + 1, endOf(all, hit.i, column, to, 'key'), hit.r.line];
      // A block sequence may sit at its key's own column (`key:\n- a`).
      parentColumn = all[from]?.dashes[0] === column ? column - 1 : column;
    }
  }
  return found;
}

/**
 * Index of the first row after `i` (before `to`) outside the node that starts on row `i` at
 * `column`: a row starting further left, or at the same column — except that a key's block
 * sequence may start at the key's own column (`key:\n- a`).
 */
function endOf(all: Row[], i: number, column: number, to: number, kind: 'key' | 'item'): number {
  for (let j = i + 1; j < to; j++) {
    const r = all[j];
    const startsAt = r.dashes[0] ?? r.start;
    if (startsAt < column) return j;
    if (startsAt === column && !(kind === 'key' && r.dashes[0] === column)) return j;
  }
  return to;
}
