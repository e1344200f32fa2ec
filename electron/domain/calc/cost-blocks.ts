// Fenced code blocks with the info string `cost` (CommonMark fences, as mask-code.ts reads them).
// This module imports nothing: it tells whether a note has a calculator without loading mathjs.

/** Calculator files are YAML, not notes: they stay out of search, links and cards. */
export const CALCULATOR_FILE = /\.cost\.ya?ml$/i;

export interface CostBlock {
  /** The YAML inside the fence. */
  text: string;
  /** 1-based line, within the markdown given, of the block's first YAML line. */
  line: number;
}

const OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;

export function findCostBlocks(markdown: string): CostBlock[] {
  const lines = markdown.split('\n');
  const blocks: CostBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPEN.exec(lines[i].replace(/\r$/, ''));
    // CommonMark: a backtick fence's info string holds no backtick.
    if (!open || (open[2][0] === '`' && open[3].includes('`'))) {
      i++;
      continue;
    }
    const [, indent, fence, rest] = open;
    const info = rest.trim().split(/\s+/)[0];
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j].replace(/\r$/, '');
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) break;
      // CommonMark: content loses up to as many leading spaces as the opening fence had.
      body.push(line.replace(new RegExp(`^ {0,${indent.length}}`), ''));
    }
    if (info === 'cost') blocks.push({ text: body.join('\n'), line: i + 2 });
    i = j + 1;
  }
  return blocks;
}
