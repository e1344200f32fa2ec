import MarkdownIt from 'markdown-it';
import { escapeHtml } from '../search/snippet.ts';
import { callouts, headingAnchors, highlights, inlineTags, markdownNoteLinks, stripComments, taskLists, wikilinks, type LinkTarget, type RenderEnv } from './markdown-plugins.ts';

// Raw HTML in notes is kept here and removed by the renderer's sanitiser (STYLE.md rule 8):
// the one place that puts HTML into the page decides what survives.
const md = new MarkdownIt({ html: true, linkify: false, breaks: false });
md.use(wikilinks).use(inlineTags).use(highlights).use(markdownNoteLinks).use(callouts).use(taskLists).use(headingAnchors);

const IMAGE = /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i;
const MAX_EMBED_DEPTH = 2;

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

function renderMarkdown(markdown: string, id: string, source: RenderSource, depth: number, seen: Set<string>): string {
  const env: RenderEnv = {
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
  return md.render(hideBlockIds(stripComments(markdown)), env as unknown as Record<string, unknown>);
}

/** `^block-id` markers at the end of a paragraph are anchors, not text (outside code fences). */
function hideBlockIds(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
      return fenced ? line : line.replace(/\s\^[A-Za-z0-9-]+\s*$/, '');
    })
    .join('\n');
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
    return lines.slice(start, at + 1).join('\n').replace(/\s\^[\w-]+\s*$/, '');
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
