import type { Diagnostic, Heading, ParsedNote } from './note-types.ts';
import { parseFrontmatter } from './parse-frontmatter.ts';
import { maskCode } from './mask-code.ts';
import { maskLinkTargets, parseLinks } from './parse-links.ts';
import { propertyLinks } from './property-links.ts';
import { bodyTags, dedupeTags, frontmatterAliases, frontmatterTags } from './parse-tags.ts';

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/gm;
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/gm;

/** Note id → title: the file's basename without `.md` (what Obsidian shows). */
export function titleOf(id: string): string {
  const base = id.slice(id.lastIndexOf('/') + 1);
  return base.replace(/\.md$/i, '');
}

/**
 * Reads one note. Never throws: what cannot be read becomes a diagnostic and the rest is kept
 * (a note with broken YAML is still indexed as text).
 */
export function parseNote(id: string, text: string, extra: Diagnostic[] = []): ParsedNote {
  const diagnostics = [...extra];
  const fm = parseFrontmatter(text.normalize('NFC'));
  if (fm.error) diagnostics.push({ id, code: 'YAML_ERROR', message: `frontmatter: ${fm.error}`, line: 1 });

  const body = fm.body;
  const masked = maskCode(body);
  const lineStarts = lineStartOffsets(body);
  const lineOf = (offset: number) => fm.lineOffset + 1 + upperBound(lineStarts, offset) - 1;

  const headings: Heading[] = [];
  for (const m of masked.matchAll(HEADING)) {
    const text = body
      .slice(m.index, m.index + m[0].length)
      .replace(/^ {0,3}#{1,6}[ \t]+/, '')
      .replace(/[ \t]+#+[ \t]*$/, '')
      .trim();
    if (text) headings.push({ level: m[1].length, text, line: lineOf(m.index) });
  }

  // Property links first: the frontmatter comes before the body (Obsidian lists them so too).
  const links = [...propertyLinks(fm.data, fm.yaml), ...parseLinks(masked, body, lineOf)];
  const tagText = maskLinkTargets(masked).replace(/^ {0,3}#{1,6}[ \t]/gm, '  ');
  const tags = dedupeTags([...frontmatterTags(fm.data), ...bodyTags(tagText)]);
  const aliases = [...new Set(frontmatterAliases(fm.data))];
  const blockIds = [...masked.matchAll(BLOCK_ID)].map((m) => m[1]);

  const title = titleOf(id);
  const fmTitle = typeof fm.data.title === 'string' ? fm.data.title.trim() : null;
  return {
    id,
    title,
    subtitle: fmTitle && fmTitle !== title ? fmTitle : null,
    frontmatter: fm.data,
    tags,
    aliases,
    headings,
    links,
    blockIds,
    created: dateProperty(fm.data, ['created', 'date']),
    modified: dateProperty(fm.data, ['modified', 'updated']),
    bodyStartLine: fm.lineOffset + 1,
    diagnostics,
    // Last, so that note-bodies.ts can let it go and keep the object's shape.
    body,
  };
}

function dateProperty(fm: Record<string, unknown>, keys: string[]): string | null {
  for (const k of keys) if (typeof fm[k] === 'string' || typeof fm[k] === 'number') return String(fm[k]);
  return null;
}

function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Number of elements of sorted `arr` that are ≤ x. */
function upperBound(arr: number[], x: number): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
