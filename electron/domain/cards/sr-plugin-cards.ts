// Cards in the syntax of the Obsidian Spaced Repetition plugin (st3v3nmw/obsidian-spaced-repetition
// docs: flashcards/qanda-cards.md, cloze-cards/basic-cloze-cards.md, decks.md, data-storage.md),
// read with the plugin's settings (separators, cloze delimiters, end-of-card marker, flashcard
// tags — vault-settings.ts; its defaults shown here):
//   Question::Answer          basic            Side A:::Side B      reversed: a card each way
//   question lines / ? / answer lines          basic (both sides must "touch" the `?`)
//   question lines / ?? / answer lines         reversed
//   with an end marker set, a multi-line card runs to the marker line, blank lines included
//   text with ==hidden== parts                 cloze (sr-cloze.ts: hints, groups)
//   <!--SR:!2024-01-05,3,250-->                schedule of the card above (or on its last line),
//   or `> [!sr|card-metadata]` / `> <!--SR:…-->` under it
//   #flashcards/deck at the start of a card    that card's deck, removed from its text
//   a line of only #flashcards/deck tags       the deck of the cards after it in the note
//   ^block-id at the end of a line             removed from the text, kept as the card's blockId
// Our choices where the docs are silent: a paragraph is a run of lines up to a blank line (not
// one inside fenced code) or a heading; a line with a separator is a card by itself and ends the
// paragraph; a paragraph with a `?`/`??` line is a multi-line card (its highlights are formatting);
// otherwise deletions make it a cloze. Every note is read — the `#flashcards` tag is not required
// (decks are tags). Notes are never written.
import type { SrSettings } from '../settings/vault-settings.ts';
import { defaultVaultSettings } from '../settings/vault-settings.ts';
import type { DraftCard, DraftCards, DraftDiagnostic, ImportedSchedule } from './card-types.ts';
import { isBlank, isHeading, type BodyLines } from './body-lines.ts';
import { clozeCards } from './sr-cloze.ts';
import { deckKey } from './decks.ts';
import { parseSrComment, SR_CALLOUT, SR_CALLOUT_BODY, trailingSrComment } from './sr-comment.ts';

const SR_ONLY_LINE = /^\s*<!--SR:[^>\n]*-->\s*$/;
const LIST_MARKER = /^\s*(?:[-*+]|\d+[.)])\s+/;
const BLOCK_ID = /\s\^([A-Za-z0-9-]+)\s*$/;

interface Made {
  cards: DraftCard[];
  lastLine: number;
}

interface Cut {
  text: string;
  scan: string;
  comment: string | null;
  blockId: string | null;
}

export function srPluginCards(lines: BodyLines, claimed: Set<number>, sr: SrSettings = defaultVaultSettings().sr): DraftCards {
  const diagnostics: DraftDiagnostic[] = [];
  const made: Made[] = [];
  const tags = flashcardTagPattern(sr);
  let context: string[] | undefined;
  let paragraph: number[] = [];
  let untilMarker = false;
  const keep = ([group, comment]: [Made | null, string | null]) => {
    if (!group) return;
    for (const card of group.cards) card.decks ??= context;
    made.push(group);
    if (comment) attachSchedules(group, comment, diagnostics);
  };
  const endParagraph = () => {
    if (paragraph.length) keep(readParagraph(paragraph, lines, sr, tags, diagnostics));
    paragraph = [];
    untilMarker = false;
  };
  const scheduleOfPrevious = (i: number, comment: string) => {
    const previous = made.at(-1);
    // Only a schedule right under the card's last line is its own (data-storage.md).
    if (previous && previous.lastLine === i && previous.cards.every((c) => !c.imported)) attachSchedules(previous, comment, diagnostics);
  };

  for (let i = 0; i < lines.raw.length; i++) {
    const scan = lines.scan[i];
    const raw = lines.raw[i];
    if (claimed.has(i)) {
      endParagraph();
    } else if (untilMarker) {
      if (raw.trim() === sr.endMarker) endParagraph();
      else paragraph.push(i);
    } else if ((isBlank(raw) && !lines.fenced[i]) || (!lines.fenced[i] && isHeading(scan))) {
      endParagraph();
    } else if (SR_ONLY_LINE.test(scan)) {
      endParagraph();
      scheduleOfPrevious(i - 1, scan.trim());
    } else if (!lines.fenced[i] && SR_CALLOUT.test(scan)) {
      endParagraph();
      const body = SR_CALLOUT_BODY.exec(lines.scan[i + 1] ?? '');
      if (body) {
        scheduleOfPrevious(i - 1, body[1]);
        i++;
      }
    } else if (!lines.fenced[i] && onlyTags(scan, tags)) {
      endParagraph();
      // decks.md: a tag line applies to the cards after it, until the next one.
      context = tagDecks(scan, tags);
    } else if (!lines.fenced[i] && separatorAt(scan, sr)) {
      endParagraph();
      keep(readInlineCard(i, lines, sr, tags, diagnostics));
    } else {
      paragraph.push(i);
      const t = scan.trim();
      if (sr.endMarker && (t === sr.multilineSeparator || t === sr.multilineReversedSeparator)) untilMarker = true;
    }
  }
  endParagraph();
  return { cards: made.flatMap((group) => group.cards), diagnostics };
}

/** Where the inline separator starts and whether it is the reversed one; null when none. */
function separatorAt(scan: string, sr: SrSettings): { at: number; reversed: boolean } | null {
  const reversed = scan.indexOf(sr.inlineReversedSeparator);
  const basic = scan.indexOf(sr.inlineSeparator);
  if (reversed >= 0 && (basic < 0 || reversed <= basic)) return { at: reversed, reversed: true };
  return basic >= 0 ? { at: basic, reversed: false } : null;
}

/** `#flashcards` or `#flashcards/…` (each configured tag), case-insensitive, as a whole tag. */
function flashcardTagPattern(sr: SrSettings): RegExp | null {
  if (!sr.flashcardTags.length) return null;
  const names = sr.flashcardTags.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`^#(?:${names})(?:/[^\\s#]*)?(?=\\s|$)`, 'iu');
}

/** Leading flashcard tags of a line: their length and decks. */
function leadingTags(text: string, tags: RegExp | null): { length: number; decks: string[] } | null {
  if (!tags) return null;
  let rest = text.replace(LIST_MARKER, '');
  const offset = text.length - rest.length;
  const decks: string[] = [];
  let used = 0;
  for (;;) {
    const m = tags.exec(rest.slice(used).replace(/^\s+/, ''));
    if (!m) break;
    used += rest.slice(used).length - rest.slice(used).replace(/^\s+/, '').length + m[0].length;
    decks.push(deckKey(m[0]));
  }
  rest = rest.slice(used);
  return decks.length ? { length: offset + used + (rest.length - rest.trimStart().length), decks } : null;
}

function onlyTags(scan: string, tags: RegExp | null): boolean {
  const lead = leadingTags(scan.trim(), tags);
  return lead !== null && lead.length >= scan.trim().length;
}

const tagDecks = (scan: string, tags: RegExp | null) => leadingTags(scan.trim(), tags)?.decks;

/** A line cut before its trailing SR comment and block id, with both. */
function cutLine(i: number, lines: BodyLines): Cut {
  const sr = trailingSrComment(lines.scan[i]);
  let end = sr ? sr.start : lines.raw[i].length;
  let text = lines.raw[i].slice(0, end).trimEnd();
  const block = lines.fenced[i] ? null : BLOCK_ID.exec(lines.scan[i].slice(0, end));
  if (block) {
    end = block.index;
    text = lines.raw[i].slice(0, end).trimEnd();
  }
  return { text, scan: lines.scan[i].slice(0, end).trimEnd(), comment: sr?.comment ?? null, blockId: block?.[1] ?? null };
}

function readInlineCard(i: number, lines: BodyLines, sr: SrSettings, tags: RegExp | null, diagnostics: DraftDiagnostic[]): [Made | null, string | null] {
  const { text, scan, comment, blockId } = cutLine(i, lines);
  const { at, reversed } = separatorAt(scan, sr)!;
  let front = text.slice(0, at).replace(LIST_MARKER, '').trim();
  const lead = leadingTags(front, tags);
  if (lead) front = front.slice(lead.length).trim();
  const back = text.slice(at + (reversed ? sr.inlineReversedSeparator : sr.inlineSeparator).length).trim();
  if (!front || !back) {
    diagnostics.push({ code: 'CARD_EMPTY_SIDE', message: `card with an empty side: ${text.trim()}`, bodyLine: i });
    return [null, null];
  }
  return [{ cards: sides(front, back, reversed, i, lead?.decks, blockId), lastLine: i }, comment];
}

function readParagraph(
  paragraph: number[],
  lines: BodyLines,
  sr: SrSettings,
  tags: RegExp | null,
  diagnostics: DraftDiagnostic[],
): [Made | null, string | null] {
  const cut = paragraph.map((i) => cutLine(i, lines));
  const comment = cut.findLast((c) => c.comment)?.comment ?? null;
  const blockId = cut.findLast((c) => c.blockId)?.blockId ?? undefined;
  const lastLine = paragraph[paragraph.length - 1];
  // A card's own tags open its first line; they are taken off the text (decks.md).
  const lead = leadingTags(cut[0].text, tags);
  if (lead) cut[0] = { ...cut[0], text: cut[0].text.slice(lead.length), scan: cut[0].scan.slice(lead.length) };
  const separators = [sr.multilineReversedSeparator, sr.multilineSeparator];
  const sep = cut.findIndex((c, k) => !lines.fenced[paragraph[k]] && separators.includes(c.scan.trim()));
  if (sep >= 0) {
    const front = cut
      .slice(0, sep)
      .map((c) => c.text)
      .join('\n')
      .trim();
    const back = cut
      .slice(sep + 1)
      .map((c) => c.text)
      .join('\n')
      .trim();
    if (!front || !back) {
      diagnostics.push({ code: 'CARD_EMPTY_SIDE', message: 'multi-line card with an empty side', bodyLine: paragraph[sep] });
      return [null, null];
    }
    const reversed = cut[sep].scan.trim() === sr.multilineReversedSeparator;
    return [{ cards: sides(front, back, reversed, paragraph[0], lead?.decks, blockId), lastLine }, comment];
  }
  const text = cut.map((c) => c.text).join('\n');
  const scan = cut.map((c) => c.scan.padEnd(c.text.length).slice(0, c.text.length)).join('\n');
  const cards = clozeCards(text, scan, sr, paragraph[0]).map((c) => ({ ...c, decks: lead?.decks, ...(blockId ? { blockId } : {}) }));
  return [cards.length ? { cards, lastLine } : null, comment];
}

function sides(front: string, back: string, reversed: boolean, bodyLine: number, decks: string[] | undefined, blockId: string | null | undefined): DraftCard[] {
  const extra = { bodyLine, decks, ...(blockId ? { blockId } : {}) };
  if (!reversed) return [{ kind: 'basic', front, back, ...extra }];
  return [
    { kind: 'reversed', front, back, ...extra },
    { kind: 'reversed', front: back, back: front, ...extra },
  ];
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
