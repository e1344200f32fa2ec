// Unlinked mentions (electron/domain/README.md §1): notes whose text names a note's title or one of its aliases
// without linking to it. The search index narrows the candidates; the text decides.
import type { ParsedNote } from '../notes/note-types.ts';
import { maskCode } from '../notes/mask-code.ts';
import { maskLinkTargets } from '../notes/parse-links.ts';
import { foldWithMap } from '../text/fold.ts';
import { contextLine, type LinkGraph } from './link-graph.ts';

export interface Mention {
  id: string;
  line: number;
  context: string;
  /** The title or alias that was found. */
  name: string;
}

/** Shorter names would match everywhere (`AI`, `S3`). */
const MIN_NAME = 3;
const WORD = /[\p{L}\p{N}_]/u;
const HANGUL_END = /\p{Script=Hangul}$/u;

export function unlinkedMentions(
  note: ParsedNote,
  graph: LinkGraph,
  lookup: { candidates(text: string): string[]; get(id: string): ParsedNote | undefined },
  limit = 50,
): Mention[] {
  const names = [note.title, ...note.aliases].filter((n) => n.trim().length >= MIN_NAME);
  const linkers = new Set((graph.incoming.get(note.id) ?? []).map((b) => b.id));
  const out: Mention[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const needle = foldWithMap(name).folded;
    for (const id of lookup.candidates(name)) {
      if (id === note.id || linkers.has(id) || seen.has(id)) continue;
      const other = lookup.get(id);
      if (!other) continue;
      const hit = findMention(other, needle);
      if (hit) {
        seen.add(id);
        out.push({ id, name, ...hit });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}

function findMention(note: ParsedNote, needle: string): { line: number; context: string } | null {
  const masked = maskLinkTargets(maskCode(note.body)).split('\n');
  const lines = note.body.split('\n');
  for (let i = 0; i < masked.length; i++) {
    const { folded } = foldWithMap(masked[i]);
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
      const before = folded[at - 1];
      const after = folded[at + needle.length];
      // A Korean name may carry a particle (`세이지메이커를`); others need a word boundary.
      const endOk = !after || !WORD.test(after) || (HANGUL_END.test(needle) && HANGUL_END.test(after));
      if ((!before || !WORD.test(before)) && endOk) {
        return { line: note.bodyStartLine + i, context: contextLine(lines[i]) };
      }
    }
  }
  return null;
}
