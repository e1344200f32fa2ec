// ```mermaid blocks are kept as their source text in a marked <pre>: the reader draws them
// (renderer/features/note/mermaid-diagrams.ts, loaded only when a note has one), because Mermaid
// needs a browser to lay text out. Without script the source stays readable.
import type { MarkdownIt, RendererRule } from 'markdown-it';

/** Larger sources are shown as text with an error box instead of being drawn. */
export const MAX_DIAGRAM_CHARS = 50_000;

export function mermaidBlocks(md: MarkdownIt): void {
  const fallback = md.renderer.rules.fence as RendererRule;
  md.renderer.rules.fence = (tokens, i, options, env, self) => {
    const t = tokens[i];
    if (t.info.trim().split(/\s+/)[0].toLowerCase() !== 'mermaid') return fallback(tokens, i, options, env, self);
    const code = md.utils.escapeHtml(t.content);
    if (t.content.length > MAX_DIAGRAM_CHARS) {
      return `<div class="diagram-error" role="note">Diagram not drawn: its source is longer than ${MAX_DIAGRAM_CHARS} characters.</div><pre><code>${code}</code></pre>\n`;
    }
    return `<pre class="mermaid-source" data-diagram="mermaid"><code>${code}</code></pre>\n`;
  };
}
