// Cloze cards of the Obsidian Spaced Repetition plugin (st3v3nmw/obsidian-spaced-repetition docs,
// flashcards/cloze-cards/basic-cloze-cards.md):
//   ==hidden==            a deletion; `**bold**` and `{{curly}}` too when turned on in settings
//   ==hidden==^[hint]     the front shows `[hint]` instead of `[...]`
//   ==hidden==[^2]        deletion group 2: one card per group, hiding every deletion of it
// Without groups, one card per deletion, the others shown. Delimiters are looked for in the
// masked text (nothing inside code or comments opens one), the content is taken as written, so
// `==`inline code`==` is a deletion.
import type { SrSettings } from '../settings/vault-settings.ts';
import type { DraftCard } from './card-types.ts';

export const GAP = '[...]';

interface Deletion {
  /** Offsets in the joined text of the whole delimited run, suffixes included. */
  start: number;
  end: number;
  content: string;
  hint: string | null;
  group: number | null;
}

const SUFFIX = /^(?:\^\[([^\]\n]*)\])?(?:\[\^(\d+)\])?/;

function delimiters(sr: SrSettings): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (sr.clozeHighlight) out.push(['==', '==']);
  if (sr.clozeBold) out.push(['**', '**']);
  if (sr.clozeCurly) out.push(['{{', '}}']);
  return out;
}

/** Deletions in `text` (as written), found where `scan` (masked, same offsets) has the delimiters. */
function findDeletions(text: string, scan: string, sr: SrSettings): Deletion[] {
  const found: Deletion[] = [];
  for (const [open, close] of delimiters(sr)) {
    let from = 0;
    while (from < scan.length) {
      const start = scan.indexOf(open, from);
      if (start < 0) break;
      // `===` is no opener; the content runs to the next closer on the same line.
      const contentStart = start + open.length;
      const stop = scan.indexOf(close, contentStart + 1);
      const newline = scan.indexOf('\n', contentStart);
      if (stop < 0 || (newline >= 0 && newline < stop) || scan[contentStart] === open[0]) {
        from = start + open.length;
        continue;
      }
      const content = text.slice(contentStart, stop);
      if (!content.trim() || /^\s|\s$/.test(content)) {
        from = stop;
        continue;
      }
      const suffix = SUFFIX.exec(text.slice(stop + close.length))!;
      const end = stop + close.length + suffix[0].length;
      found.push({ start, end, content, hint: suffix[1] ?? null, group: suffix[2] ? Number(suffix[2]) : null });
      from = end;
    }
  }
  // Delimiters of different kinds cannot overlap: the earlier one wins.
  found.sort((a, b) => a.start - b.start);
  return found.filter((d, i) => i === 0 || d.start >= found.slice(0, i).reduce((m, x) => Math.max(m, x.end), 0));
}

/** The cloze cards of a paragraph (lines as written and masked), or none. */
export function clozeCards(text: string, scan: string, sr: SrSettings, bodyLine: number): DraftCard[] {
  const deletions = findDeletions(text, scan, sr);
  if (!deletions.length) return [];
  // The back: every deletion shown, delimiters and suffixes gone; spans index it.
  let back = '';
  let at = 0;
  const spans: Array<[number, number]> = [];
  for (const d of deletions) {
    back += text.slice(at, d.start);
    spans.push([back.length, back.length + d.content.length]);
    back += d.content;
    at = d.end;
  }
  back += text.slice(at);

  const grouped = deletions.some((d) => d.group !== null);
  const groups = new Map<string, number[]>();
  deletions.forEach((d, k) => {
    const key = grouped && d.group !== null ? `g${d.group}` : `k${k}`;
    groups.set(key, [...(groups.get(key) ?? []), k]);
  });
  const order = [...groups.entries()].sort(([a, ka], [b, kb]) => groupRank(a) - groupRank(b) || ka[0] - kb[0]);
  return order.map(([, members]) => {
    const hidden = new Set(members);
    let front = '';
    let last = 0;
    const gaps: string[] = [];
    spans.forEach(([s, e], k) => {
      if (!hidden.has(k)) return;
      const gap = deletions[k].hint !== null ? `[${deletions[k].hint}]` : GAP;
      front += back.slice(last, s) + gap;
      gaps.push(gap);
      last = e;
    });
    front += back.slice(last);
    return { kind: 'cloze', front, back, clozeSpans: members.map((k) => spans[k]), clozeGaps: gaps, bodyLine } satisfies DraftCard;
  });
}

/** Numbered groups in number order, then ungrouped deletions in text order. */
const groupRank = (key: string) => (key.startsWith('g') ? Number(key.slice(1)) : Number.MAX_SAFE_INTEGER);
