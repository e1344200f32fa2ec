// Blanks out the parts of markdown where Obsidian finds neither tags nor links: fenced code,
// inline code, %%comments%%, HTML comments and math. Blanked characters become spaces and
// newlines are kept, so offsets and line numbers in the result match the input.

const blank = (s: string) => s.replace(/[^\n]/g, ' ');

export function maskCode(md: string): string {
  let out = maskFences(md);
  out = out.replace(/%%[\s\S]*?(%%|$)/g, blank);
  out = out.replace(/<!--[\s\S]*?(-->|$)/g, blank);
  out = out.replace(/\$\$[\s\S]*?(\$\$|$)/g, blank);
  out = maskInlineCode(out);
  // Pandoc's rule for inline math: `$` before a non-space, closing `$` after a non-space and not
  // before a digit — so prices such as "$0.05 ... $3.825" stay text.
  out = out.replace(/\$(?=\S)[^$\n]*?\S\$(?!\d)/g, blank);
  return out;
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

/** CommonMark code spans: a run of N backticks closed by the next run of exactly N (linear time). */
function maskInlineCode(md: string): string {
  const runs: Array<[number, number]> = [];
  for (const m of md.matchAll(/`+/g)) runs.push([m.index, m[0].length]);
  if (runs.length < 2) return md;
  const chars = md.split('');
  // For each run, the index of the next run of the same length.
  const next = new Array<number>(runs.length).fill(-1);
  const lastByLen = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    next[r] = lastByLen.get(runs[r][1]) ?? -1;
    lastByLen.set(runs[r][1], r);
  }
  let r = 0;
  while (r < runs.length) {
    const close = next[r];
    if (close < 0) { r++; continue; }
    const end = runs[close][0] + runs[close][1];
    for (let i = runs[r][0]; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
    r = close + 1;
  }
  return chars.join('');
}
