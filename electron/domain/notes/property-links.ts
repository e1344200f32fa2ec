// Property links (electron/domain/README.md §1 "Links"): a `[[…]]` inside a frontmatter value is a link like any other (Obsidian 1.4+,
// obsidian-help "Properties.md": "Links in properties"). Values are read from the parsed YAML,
// so only real string values count (a key or a YAML comment holding `[[x]]` does not).
import type { RawLink } from './note-types.ts';
import { wikilinkParts } from './parse-links.ts';

const IN_STRING = /\[\[([^[\]\n]+?)\]\]/g;

/** One property value that names a link, before line numbers are found. */
interface Found {
  key: string;
  inner: string;
}

/**
 * The links of a note's properties, in YAML order, with the file line where each is written.
 * `frontmatterText` is the raw block between the `---` lines (line 2 of the file is its first line).
 */
export function propertyLinks(data: Record<string, unknown>, frontmatterText: string): RawLink[] {
  const found: Found[] = [];
  for (const [key, value] of Object.entries(data)) collect(key, value, found, 0);
  if (found.length === 0) return [];
  const lines = frontmatterText.split('\n');
  const cursor = new Map<string, number>();
  return found.map(({ key, inner }) => {
    const raw = `[[${inner}]]`;
    const line = findLine(lines, key, inner, cursor);
    return { ...wikilinkParts(inner, false), raw, line, property: key };
  });
}

function collect(key: string, value: unknown, out: Found[], depth: number): void {
  if (depth > 3) return;
  if (typeof value === 'string') {
    for (const m of value.matchAll(IN_STRING)) out.push({ key, inner: m[1] });
    return;
  }
  if (!Array.isArray(value)) return;
  // Unquoted `key: [[Note]]` (or a list item `- [[Note]]`) is YAML for a list holding a list
  // of one string; Obsidian's property editor writes it quoted, people write it bare.
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && typeof value[0][0] === 'string') {
    out.push({ key, inner: value[0][0] });
    return;
  }
  for (const item of value) {
    if (Array.isArray(item) && item.length === 1 && typeof item[0] === 'string') out.push({ key, inner: item[0] });
    else collect(key, item, out, depth + 1);
  }
}

/** File line (1-based) of the next occurrence of this link in the block; else the key's line. */
function findLine(lines: string[], key: string, inner: string, cursor: Map<string, number>): number {
  const needle = `[[${inner}]]`;
  const from = cursor.get(needle) ?? 0;
  for (let i = from; i < lines.length; i++) {
    if (lines[i].includes(needle)) {
      cursor.set(needle, i + 1);
      return i + 2;
    }
  }
  const keyLine = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`));
  return keyLine < 0 ? 1 : keyLine + 2;
}
