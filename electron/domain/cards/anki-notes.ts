// Cards as Anki notes, shared by the text export (anki-export.ts) and the package (anki-package.ts).
// Our own note types, never Anki's built-ins: Anki finds a note type by name and names its
// built-ins in the user's interface language ("기본", "Einfach"…), so rows naming "Basic" are
// skipped there. A note's GUID is what Anki matches a re-import on (anki-manual, importing/
// text-files.md "GUID Column"): the card id (its note and question, not its answer), or — for a
// card with an Obsidian block id — the block id, which survives renaming or moving the note.
import { createHash } from 'node:crypto';
import type { Card } from './card-types.ts';
import { inDeck } from './decks.ts';

export const NOTE_TYPES = {
  basic: { name: 'Cairn Basic', fields: ['Front', 'Back'] },
  cloze: { name: 'Cairn Cloze', fields: ['Text', 'Back Extra'] },
  choice: { name: 'Cairn Choice', fields: ['Question', 'Options', 'Answer', 'Explanations'] },
} as const;
export type NoteTypeKey = keyof typeof NOTE_TYPES;

export interface AnkiNote {
  guid: string;
  type: NoteTypeKey;
  /** `service::sagemaker-processing`, or `Default`. */
  deck: string;
  /** HTML, one per field of the note type. */
  fields: string[];
  tags: string[];
  /** Image targets as written in the card (`diagram.png`), in order of first use. */
  images: string[];
}

export interface AnkiNoteOptions {
  /** Only cards of this deck (and its sub-decks); the deck chosen within it. */
  deck?: string;
  /** The file name an image link is stored under in Anki's media folder; null leaves the text. */
  mediaName?: (target: string, card: Card) => string | null;
}

const DEFAULT_DECK = 'Default';

export function ankiNotes(cards: Card[], options: AnkiNoteOptions = {}): AnkiNote[] {
  const chosen = options.deck ? cards.filter((c) => inDeck(c.decks, options.deck!)) : cards;
  const guids = ankiGuids(chosen);
  return chosen.map((card, k) => {
    const images: string[] = [];
    const h = (md: string) =>
      html(md, (target) => {
        const name = options.mediaName?.(target, card) ?? null;
        if (name && !images.includes(target)) images.push(target);
        return name;
      });
    const [type, fields] = noteFields(card, h);
    return { guid: guids[k], type, deck: ankiDeck(card, options.deck), fields, tags: card.decks.map(nested), images };
  });
}

/** GUIDs: the card id, or for block-id cards the block id with the card's place among its siblings. */
export function ankiGuids(cards: Card[]): string[] {
  const siblings = new Map<string, number>();
  return cards.map((card) => {
    if (!card.blockId) return card.id;
    const key = `${card.blockId}\u0000${card.kind}`;
    const k = siblings.get(key) ?? 0;
    siblings.set(key, k + 1);
    return 'b' + createHash('sha1').update(`${key}\u0000${k}`).digest('hex').slice(0, 15);
  });
}

function noteFields(card: Card, h: (md: string) => string): [NoteTypeKey, string[]] {
  if (card.kind === 'cloze' && card.clozeSpans?.length) {
    let text = '';
    let at = 0;
    card.clozeSpans.forEach(([from, to], k) => {
      const hint = card.clozeGaps?.[k]?.match(/^\[(.+)\]$/)?.[1];
      text += h(card.back.slice(at, from)) + `{{c1::${h(card.back.slice(from, to))}${hint && hint !== '...' ? `::${h(hint)}` : ''}}}`;
      at = to;
    });
    return ['cloze', [text + h(card.back.slice(at)), '']];
  }
  if (card.kind === 'choice' && card.options) {
    const options = card.options.map((o) => `${o.key}) ${h(o.text)}`).join('<br>');
    const right = card.options.find((o) => o.key === card.answer);
    const answer = right ? `${right.key}) ${h(right.text)}` : h(card.answer ?? '');
    const explanations = Object.entries(card.explanations ?? {})
      .map(([key, why]) => `<b>${h(key)}</b> ${h(why)}`)
      .join('<br>');
    return ['choice', [h(card.front), options, answer, explanations]];
  }
  return ['basic', [h(card.front), h(card.back)]];
}

/** The card's deck inside the chosen one, else its first; `/` → `::` (Anki's nested decks). */
function ankiDeck(card: Card, within?: string): string {
  const deck = (within ? card.decks.find((d) => inDeck([d], within)) : undefined) ?? card.decks[0];
  return deck ? nested(deck) : DEFAULT_DECK;
}

export const nested = (tag: string) => tag.split('/').filter(Boolean).join('::');

const IMAGE = /!\[\[([^\]|#]+)(?:[|#][^\]]*)?\]\]|!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Markdown text → one field of HTML: `& < > "` escaped (a field starting with `"` would otherwise
 * read as a quoted CSV field), `**bold**` kept as bold, images as `<img>` of their media name,
 * newlines → `<br>`, tabs → spaces.
 */
export function html(markdown: string, mediaName: (target: string) => string | null = () => null): string {
  let out = '';
  let at = 0;
  for (const m of markdown.matchAll(IMAGE)) {
    const target = decodeURI(m[1] ?? m[2]).trim();
    const name = mediaName(target);
    if (!name) continue;
    out += text(markdown.slice(at, m.index)) + `<img src="${escapeHtml(name)}">`;
    at = m.index + m[0].length;
  }
  return out + text(markdown.slice(at));
}

const text = (md: string) =>
  escapeHtml(md)
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '<b>$1</b>')
    .replace(/\r?\n/g, '<br>')
    .replace(/\t/g, ' ');
