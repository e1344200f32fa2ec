// Obsidian callouts (obsidian-help "Callouts.md"): a blockquote whose first line is
// `[!type]`, `[!type]+` or `[!type]-` and an optional title. Foldable ones become
// <details>/<summary> (open for `+`, closed for `-`), so folding needs no script; callouts nest
// because every blockquote is looked at. The type's icon and colour come from note.css by class.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** Obsidian's types and their aliases → the type whose icon and colour they share. */
const CANONICAL: Record<string, string> = {
  note: 'note',
  abstract: 'abstract',
  summary: 'abstract',
  tldr: 'abstract',
  info: 'info',
  todo: 'todo',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'success',
  check: 'success',
  done: 'success',
  question: 'question',
  help: 'question',
  faq: 'question',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'failure',
  fail: 'failure',
  missing: 'failure',
  danger: 'danger',
  error: 'danger',
  bug: 'bug',
  example: 'example',
  quote: 'quote',
  cite: 'quote',
};

const MARKER = /^\[!([\w-]+)\]([+-]?)[ \t]*([^\n]*)\n?/;

export function callouts(md: MarkdownIt): void {
  md.core.ruler.push('callouts', (state: StateCore) => {
    const tokens = state.tokens;
    const stack: Array<{ at: number; close: string | null }> = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === 'blockquote_close') {
        const open = stack.pop();
        if (open?.close) toHtml(t, open.close);
        continue;
      }
      if (t.type !== 'blockquote_open') continue;
      const inline = tokens[i + 2];
      const m = tokens[i + 1]?.type === 'paragraph_open' && inline?.type === 'inline' ? MARKER.exec(inline.content) : null;
      if (!m) {
        stack.push({ at: i, close: null });
        continue;
      }
      const type = m[1].toLowerCase();
      const kind = CANONICAL[type] ?? 'note';
      const fold = m[2];
      const titleText = m[3].trim() || type.charAt(0).toUpperCase() + type.slice(1);
      // A fresh footnote list: the title is inline text, never the place footnotes are listed.
      const title = md.renderInline(titleText, { ...state.env, footnotes: undefined });
      const esc = md.utils.escapeHtml;
      const cls = `callout callout-${esc(kind)}${kind !== type ? ` callout-${esc(type)}` : ''}`;
      const head = `<span class="callout-icon" aria-hidden="true"></span><span class="callout-title-inner">${title}</span>`;
      if (fold) {
        toHtml(
          t,
          `<details class="${cls} is-foldable" data-callout="${esc(type)}"${fold === '+' ? ' open' : ''}><summary class="callout-title">${head}</summary><div class="callout-content">\n`,
        );
        stack.push({ at: i, close: '</div></details>\n' });
      } else {
        toHtml(t, `<div class="${cls}" data-callout="${esc(type)}"><div class="callout-title">${head}</div><div class="callout-content">\n`);
        stack.push({ at: i, close: '</div></div>\n' });
      }
      // The first paragraph loses its marker line; when nothing is left it is not drawn.
      inline.content = inline.content.slice(m[0].length);
      inline.children = [];
      state.md.inline.parse(inline.content, state.md, state.env, inline.children);
      if (inline.content.trim() === '') {
        tokens[i + 1].hidden = true;
        const close = tokens[i + 3];
        if (close?.type === 'paragraph_close') close.hidden = true;
      }
    }
  });
}

function toHtml(t: Token, html: string): void {
  t.type = 'html_block';
  t.tag = '';
  t.nesting = 0;
  t.content = html;
}
