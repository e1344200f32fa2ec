// Anki's text import format (anki-manual importing/text-files.md, "File Headers", Anki 2.1.55+):
// UTF-8, `#key:value` header lines, then one note per line. The GUID column holds the card id, so
// importing again updates the notes instead of adding copies; nested tags become `::` decks.
import type { Card } from './card-types.ts';
import { inDeck } from './decks.ts';

export interface AnkiExportOptions {
  /** Only cards of this deck (and its sub-decks). */
  deck?: string;
}

const HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', '#tags column:6'];
const DEFAULT_DECK = 'Default';

export function exportAnki(cards: Card[], options: AnkiExportOptions = {}): string {
  const chosen = options.deck ? cards.filter((c) => inDeck(c.decks, options.deck!)) : cards;
  const rows = chosen.map((card) => {
    const [notetype, first, second] = noteFields(card);
    return [card.id, notetype, ankiDeck(card, options.deck), first, second, card.decks.map(nested).join(' ')].join('\t');
  });
  return [...HEADER, ...rows].join('\n') + '\n';
}

/** Note type and its two fields: Basic (Front, Back) or Cloze (Text, Back Extra). */
function noteFields(card: Card): [string, string, string] {
  if (card.kind === 'cloze' && card.clozeSpans?.length) {
    let text = '';
    let at = 0;
    card.clozeSpans.forEach(([from, to], k) => {
      const hint = card.clozeGaps?.[k]?.match(/^\[(.+)\]$/)?.[1];
      text += html(card.back.slice(at, from)) + `{{c1::${html(card.back.slice(from, to))}${hint && hint !== '...' ? `::${html(hint)}` : ''}}}`;
      at = to;
    });
    return ['Cloze', text + html(card.back.slice(at)), ''];
  }
  if (card.kind === 'choice' && card.options) {
    const options = card.options.map((o) => `${o.key}) ${o.text}`).join('\n');
    return ['Basic', html(`${card.front}\n\n${options}`), html(card.back)];
  }
  return ['Basic', html(card.front), html(card.back)];
}

/** The card's deck inside the chosen one, else its first; `/` → `::` (Anki's nested decks). */
function ankiDeck(card: Card, within?: string): string {
  const deck = (within ? card.decks.find((d) => inDeck([d], within)) : undefined) ?? card.decks[0];
  return deck ? nested(deck) : DEFAULT_DECK;
}

const nested = (tag: string) => tag.split('/').filter(Boolean).join('::');

/**
 * Markdown text → one field of HTML: `& < > "` escaped (a field starting with `"` would otherwise
 * read as a quoted CSV field), `**bold**` kept as bold, newlines → `<br>`, tabs → spaces.
 */
function html(markdown: string): string {
  return markdown
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\*\*(\S(?:.*?\S)?)\*\*/g, '<b>$1</b>')
    .replace(/\r?\n/g, '<br>')
    .replace(/\t/g, ' ');
}
