// Math with KaTeX through VS Code's markdown-it plugin (@vscode/markdown-it-katex: `$…$`,
// `$$…$$`, prices such as "$5 and $6" stay text). KaTeX writes MathML only: Chromium renders
// MathML Core natively, so no KaTeX fonts or stylesheet and no inline style attributes, which
// the CSP (`style-src 'self'`) refuses. Bad input is bounded (maxExpand, maxSize, a length cap)
// and becomes an inline error box; the rest of the note still renders.
import katex from 'katex';
import katexPlugin from '@vscode/markdown-it-katex';
import type { MarkdownIt, StateInline } from 'markdown-it';
import { escapeHtml } from '../search/snippet.ts';

/** A formula longer than this is refused before KaTeX sees it. */
export const MAX_FORMULA_CHARS = 20_000;

const OPTIONS = {
  output: 'mathml',
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  // Bounds on macro expansion and sizes: a formula cannot loop or blow up the layout.
  maxExpand: 500,
  maxSize: 40,
  globalGroup: false,
} as const;

/** KaTeX with our error box instead of KaTeX's red text (whose `style` the sanitiser drops). */
export function renderMath(latex: string, displayMode: boolean): string {
  try {
    if (latex.length > MAX_FORMULA_CHARS) throw new Error(`formula longer than ${MAX_FORMULA_CHARS} characters`);
    return katex.renderToString(latex, { ...OPTIONS, displayMode });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return `<span class="math-error" role="note" title="${escapeHtml(latex.slice(0, 500))}">Math error: ${escapeHtml(reason.slice(0, 300))}</span>`;
  }
}

// The plugin is CommonJS with `exports.default`: under Node's ESM loader the default import is
// the module object, under a bundler the function.
type Plugin = typeof katexPlugin;
const katexMarkdown: Plugin = (katexPlugin as unknown as { default?: Plugin }).default ?? katexPlugin;

export function math(md: MarkdownIt): void {
  md.use(katexMarkdown, { katex: { renderToString: (latex: string, o: { displayMode?: boolean }) => renderMath(latex, Boolean(o.displayMode)) } });
  // `$$…$$` inside a paragraph must not open a <p> in a <p> (the plugin writes one).
  md.renderer.rules.math_inline_block = (tokens, i) => `<span class="math-display">${renderMath(tokens[i].content, true)}</span>`;
  md.renderer.rules.math_block = (tokens, i) => `<div class="math-display">${renderMath(tokens[i].content, true)}</div>\n`;
  // Inline math by Pandoc's rule, as the note parser masks it (electron/domain/notes/mask-code.ts):
  // the opening `$` is followed by a non-space, the closing one follows a non-space and is not
  // followed by a digit, on one line — so "costs $5 and $6." stays text. Replaces the plugin's rule.
  md.inline.ruler.before('math_inline', 'math_inline_pandoc', (state: StateInline, silent: boolean) => {
    const src = state.src;
    const at = state.pos;
    if (src[at] !== '$' || src[at + 1] === '$') return false;
    const close = src.indexOf('$', at + 1);
    const content = close < 0 ? '' : src.slice(at + 1, close);
    const ok =
      close > at + 1 && !/^\s/.test(content) && !/\s$/.test(content) && !content.includes('\n') && !/\d/.test(src[close + 1] ?? '') && src[at - 1] !== '\\';
    if (!ok) {
      if (!silent) state.pending += '$';
      state.pos = at + 1;
      return true;
    }
    if (!silent) {
      const token = state.push('math_inline', 'math', 0);
      token.markup = '$';
      token.content = content;
    }
    state.pos = close + 1;
    return true;
  });
}
