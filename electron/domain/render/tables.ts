// Tables: column alignment as classes (markdown-it writes `style="text-align:…"`, which the CSP
// refuses and the sanitiser drops), and `[[link|text]]` / `![[img|100]]` inside a table row,
// where Obsidian lets the `|` stand unescaped inside the brackets.
import type { MarkdownIt, StateCore } from 'markdown-it';

export function tableAlignment(md: MarkdownIt): void {
  md.core.ruler.push('table_align_classes', (state: StateCore) => {
    for (const t of state.tokens) {
      if (t.type !== 'th_open' && t.type !== 'td_open') continue;
      const align = /text-align:\s*(left|center|right)/.exec(t.attrGet('style') ?? '');
      if (!t.attrs) continue;
      t.attrs = t.attrs.filter(([name]) => name !== 'style');
      if (align) t.attrJoin('class', `align-${align[1]}`);
    }
  });
}

const TABLE_ROW = /^[ \t]*\|/;
const BRACKETS = /!?\[\[[^[\]\n]*\]\]/g;

/** Escapes a bare `|` inside `[[…]]` on table rows (outside fences), as Obsidian reads them. */
export function escapePipesInTableLinks(markdown: string): string {
  if (!markdown.includes('|') || !markdown.includes('[[')) return markdown;
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^ {0,3}(```|~~~)/.test(line)) fenced = !fenced;
      if (fenced || !TABLE_ROW.test(line)) return line;
      return line.replace(BRACKETS, (link) => link.replace(/(?<!\\)\|/g, '\\|'));
    })
    .join('\n');
}
