// Blanks out the parts of markdown where Obsidian finds neither tags nor links, in Obsidian's
// order of precedence (electron/domain/README.md §1 "Links"): code first (fenced, indented, inline) —
// nothing inside code is a comment, tag, link or math —, then backslash escapes, then
// `%%comments%%` and HTML comments, then math. Blanked characters become spaces and newlines are
// kept, so offsets and line numbers in the result match the input.
import MarkdownIt from 'markdown-it';

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

/** Code, escapes, comments and math blanked: what tags and links are read from. */
export function maskCode(md: string): string {
  let out = maskComments(maskEscapes(maskCodeOnly(md)));
  out = out.replace(/\$\$[\s\S]*?(\$\$|$)/g, blank);
  // Pandoc's rule for inline math: `$` before a non-space, closing `$` after a non-space and not
  // before a digit — so prices such as "$0.05 ... $3.825" stay text.
  out = out.replace(/\$(?=\S)[^$\n]*?\S\$(?!\d)/g, blank);
  return out;
}

/** Fenced code blocks, indented code blocks and inline code spans blanked. */
export function maskCodeOnly(md: string): string {
  return maskInlineCode(INDENTED_CANDIDATE.test(md) ? maskBlocksByParse(md) : maskFences(md));
}

/** Where the `%%comments%%` are (start, end offsets), code and escapes taken into account. */
export function commentRanges(md: string): Array<[number, number]> {
  const masked = maskEscapes(maskCodeOnly(md));
  return [...masked.matchAll(COMMENT)].map((m) => [m.index, m.index + m[0].length]);
}

const COMMENT = /%%[\s\S]*?(?:%%|$)/g;

function maskComments(s: string): string {
  return s.replace(COMMENT, blank).replace(/<!--[\s\S]*?(-->|$)/g, blank);
}

/** CommonMark: a backslash before ASCII punctuation makes it literal (`\#not-a-tag`, `\[[x]]`, `\$5`). */
function maskEscapes(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\[!-/:-@[-`{-~]/g, (m) => (m === '\\|' ? m : '  '));
}

// An indented code block needs a line of 4+ spaces (or a tab) after a blank line or at the start;
// only then is the note parsed by markdown-it, whose block rules know list continuations.
const INDENTED_CANDIDATE = /(?:^|\n[ \t]*\n)(?: {4}|\t)[ \t]*\S/;
const blockParser = new MarkdownIt({ html: true });
for (const rule of ['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']) blockParser.core.ruler.disable(rule, true);

function maskBlocksByParse(md: string): string {
  const lines = md.split('\n');
  for (const t of blockParser.parse(md, {})) {
    if ((t.type !== 'code_block' && t.type !== 'fence') || !t.map) continue;
    for (let i = t.map[0]; i < t.map[1] && i < lines.length; i++) lines[i] = blank(lines[i]);
  }
  return lines.join('\n');
}

function maskFences(md: string): string {
  // No fence opener anywhere: nothing to mask (most notes), without splitting into lines.
  if (!md.includes('```') && !md.includes('~~~')) return md;
  const lines = md.split('\n');
  let fence: { ch: string; len: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      const closes = m && m[1][0] === fence.ch && m[1].length >= fence.len && line.trim() === m[1];
      lines[i] = blank(line);
      if (closes) fence = null;
    } else if (m && !(m[1][0] === '`' && line.slice(m.index + m[0].length).includes('`'))) {
      fence = { ch: m[1][0], len: m[1].length };
      lines[i] = blank(line);
    }
  }
  return lines.join('\n');
}

/** CommonMark code spans: a run of N backticks closed by the next run of exactly N (linear time).
 *  A backslash before the opening run escapes its first backtick. */
function maskInlineCode(md: string): string {
  const runs: Array<[number, number]> = [];
  for (const m of md.matchAll(/`+/g)) {
    const escaped = m.index > 0 && md[m.index - 1] === '\\';
    if (escaped && m[0].length === 1) continue;
    runs.push(escaped ? [m.index + 1, m[0].length - 1] : [m.index, m[0].length]);
  }
  if (runs.length < 2) return md;
  const chars = md.split('');
  // For each run, the index of the next run of the same length.
  const next = new Array<number>(runs.length).fill(-1);
  const lastByLen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    next[r] = lastByLen.get(runs[r][1]) ?? -1;
    lastByLen.set(runs[r][1], r);
  }
  // A code span never crosses a blank line (the paragraph ends there): number the paragraphs.
  const para = new Array<number>(runs.length);
  const breaks = [...md.matchAll(/\n[ \t]*\n/g)].map((m) => m.index);
  for (let r = 0, b = 0; r < runs.length; r++) {
    while (b < breaks.length && breaks[b] < runs[r][0]) b++;
    para[r] = b;
  }
  let r = 0;
  while (r < runs.length) {
    const close = next[r];
    if (close < 0 || para[close] !== para[r]) {
      r++;
      continue;
    }
    const end = runs[close][0] + runs[close][1];
    for (let i = runs[r][0]; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
    r = close + 1;
  }
  return chars.join('');
}
