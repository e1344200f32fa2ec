// Block ids (obsidian-help "Internal links.md", "Link to a block in a note"): `^id` at the end of
// a paragraph, list item or heading names that block; on a line of its own after a table, list
// or quote it names the block above. The marker is hidden in reading view and the block carries
// `data-block`, which `[[note#^id]]` scrolls to. Code is never touched: fences are no inline tokens.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const MARKER = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/;

export function blockIds(md: MarkdownIt): void {
  md.core.ruler.push('block_ids', (state: StateCore) => {
    const tokens = state.tokens;
    for (let i = tokens.length - 1; i >= 1; i--) {
      const inline = tokens[i];
      if (inline.type !== 'inline') continue;
      const m = MARKER.exec(inline.content);
      if (!m) continue;
      const last = inline.children?.at(-1);
      if (last?.type !== 'text' || !MARKER.test(last.content)) continue;
      last.content = last.content.replace(MARKER, '');
      inline.content = inline.content.replace(MARKER, '');
      const open = tokens[i - 1];
      if (inline.content.trim() === '' && open.type === 'paragraph_open') {
        // `^id` alone: it names the block before it, and its own paragraph goes.
        const before = tokens[i - 2];
        const owner = before && before.nesting === -1 ? opener(tokens, i - 2) : null;
        if (owner) {
          owner.attrSet('data-block', m[1]);
          tokens.splice(i - 1, 3);
          continue;
        }
      }
      // In a list item, the item is the block (Obsidian links the whole item).
      const item = open.type === 'paragraph_open' && tokens[i - 2]?.type === 'list_item_open' ? tokens[i - 2] : open;
      item.attrSet('data-block', m[1]);
    }
  });
}

/** The opening token matching the closing token at `close`. */
function opener(tokens: Token[], close: number): Token | null {
  let depth = 0;
  for (let j = close; j >= 0; j--) {
    depth += tokens[j].nesting;
    if (depth === 0) return tokens[j];
  }
  return null;
}
