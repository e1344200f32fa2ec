import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../search/snippet.ts';
import mark from 'markdown-it-mark';
import { headingAnchors, inlineTags, markdownNoteLinks, stripComments, taskLists, wikilinks, type LinkTarget, type RenderEnv } from './markdown-plugins.ts';
import { blockIds } from './block-ids.ts';
import { callouts } from './callouts.ts';
import { mermaidBlocks } from './diagrams.ts';
import { footnotes } from './footnotes.ts';
import { math } from './math.ts';
import { escapePipesInTableLinks, tableAlignment } from './tables.ts';

// Raw HTML in notes is kept here and removed by the renderer's sanitiser (README.md house rule 8):
// the one place that puts HTML into the page decides what survives.
const md = new MarkdownIt({ html: true, linkify: false, breaks: false });
// Maintained plugins where one exists: ==highlight== (markdown-it-mark, keeps inline markup
// inside), footnotes (markdown-it-footnote), math (KaTeX). Order matters for the core rules:
// callouts before block ids before heading anchors (a heading's text loses its `^id` first).
md.use(math).use(wikilinks).use(inlineTags).use(mark).use(footnotes).use(markdownNoteLinks).use(mermaidBlocks);
md.use(callouts).use(blockIds).use(taskLists).use(headingAnchors).use(tableAlignment);

const IMAGE = /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i;
export const MAX_EMBED_DEPTH = 2;

export interface RenderSource {
  /** The note's markdown body (after frontmatter). */
  body(id: string): string | null;
  /** Resolves a link path written in note `fromId`. */
  resolve(path: string, fromId: string): string | null;
}

export function renderNote(id: string, source: RenderSource, depth = 0, seen: Set<string> = new Set([id])): string {
  const body = source.body(id);
  if (body === null) return '';
  return renderMarkdown(body, id, source, depth, seen);
}

/** Notes longer than this are shown in two parts: the first at once, the rest right after. */
export const FIRST_PART_CHARS = 30_000;

/**
 * Renders the first part of a long note, or the rest of it, so a 1 MB note paints its first
 * screens without waiting for the whole. Short notes are one part.
 */
export function renderNotePart(id: string, source: RenderSource, part: 'first' | 'rest'): { html: string; more: boolean } {
  const body = source.body(id);
  if (body === null) return { html: '', more: false };
  const [head, tail] = splitForRender(body);
  const markdown = part === 'first' ? head : (tail ?? '');
  return { html: renderMarkdown(markdown, id, source, 0, new Set([id])), more: part === 'first' && tail !== null };
}

/** Cuts before the first heading (else blank line) after `firstChars`, never inside a code fence. */
export function splitForRender(markdown: string, firstChars = FIRST_PART_CHARS): [string, string | null] {
  if (markdown.length <= firstChars * 1.5) return [markdown, null];
  let fenced = false;
  let offset = 0;
  let blank = -1;
  for (const line of markdown.split('\n')) {
    if (offset >= firstChars && !fenced) {
      if (/^#{1,6}\s/.test(line)) return [markdown.slice(0, offset), markdown.slice(offset)];
      if (blank < 0 && line.trim() === '') blank = offset;
    }
    if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
    offset += line.length + 1;
    if (blank >= 0 && offset - blank > 20_000) break;
  }
  return blank >= 0 ? [markdown.slice(0, blank), markdown.slice(blank)] : [markdown, null];
}

function renderMarkdown(markdown: string, id: string, source: RenderSource, depth: number, seen: Set<string>): string {
  const env: RenderEnv = {
    // Footnote ids of an embedded note must not collide with the embedding note's.
    ...(depth > 0 ? { docId: `e${depth}-${seen.size}` } : {}),
    escape: escapeHtml,
    resolve(path: string): LinkTarget {
      const target = source.resolve(path, id);
      if (!target) return { id: null, kind: 'missing' };
      if (/\.md$/i.test(target)) return { id: target, kind: 'note' };
      return { id: target, kind: IMAGE.test(target) ? 'image' : 'file' };
    },
    embed(target: string, subpath: string | null): string {
      // An embed of an embed is shown to a depth of two; a cycle shows a link only.
      if (depth >= MAX_EMBED_DEPTH || seen.has(target)) return '<p class="embed-omitted">…</p>';
      const body = source.body(target);
      if (body === null) return '';
      const part = subpath ? section(body, subpath) : body;
      return renderMarkdown(part, target, source, depth + 1, new Set([...seen, target]));
    },
  };
  return md.render(escapePipesInTableLinks(stripComments(markdown)), env as unknown as Record<string, unknown>);
}

/** The part of a note under heading `subpath` (to the next heading of the same or higher level),
 *  or the paragraph ending in `^block-id`. */
export function section(body: string, subpath: string): string {
  const lines = body.split('\n');
  if (subpath.startsWith('^')) {
    const id = subpath.slice(1);
    const at = lines.findIndex((l) => new RegExp(`(^|\\s)\\^${id.replace(/[^\w-]/g, '')}\\s*$`).test(l));
    if (at < 0) return '';
    let start = at;
    while (start > 0 && lines[start - 1].trim() !== '') start--;
    return lines
      .slice(start, at + 1)
      .join('\n')
      .replace(/\s\^[\w-]+\s*$/, '');
  }
  const want = subpath.trim().toLowerCase();
  const start = lines.findIndex((l) => {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
    return m !== null && m[2].toLowerCase() === want;
  });
  if (start < 0) return '';
  const level = /^(#{1,6})/.exec(lines[start])![1].length;
  let end = start + 1;
  while (end < lines.length && !(/^(#{1,6})\s/.exec(lines[end]) && /^(#{1,6})/.exec(lines[end])![1].length <= level)) end++;
  return lines.slice(start, end).join('\n');
}
