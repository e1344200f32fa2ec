// How a frontmatter value is shown, by type, as Obsidian's properties view does
// (obsidian-help "Properties.md": text, list, number, checkbox, date, date & time; links in text).

export type PropertyPart = { kind: 'text'; text: string } | { kind: 'link'; raw: string; text: string };

export type PropertyShape =
  | { type: 'checkbox'; checked: boolean }
  | { type: 'number'; value: number }
  | { type: 'date'; iso: string; text: string }
  | { type: 'text'; parts: PropertyPart[] }
  | { type: 'list'; items: PropertyShape[] }
  | { type: 'empty' };

const DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const LINK = /\[\[([^[\]\n]+?)\]\]/g;

/** Text split into plain runs and `[[links]]` (shown text: the display, else the target). */
export function textParts(text: string): PropertyPart[] {
  const parts: PropertyPart[] = [];
  let at = 0;
  for (const m of text.matchAll(LINK)) {
    if (m.index > at) parts.push({ kind: 'text', text: text.slice(at, m.index) });
    const inner = m[1];
    const pipe = inner.indexOf('|');
    parts.push({ kind: 'link', raw: m[0], text: linkText(pipe < 0 ? inner : inner.slice(0, pipe), pipe < 0 ? null : inner.slice(pipe + 1)) });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return parts;
}

/** A link's text as the reader shows it: the display text, else "note › heading", never a raw `^`. */
export function linkText(target: string, display: string | null): string {
  if (display) return display;
  const hash = target.indexOf('#');
  if (hash < 0) return target;
  const path = target.slice(0, hash).trim();
  const sub = target
    .slice(hash + 1)
    .replace(/^\^/, '')
    .trim();
  return path ? `${path} › ${sub}` : sub;
}

export function propertyShape(value: unknown, depth = 0): PropertyShape {
  if (value === null || value === undefined || value === '') return { type: 'empty' };
  if (typeof value === 'boolean') return { type: 'checkbox', checked: value };
  if (typeof value === 'number') return { type: 'number', value };
  if (typeof value === 'string') {
    if (DATE.test(value))
      return {
        type: 'date',
        iso: value,
        text: value
          .replace('T', ' ')
          .replace(/:00(\.000)?Z$/, '')
          .replace(/\.000Z$/, 'Z'),
      };
    return { type: 'text', parts: textParts(value) };
  }
  if (Array.isArray(value)) {
    // Unquoted `[[Note]]` is YAML for a list in a list: show it as the link it was meant to be.
    if (value.length === 1 && typeof value[0] === 'string' && depth > 0) return { type: 'text', parts: textParts(`[[${value[0]}]]`) };
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string') {
      return { type: 'text', parts: textParts(`[[${value[0][0]}]]`) };
    }
    if (depth > 2) return { type: 'text', parts: [{ kind: 'text', text: JSON.stringify(value) }] };
    return { type: 'list', items: value.map((v) => propertyShape(v, depth + 1)) };
  }
  return { type: 'text', parts: [{ kind: 'text', text: JSON.stringify(value) }] };
}
