// The Obsidian Spaced Repetition plugin stores a card's schedule in an HTML comment after it:
// `<!--SR:!2024-08-16,51,230-->`, one `!due,interval,ease` group per sibling card
// (st3v3nmw/obsidian-spaced-repetition docs, data-storage.md). Cairn reads them as history only.
import type { ImportedSchedule } from './card-types.ts';

const SR_COMMENT = /<!--SR:[^>\n]*-->/g;
const GROUP = /^(\d{4}-\d{2}-\d{2}),(\d+),(\d+)$/;
const SENTINEL = '\uE000';

/** Schedules of `<!--SR:…-->`, one per sibling; null when the comment does not parse. */
export function parseSrComment(comment: string): ImportedSchedule[] | null {
  const inner = comment
    .replace(/^<!--SR:/, '')
    .replace(/-->$/, '')
    .trim();
  const groups = inner.split('!').filter((g) => g.trim() !== '');
  const out: ImportedSchedule[] = [];
  for (const group of groups) {
    const m = GROUP.exec(group.trim());
    if (!m || Number.isNaN(Date.parse(m[1]))) return null;
    out.push({ due: m[1], interval: Number(m[2]), ease: Number(m[3]) });
  }
  return out.length > 0 ? out : null;
}

/**
 * `mask` (maskCode) blanks every HTML comment, SR comments included. Runs it with SR comments
 * swapped for private-use characters, then puts back those that survived — the ones outside code.
 */
export function maskKeepingSrComments(text: string, mask: (md: string) => string): string {
  const spans = [...text.matchAll(SR_COMMENT)].map((m) => [m.index, m.index + m[0].length] as const);
  let swapped = text;
  for (const [start, end] of spans) swapped = swapped.slice(0, start) + SENTINEL.repeat(end - start) + swapped.slice(end);
  let masked = mask(swapped);
  for (const [start, end] of spans) {
    if (masked.slice(start, end) === SENTINEL.repeat(end - start)) {
      masked = masked.slice(0, start) + text.slice(start, end) + masked.slice(end);
    }
  }
  return masked;
}

/** The SR comment that ends a (masked) line, with where it starts; trailing spaces allowed. */
export function trailingSrComment(scanLine: string): { comment: string; start: number } | null {
  const m = /<!--SR:[^>\n]*-->\s*$/.exec(scanLine);
  return m ? { comment: m[0].trim(), start: m.index } : null;
}

/**
 * The callout form of a schedule (the plugin's "use callouts for scheduling comments" setting):
 * a line `> [!sr|card-metadata]` under the card, then `> <!--SR:…-->`.
 */
export const SR_CALLOUT = /^\s*>\s*\[!sr\|card-metadata\][+-]?\s*$/i;
export const SR_CALLOUT_BODY = /^\s*>\s*(<!--SR:[^>\n]*-->)\s*$/;
