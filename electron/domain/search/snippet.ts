// Snippets: the line of a note that holds most of the query's terms, cut around the first match,
// HTML-escaped, with every match wrapped in <mark>.
import { foldWithMap } from '../text/fold.ts';

const WINDOW = 160;
const HANGUL = /^\p{Script=Hangul}/u;
const WORD_CHAR = /[\p{L}\p{N}_]/u;
const FOLDS_TO_LOWER = /^[\x00-\x7f\p{Script=Hangul}]*$/u;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`);
}

/** Markdown syntax that would only be noise in a one-line snippet. */
export function plainLine(line: string): string {
  return line
    .replace(/!?\[\[([^\]|]*\|)?([^\]]*)\]\]/g, '$2')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}\s+|>\s*|[-*+]\s+(\[.\]\s+)?|\d+[.)]\s+)/, '')
    .replace(/(\*\*|__|==|~~|`)/g, '')
    .trim();
}

type Range = [number, number];

/** Where `terms` occur in `line` (original offsets). Latin terms match at a word start and the
 *  mark runs to the word's end; Hangul terms match anywhere (particles and compounds). */
export function findMatches(line: string, terms: string[], phrases: string[] = []): Range[] {
  return matchesOf(line, needlesOf(terms, phrases));
}

/** The folded phrases, then the terms: what findMatches looks for, made once per snippet. */
const needlesOf = (terms: string[], phrases: string[]) => [...phrases.map((p) => foldWithMap(p).folded), ...terms];

function matchesOf(line: string, needles: string[]): Range[] {
  const { folded, map } = foldWithMap(line);
  const ranges: Range[] = [];
  for (const t of needles) {
    if (!t) continue;
    const hangul = HANGUL.test(t);
    for (let at = folded.indexOf(t); at >= 0; at = folded.indexOf(t, at + 1)) {
      if (!hangul && at > 0 && WORD_CHAR.test(folded[at - 1])) continue;
      let end = at + t.length;
      if (!hangul) while (end < folded.length && WORD_CHAR.test(folded[end])) end++;
      ranges.push(map ? [map[at], map[end]] : [at, end]);
    }
  }
  if (ranges.length < 2) return ranges;
  ranges.sort((a, b) => a[0] - b[0]);
  // Merged in place: the ranges are this call's own.
  let last = 0;
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i][0] <= ranges[last][1]) ranges[last][1] = Math.max(ranges[last][1], ranges[i][1]);
    else ranges[++last] = ranges[i];
  }
  ranges.length = last + 1;
  return ranges;
}

export function markRanges(text: string, ranges: Range[]): string {
  let out = '';
  let pos = 0;
  for (const [s, e] of ranges) {
    out += escapeHtml(text.slice(pos, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    pos = e;
  }
  return out + escapeHtml(text.slice(pos));
}

/** The best line of `body` for the query, or '' when no line matches. */
export function makeSnippet(body: string, terms: string[], phrases: string[] = [], plain = foldsToLower(body)): string {
  let best: { line: string; ranges: Range[]; score: number } | null = null;
  let scanned = 0;
  const needles = needlesOf(terms, phrases);
  for (const { line: raw, most } of linesToTry(body, [...terms, ...phrases.map((p) => p.toLowerCase())], plain)) {
    if (best && best.score >= most) break;
    if (++scanned > 5000 && best) break;
    const line = plainLine(raw);
    if (!line) continue;
    const ranges = matchesOf(line, needles);
    if (ranges.length === 0) continue;
    const distinct = new Set(ranges.map(([s, e]) => line.slice(s, e).toLowerCase())).size;
    if (!best || distinct > best.score) best = { line, ranges, score: distinct };
    if (best.score >= terms.length + phrases.length) break;
  }
  if (!best) return '';
  return cutAround(best.line, best.ranges);
}

/** Where `needle` (folded) next occurs in `body` (ASCII and Hangul) from `from`, or -1. Hangul and
 *  digits have no case: indexOf. Latin letters: a case-insensitive search, not the whole body
 *  lower-cased (V8 lower-cases two-byte text, such as Korean, character by character). */
function occurrence(body: string, needle: string): (from: number) => number {
  if (!/[a-z]/.test(needle)) return (from) => body.indexOf(needle, from);
  const re = new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
  return (from) => {
    re.lastIndex = from;
    return re.exec(body)?.index ?? -1;
  };
}

/** Whether `text` is ASCII and Hangul only, which fold to themselves lower-cased (fold.ts). */
export const foldsToLower = (text: string) => FOLDS_TO_LOWER.test(text);

/**
 * The lines of `body` that can hold a match, with the most distinct matches each can have. Text
 * of ASCII and Hangul folds to itself lower-cased (`plain`), so in such a body (most notes) only
 * the lines where a needle occurs lower-cased are tried, those with more needles first, found with
 * indexOf over the whole body; in any other body, every line in order.
 */
function linesToTry(body: string, needles: string[], plain: boolean): Array<{ line: string; most: number }> {
  if (!plain) return body.split('\n').map((line) => ({ line, most: Infinity }));
  const count = new Map<number, number>();
  // The first lines of each needle are enough: a later line only wins by holding more needles,
  // and every such line is among some needle's first ones unless the note repeats it often.
  const per = needles.length === 1 ? 4 : 32;
  for (const n of needles) {
    if (!n) continue;
    const find = occurrence(body, n);
    let lines = 0;
    for (let at = find(0); at >= 0 && lines++ < per; at = find(at)) {
      const start = body.lastIndexOf('\n', at) + 1;
      count.set(start, (count.get(start) ?? 0) + 1);
      at = body.indexOf('\n', at);
      if (at < 0) break;
    }
  }
  return [...count]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .map(([start, most]) => {
      const end = body.indexOf('\n', start);
      // A needle counts once per line, but a term can mark several distinct words (`spot`, `spots`).
      return { line: body.slice(start, end < 0 ? undefined : end), most: most === needles.length ? Infinity : most };
    });
}

/** A window of the line around its first match; marks are kept inside the window only. */
export function cutAround(line: string, ranges: Range[]): string {
  const first = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, Math.min(first - 40, line.length - WINDOW));
  const end = Math.min(line.length, start + WINDOW);
  const inside = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start] as Range);
  return (start > 0 ? '…' : '') + markRanges(line.slice(start, end), inside) + (end < line.length ? '…' : '');
}
