// Footnotes `[^1]`, `[^1]: …` and inline `^[…]` with back-references (markdown-it-footnote).
// Its links point at `#fn1`; the app routes by the URL hash, so they become `href="#"` with a
// data-footnote target that the reader scrolls to. An embedded note gets its own id prefix.
import footnote from 'markdown-it-footnote';
import type { MarkdownIt, RendererRule } from 'markdown-it';

export function footnotes(md: MarkdownIt): void {
  md.use(footnote);
  for (const name of ['footnote_ref', 'footnote_anchor']) {
    const original = md.renderer.rules[name] as RendererRule;
    md.renderer.rules[name] = (tokens, i, options, env, self) =>
      original(tokens, i, options, env, self).replace(/href="#([^"]*)"/, (_m, target: string) => `href="#" data-footnote="${target}"`);
  }
}
