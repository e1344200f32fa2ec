// Cards in the syntax of the Obsidian Spaced Repetition plugin (st3v3nmw/obsidian-spaced-repetition
// v1.15 docs: flashcards/qanda-cards.md, cloze-cards.md, data-storage.md):
//   Question::Answer          basic            Side A:::Side B      reversed: a card each way
//   question lines / ? / answer lines          basic (both sides must "touch" the `?`)
//   question lines / ?? / answer lines         reversed
//   text with ==hidden== parts                 cloze: one card per highlight, `[...]` in its place
//   <!--SR:!2024-01-05,3,250-->                schedule of the card above (or on its last line)
// Our choices where the docs are silent: a paragraph is a run of lines up to a blank line or a
// heading; a line with `::` is a card by itself and also ends the paragraph; a paragraph with a
// `?`/`??` line is a multi-line card (its highlights are formatting); otherwise highlights make it
// a cloze. Every note is read — the plugin's `#flashcards` tag is not required (decks are tags).
import type { DraftCard, DraftCards, DraftDiagnostic, ImportedSchedule } from './card-types.ts';
import { isBlank, isHeading, type BodyLines } from './body-lines.ts';
import { parseSrComment, trailingSrComment } from './sr-comment.ts';

const SR_ONLY_LINE = /^\s*<!--SR:[^>\n]*-->\s*$/;
const MULTILINE_SEPARATOR = /^\?\??$/;
const HIGHLIGHT = /==([^\s=](?:[^\n]*?[^\s])?)==/g;
const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;

interface Made {
  cards: DraftCard[];
  lastLine: number;
}

export function srPluginCards(lines: BodyLines, claimed: Set<number>): DraftCards {
  const diagnostics: DraftDiagnostic[] = [];
  const made: Made[] = [];
  let paragraph: number[] = [];
  const keep = ([group, comment]: [Made | null, string | null]) => {
    if (!group) return;
    made.push(group);
    if (comment) attachSchedules(group, comment, diagnostics);
  };
  const endParagraph = () => {
    if (paragraph.length) keep(readParagraph(paragraph, lines, diagnostics));
    paragraph = [];
  };

  for (let i = 0; i < lines.raw.length; i++) {
    const scan = lines.scan[i];
    if (claimed.has(i) || isBlank(lines.raw[i]) || isHeading(scan)) {
      endParagraph();
    } else if (SR_ONLY_LINE.test(scan)) {
      endParagraph();
      const previous = made.at(-1);
      // Only a comment right under the card's last line is its schedule (data-storage.md).
      if (previous && previous.lastLine === i - 1 && previous.cards.every((c) => !c.imported)) {
        attachSchedules(previous, scan.trim(), diagnostics);
      }
    } else if (scan.includes('::')) {
      endParagraph();
      keep(readInlineCard(i, lines, diagnostics));
    } else {
      paragraph.push(i);
    }
  }
  endParagraph();
  return { cards: made.flatMap((group) => group.cards), diagnostics };
}

/** A line cut before its trailing SR comment, and that comment. */
function cutLine(i: number, lines: BodyLines): { text: string; scan: string; comment: string | null } {
  const sr = trailingSrComment(lines.scan[i]);
  const end = sr ? sr.start : lines.raw[i].length;
  return { text: lines.raw[i].slice(0, end).trimEnd(), scan: lines.scan[i].slice(0, end).trimEnd(), comment: sr?.comment ?? null };
}

function readInlineCard(i: number, lines: BodyLines, diagnostics: DraftDiagnostic[]): [Made | null, string | null] {
  const { text, scan, comment } = cutLine(i, lines);
  const at = scan.indexOf('::');
  const reversed = scan.startsWith(':::', at);
  const front = text.slice(0, at).replace(LIST_MARKER, '').trim();
  const back = text.slice(at + (reversed ? 3 : 2)).trim();
  if (!front || !back) {
    diagnostics.push({ code: 'CARD_EMPTY_SIDE', message: `card with an empty side: ${text.trim()}`, bodyLine: i });
    return [null, null];
  }
  return [{ cards: sides(front, back, reversed, i), lastLine: i }, comment];
}

function readParagraph(paragraph: number[], lines: BodyLines, diagnostics: DraftDiagnostic[]): [Made | null, string | null] {
  const cut = paragraph.map((i) => cutLine(i, lines));
  const comment = cut.findLast((c) => c.comment)?.comment ?? null;
  const lastLine = paragraph[paragraph.length - 1];
  const sep = cut.findIndex((c) => MULTILINE_SEPARATOR.test(c.scan.trim()));
  if (sep >= 0) {
    const front = cut.slice(0, sep).map((c) => c.text).join('\n').trim();
    const back = cut.slice(sep + 1).map((c) => c.text).join('\n').trim();
    if (!front || !back) {
      diagnostics.push({ code: 'CARD_EMPTY_SIDE', message: 'multi-line card with an empty side', bodyLine: paragraph[sep] });
      return [null, null];
    }
    return [{ cards: sides(front, back, cut[sep].scan.trim() === '??', paragraph[0]), lastLine }, comment];
  }
  const cards = clozeCards(cut, paragraph[0]);
  return [cards.length ? { cards, lastLine } : null, comment];
}

function sides(front: string, back: string, reversed: boolean, bodyLine: number): DraftCard[] {
  if (!reversed) return [{ kind: 'basic', front, back, bodyLine }];
  return [
    { kind: 'reversed', front, back, bodyLine },
    { kind: 'reversed', front: back, back: front, bodyLine },
  ];
}

/** One card per `==highlight==`; the other highlights stay visible (cloze-cards.md). */
function clozeCards(cut: Array<{ text: string; scan: string }>, bodyLine: number): DraftCard[] {
  const spans: Array<[number, number]> = [];
  let offset = 0;
  for (const line of cut) {
    for (const m of line.scan.matchAll(HIGHLIGHT)) spans.push([offset + m.index, offset + m.index + m[0].length]);
    offset += line.text.length + 1;
  }
  const text = cut.map((c) => c.text).join('\n');
  let back = text;
  for (const [start, end] of [...spans].reverse()) back = back.slice(0, start) + back.slice(start + 2, end - 2) + back.slice(end);
  // Each earlier highlight removed four `=` before this one.
  return spans.map(([start, end], k): DraftCard => {
    const from = start - 4 * k;
    const to = end - 4 * k - 4;
    return { kind: 'cloze', front: back.slice(0, from) + '[...]' + back.slice(to), back, clozeSpan: [from, to], bodyLine };
  });
}

/** `<!--SR:!a!b-->`: the first schedule is the first sibling's, and so on. */
function attachSchedules(made: Made, comment: string, diagnostics: DraftDiagnostic[]): void {
  const schedules: ImportedSchedule[] | null = parseSrComment(comment);
  if (!schedules) {
    diagnostics.push({ code: 'CARD_BAD_SR_COMMENT', message: `unreadable scheduling comment ${comment}`, bodyLine: made.lastLine });
    return;
  }
  made.cards.forEach((card, k) => {
    if (schedules[k]) card.imported = schedules[k];
  });
}
