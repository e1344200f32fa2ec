import type { NoteView } from '../../../electron/contract.ts';

export interface ReadNextNote {
  id: string;
  title: string;
}

const title = (id: string) => id.replace(/^.*\//, '').replace(/\.md$/i, '');

/**
 * Notes to read after missing a card: the ones its note links to, in link order; when it links to
 * fewer than `limit`, the notes linking to it fill the list (a note without outgoing links — the
 * seed — still points somewhere useful).
 */
export function readNextNotes(note: NoteView, limit = 5): ReadNextNote[] {
  const out = new Map<string, ReadNextNote>();
  for (const link of note.links) {
    if (link.target && link.target !== note.id && /\.md$/i.test(link.target) && !out.has(link.target))
      out.set(link.target, { id: link.target, title: title(link.target) });
  }
  for (const b of note.backlinks) if (b.id !== note.id && !out.has(b.id)) out.set(b.id, { id: b.id, title: b.title });
  return [...out.values()].slice(0, limit);
}
