import matter from 'gray-matter';

export interface FrontmatterResult {
  data: Record<string, unknown>;
  body: string;
  /** Lines taken by the frontmatter block, so body line N is file line N + offset. */
  lineOffset: number;
  /** The YAML text between the `---` lines ('' without frontmatter). */
  yaml: string;
  error: string | null;
}

// Only YAML is parsed. gray-matter would otherwise `eval` a `---js` block (its javascript engine),
// and a note is untrusted input.
const refuse = (lang: string) => () => {
  throw new Error(`frontmatter language "${lang}" is not allowed`);
};
const OPTIONS = {
  engines: { js: refuse('js'), javascript: refuse('javascript'), coffee: refuse('coffee'), toml: refuse('toml') },
};

const BLOCK = /^---[^\n]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export function parseFrontmatter(text: string): FrontmatterResult {
  const block = BLOCK.exec(text);
  if (!text.startsWith('---') || !block) return { data: {}, body: text, lineOffset: 0, yaml: '', error: null };
  const lineOffset = countLines(block[0]);
  const body = text.slice(block[0].length);
  const yaml = block[1];
  try {
    // Passing options also bypasses gray-matter's unbounded cache keyed by file content.
    const parsed = matter(text, OPTIONS);
    const data = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return { data: {}, body, lineOffset, yaml, error: 'frontmatter is not a map of properties' };
    }
    return { data: toPlain(data) as Record<string, unknown>, body, lineOffset, yaml, error: null };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    return { data: {}, body, lineOffset, yaml, error: reason };
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

/**
 * Dates become ISO strings, and YAML aliases are copied at most once per path: a YAML "billion
 * laughs" alias bomb shares nodes by reference, and walking it naively never ends.
 */
function toPlain(value: unknown, depth = 0, budget = { nodes: 0 }): unknown {
  if (++budget.nodes > 10_000 || depth > 32) throw new Error('frontmatter is too large or too deeply nested');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : isoDate(value);
  if (Array.isArray(value)) return value.map((v) => toPlain(v, depth + 1, budget));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === '__proto__') continue;
      out[k] = toPlain(v, depth + 1, budget);
    }
    return out;
  }
  return value;
}

/** A date without a time (`2025-08-22`) stays a date; anything else is a full ISO timestamp. */
function isoDate(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
