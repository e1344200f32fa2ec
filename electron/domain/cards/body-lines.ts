import { maskCode } from '../notes/mask-code.ts';
import { maskKeepingSrComments } from './sr-comment.ts';

/**
 * A note body split in lines twice: `raw` as written (the text cards show) and `scan` with code,
 * math and comments blanked at the same offsets (where card syntax is looked for), SR comments
 * kept. Index i is body line i; file line = bodyStartLine + i.
 */
export interface BodyLines {
  raw: string[];
  scan: string[];
  /** Lines of fenced code blocks, fences included: a blank line there does not end a card. */
  fenced: boolean[];
}

export function bodyLines(body: string): BodyLines {
  const split = (text: string) => text.split('\n').map((line) => line.replace(/\r$/, ''));
  const raw = split(body);
  return { raw, scan: split(maskKeepingSrComments(body, maskCode)), fenced: fencedLines(raw) };
}

/** CommonMark fences as maskCode reads them: ``` or ~~~ (3+), closed by the same run or longer. */
function fencedLines(raw: string[]): boolean[] {
  let fence: { ch: string; len: number } | null = null;
  return raw.map((line) => {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1][0] === fence.ch && m[1].length >= fence.len && line.trim() === m[1]) fence = null;
      return true;
    }
    if (m && !(m[1][0] === '`' && line.slice(m.index + m[0].length).includes('`'))) {
      fence = { ch: m[1][0], len: m[1].length };
      return true;
    }
    return false;
  });
}

export const isBlank = (line: string) => line.trim() === '';

/** ATX heading (CommonMark: up to three spaces of indent). */
export const isHeading = (line: string) => /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line);

/** Bold and underscore-bold markers removed: `**정답: C)**` and `**정답:** C)` read alike. */
export const unbold = (line: string) => line.replace(/\*\*|__/g, '');
