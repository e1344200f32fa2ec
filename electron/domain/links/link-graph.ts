import type { Diagnostic, ParsedNote, RawLink } from '../notes/note-types.ts';
import { escapesVault, FileIndex, resolveLink } from './resolve-link.ts';
import { plainLine } from '../search/snippet.ts';

export interface ResolvedLink extends RawLink {
  /** Resolved file id (note or attachment), or null when unresolved. */
  target: string | null;
  ambiguous: boolean;
}

export interface Backlink {
  id: string;
  line: number;
  context: string;
}

/** Resolved outgoing links of every note and the reverse map. Rebuilt whenever files change. */
export class LinkGraph {
  readonly outgoing = new Map<string, ResolvedLink[]>();
  readonly incoming = new Map<string, Backlink[]>();
  readonly diagnostics: Diagnostic[] = [];

  constructor(notes: Iterable<ParsedNote>, files: FileIndex) {
    for (const note of notes) {
      const lines = note.body.split('\n');
      const resolved = note.links.map((link) => {
        const r = resolveLink(link.path, note.id, files);
        if (!r.target) {
          const outside = escapesVault(link.path, note.id);
          this.diagnostics.push({
            id: note.id,
            code: outside ? 'LINK_OUTSIDE_VAULT' : 'UNRESOLVED_LINK',
            message: outside ? `link leaves the vault: ${link.raw}` : `unresolved link: ${link.raw}`,
            line: link.line,
          });
        } else if (r.ambiguous) {
          this.diagnostics.push({
            id: note.id,
            code: 'AMBIGUOUS_LINK',
            message: `ambiguous link ${link.raw}: took ${r.target}, also ${r.candidates.join(', ')}`,
            line: link.line,
          });
        }
        return { ...link, target: r.target, ambiguous: r.ambiguous };
      });
      this.outgoing.set(note.id, resolved);
      const seen = new Set<string>();
      for (const link of resolved) {
        // A link to the note itself (`[[#Heading]]`) is a link but no backlink (electron/domain/README.md §1).
        if (!link.target || link.target === note.id) continue;
        const dedupe = `${link.target}\n${link.line}`;
        if (seen.has(dedupe)) continue;
        seen.add(dedupe);
        const list = this.incoming.get(link.target) ?? [];
        list.push({ id: note.id, line: link.line, context: contextLine(lines[link.line - note.bodyStartLine] ?? '') });
        this.incoming.set(link.target, list);
      }
    }
  }
}

/** The line around a link, as readable text (markdown syntax dropped), at most `max` characters. */
export function contextLine(line: string, max = 240): string {
  const t = plainLine(line);
  return t.length > max ? t.slice(0, max - 1) + '…' : t;
}
