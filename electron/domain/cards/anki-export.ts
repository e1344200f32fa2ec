// Anki's text import format (anki-manual importing/text-files.md, "File Headers", Anki 2.1.55+):
// UTF-8, `#key:value` header lines, then one note per line. Notes, note types and GUIDs as in the
// package (anki-notes.ts), so a text import after a package import updates the same notes. Fields
// take columns 4–7 (Cairn Choice has four; the others leave the rest empty), tags column 8.
import type { Card } from './card-types.ts';
import { ankiNotes, NOTE_TYPES } from './anki-notes.ts';

export interface AnkiExportOptions {
  /** Only cards of this deck (and its sub-decks). */
  deck?: string;
}

const FIELD_COLUMNS = 4;
const HEADER = ['#separator:tab', '#html:true', '#guid column:1', '#notetype column:2', '#deck column:3', `#tags column:${3 + FIELD_COLUMNS + 1}`];

export function exportAnki(cards: Card[], options: AnkiExportOptions = {}): string {
  const rows = ankiNotes(cards, { deck: options.deck, mediaName: (target) => target.split('/').at(-1) ?? null }).map((note) => {
    const fields = [...note.fields, ...Array(FIELD_COLUMNS - note.fields.length).fill('')];
    return [note.guid, NOTE_TYPES[note.type].name, note.deck, ...fields, note.tags.join(' ')].join('\t');
  });
  return [...HEADER, ...rows].join('\n') + '\n';
}
