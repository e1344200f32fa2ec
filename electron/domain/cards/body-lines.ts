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
}

export function bodyLines(body: string): BodyLines {
  const split = (text: string) => text.split('\n').map((line) => line.replace(/\r$/, ''));
  return { raw: split(body), scan: split(maskKeepingSrComments(body, maskCode)) };
}

export const isBlank = (line: string) => line.trim() === '';

/** ATX heading (CommonMark: up to three spaces of indent). */
export const isHeading = (line: string) => /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line);

/** Bold and underscore-bold markers removed: `**정답: C)**` and `**정답:** C)` read alike. */
export const unbold = (line: string) => line.replace(/\*\*|__/g, '');
