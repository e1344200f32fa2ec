// markdown-it plugins for Obsidian syntax: wikilinks and embeds, inline #tags, task lists and
// %%comments%%. They emit plain HTML that the renderer sanitises.
import type { MarkdownIt, RendererRule, StateCore, StateInline, Token } from 'markdown-it';
import { commentRanges } from '../notes/mask-code.ts';

export interface LinkTarget {
  /** Resolved vault id, or null when unresolved. */
  id: string | null;
  /** For an embed of a note: its rendered section; of an image: marks it so. */
  kind: 'note' | 'image' | 'file' | 'missing';
}

export interface RenderEnv {
  [key: string]: unknown;
  resolve(path: string): LinkTarget;
  /** HTML of an embedded note (or one of its sections), already depth-limited. */
  embed(id: string, subpath: string | null): string;
  escape(s: string): string;
}

interface LinkMeta {
  [key: string]: unknown;
  path: string;
  subpath: string | null;
  display: string | null;
}

/** A render rule that reads our RenderEnv (markdown-it types env loosely). */
const rule =
  (fn: (token: Token, env: RenderEnv) => string): RendererRule =>
  (tokens, i, _options, env) =>
    fn(tokens[i], env as unknown as RenderEnv);

const TAG = /^#([^\s!"#$%&'()*+,.:;<=>?@^`{|}~[\]\\\u2000-\u206F\u2E00-\u2E7F]+)/u;

export function wikilinks(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wikilink', (state: StateInline, silent: boolean) => {
    const src = state.src;
    let pos = state.pos;
    const embed = src.charCodeAt(pos) === 0x21; /* ! */
    if (embed) pos++;
    if (!src.startsWith('[[', pos)) return false;
    const close = src.indexOf(']]', pos + 2);
    if (close < 0) return false;
    const inner = src.slice(pos + 2, close);
    if (inner.includes('\n') || inner.includes('[')) return false;
    if (!silent) {
      const token = state.push(embed ? 'obsidian_embed' : 'wikilink', '', 0);
      const pipe = inner.indexOf('|');
      const target = (pipe < 0 ? inner : inner.slice(0, pipe)).replace(/\\$/, '').trim();
      const hash = target.indexOf('#');
      token.meta = {
        path: hash < 0 ? target : target.slice(0, hash),
        subpath: hash < 0 ? null : target.slice(hash + 1) || null,
        display: pipe < 0 ? null : inner.slice(pipe + 1),
      };
    }
    state.pos = close + 2;
    return true;
  });

  md.renderer.rules.wikilink = rule((token, env) => {
    const { path, subpath, display } = token.meta as LinkMeta;
    return internalLink(env, path, subpath, env.escape(display ?? linkLabel(path, subpath)));
  });

  md.renderer.rules.obsidian_embed = rule((token, env) => {
    const { path, subpath, display } = token.meta as LinkMeta;
    const target = env.resolve(path);
    if (target.kind === 'image' && target.id) {
      // `![[img|100]]` and `![[img|100x80]]` set the size (obsidian-help "Embed files.md").
      const size = /^\s*(\d{1,5})(?:x(\d{1,5}))?\s*$/.exec(display ?? '');
      const dims = size ? ` width="${size[1]}"${size[2] ? ` height="${size[2]}"` : ''}` : '';
      const alt = size ? path : (display ?? path);
      return `<img class="embed-image" data-file="${env.escape(target.id)}" alt="${env.escape(alt)}"${dims}>`;
    }
    if (target.kind === 'note' && target.id) {
      return `<div class="embed" data-embed="${env.escape(target.id)}"><div class="embed-title">${internalLink(env, path, subpath, env.escape(linkLabel(path, subpath)))}</div>${env.embed(target.id, subpath)}</div>`;
    }
    return internalLink(env, path, subpath, env.escape(display ?? path));
  });
}

/** "note › heading" (a block id without its `^`); never a raw `^`. */
export function linkLabel(path: string, subpath: string | null): string {
  const sub = subpath?.replace(/^\^/, '') ?? '';
  if (!path) return sub;
  return sub ? `${path} › ${sub}` : path;
}

function internalLink(env: RenderEnv, path: string, subpath: string | null, html: string): string {
  const sub = subpath ? ` data-subpath="${env.escape(subpath)}"` : '';
  if (path === '') return `<a class="internal-link" data-self="1"${sub} href="#">${html}</a>`;
  const target = env.resolve(path);
  if (!target.id) {
    return `<a class="internal-link is-unresolved" data-unresolved="${env.escape(path)}" title="Not created yet: ${env.escape(path)}" href="#">${html}</a>`;
  }
  return `<a class="internal-link" data-note="${env.escape(target.id)}"${sub} href="#">${html}</a>`;
}

/** Markdown links to vault files become internal links; others stay external. */
export function markdownNoteLinks(md: MarkdownIt): void {
  const fallback: RendererRule = md.renderer.rules.link_open ?? ((t, i, o, _e, self) => self.renderToken(t, i, o));
  md.renderer.rules.link_open = (tokens, i, options, rawEnv, self) => {
    const env = rawEnv as unknown as RenderEnv;
    const href = String(tokens[i].attrGet('href') ?? '');
    if (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#') && href) {
      let decoded = href;
      try {
        decoded = decodeURIComponent(href);
      } catch {
        /* keep as written */
      }
      const hash = decoded.indexOf('#');
      const target = env.resolve(hash < 0 ? decoded : decoded.slice(0, hash));
      tokens[i].attrs = [
        ['href', '#'],
        ['class', target.id ? 'internal-link' : 'internal-link is-unresolved'],
      ];
      if (target.id) tokens[i].attrSet('data-note', target.id);
      if (hash >= 0) tokens[i].attrSet('data-subpath', decoded.slice(hash + 1));
    } else if (/^https?:/i.test(href)) {
      tokens[i].attrSet('class', 'external-link');
      tokens[i].attrSet('rel', 'noopener noreferrer');
    }
    return fallback(tokens, i, options, rawEnv, self);
  };
}

/** Inline `#tags` (same rule as the parser) become chips that filter by tag. */
export function inlineTags(md: MarkdownIt): void {
  md.inline.ruler.after('wikilink', 'obsidian_tag', (state: StateInline, silent: boolean) => {
    if (state.src.charCodeAt(state.pos) !== 0x23) return false;
    const prev = state.pos > 0 ? state.src[state.pos - 1] : ' ';
    if (!/\s/.test(prev)) return false;
    const m = TAG.exec(state.src.slice(state.pos));
    if (!m || /^[0-9/]+$/.test(m[1])) return false;
    if (!silent) state.push('obsidian_tag', '', 0).meta = { tag: m[1] };
    state.pos += m[0].length;
    return true;
  });
  md.renderer.rules.obsidian_tag = rule((token, env) => {
    const tag = env.escape(String(token.meta?.tag));
    return `<a class="tag" data-tag="${tag}" href="#">#${tag}</a>`;
  });
}

/** `%%comment%%` is hidden in reading view (Obsidian); a `%%` inside code is text. */
export function stripComments(src: string): string {
  const ranges = commentRanges(src);
  if (ranges.length === 0) return src;
  let out = '';
  let at = 0;
  for (const [start, end] of ranges) {
    out += src.slice(at, start);
    at = end;
  }
  return out + src.slice(at);
}

/** GFM task list items `- [ ]` / `- [x]` → disabled checkboxes. */
export function taskLists(md: MarkdownIt): void {
  md.core.ruler.push('task_lists', (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type !== 'inline' || tokens[i - 2]?.type !== 'list_item_open') continue;
      const m = /^\[([ xX])\][ \t]/.exec(t.content);
      if (!m || !t.children?.length || t.children[0].type !== 'text') continue;
      t.children[0].content = t.children[0].content.slice(m[0].length);
      const box = new state.Token('html_inline', '', 0);
      // A drawn box, not an <input>: the app never rewrites notes, and forms are sanitised away.
      box.content = m[1] === ' ' ? '<span class="task-box">☐</span> ' : '<span class="task-box is-done">☑</span> ';
      t.children.unshift(box);
      tokens[i - 2].attrJoin('class', 'task-item');
    }
  });
}

/** Headings carry an id and their source line, for the outline and `[[#Heading]]`. */
export function headingAnchors(md: MarkdownIt): void {
  md.core.ruler.push('heading_anchors', (state: StateCore) => {
    let n = 0;
    for (let i = 0; i < state.tokens.length; i++) {
      const t = state.tokens[i];
      if (t.type !== 'heading_open') continue;
      t.attrSet('id', `h-${n++}`);
      t.attrSet('data-heading', state.tokens[i + 1]?.content ?? '');
      if (t.map) t.attrSet('data-line', String(t.map[0]));
    }
  });
}
