import type { Diagnostic, Heading, LinkKind, ParsedNote } from '../notes/note-types.ts';
import { unlinkedMentions } from '../links/unlinked-mentions.ts';
import { contextAt, type ResolvedLink } from '../links/link-graph.ts';
import type { Vault } from './vault.ts';

export interface NoteLink {
  raw: string;
  kind: LinkKind;
  /** Resolved id (note or attachment), or null when unresolved. */
  target: string | null;
  subpath: string | null;
  display: string | null;
  line: number;
  ambiguous: boolean;
  /** Set for a link written in a frontmatter value: the property's key. */
  property?: string;
}

export interface NoteDetails {
  id: string;
  title: string;
  subtitle: string | null;
  tags: string[];
  aliases: string[];
  created: string | null;
  modified: string | null;
  headings: Heading[];
  links: NoteLink[];
  backlinks: Array<{ id: string; title: string; line: number; context: string }>;
  unlinkedMentions: Array<{ id: string; title: string; line: number; context: string; name: string }>;
  diagnostics: Diagnostic[];
}

/** The note view of a note read ahead (Vault.readAhead), before every note is read: its links
 *  resolved by the folder walk's files, no backlinks yet, its own problems only (those of its
 *  links come with the link graph). */
export function noteViewAhead(vault: Vault, note: ParsedNote): Omit<NoteDetails, 'unlinkedMentions'> {
  return {
    ...noteHeader(note),
    links: vault.resolvedLinks(note).map(linkShown),
    backlinks: [],
    diagnostics: [...note.diagnostics],
  };
}

/** Everything `cairn note` shows about one note. */
export function noteDetails(vault: Vault, id: string): NoteDetails | null {
  const view = noteView(vault, id);
  return view && { ...view, unlinkedMentions: noteMentions(vault, id) ?? [] };
}

/** What the note view shows at once: the note's links, backlinks and diagnostics. Its unlinked
 *  mentions come apart (`noteMentions`): they cost a look through every note holding the name's
 *  words, and the backlinks of an edit must not wait for that. */
export function noteView(vault: Vault, id: string): Omit<NoteDetails, 'unlinkedMentions'> | null {
  const note = vault.getNote(id);
  if (!note) return null;
  const graph = vault.links();
  return {
    ...noteHeader(note),
    links: graph.outgoing(id).map(linkShown),
    // Context lines are read from the linking notes now, not kept in the graph.
    backlinks: graph.backlinks(id).map((b) => {
      const from = vault.getNote(b.id);
      return { ...b, title: from?.title ?? b.id, context: from ? contextAt(from, b.line) : '' };
    }),
    diagnostics: [...note.diagnostics, ...graph.diagnosticsOf(id)],
  };
}

/** The notes that name this one (title or alias) without linking to it; null for no such note. */
export function noteMentions(vault: Vault, id: string): NoteDetails['unlinkedMentions'] | null {
  const note = vault.getNote(id);
  if (!note) return null;
  // Candidates are checked against the notes' text, so the note view need not wait for an edit's
  // re-index (Vault.textCandidates).
  const lookup = { candidates: (t: string) => vault.textCandidates(t), get: (x: string) => vault.getNote(x) };
  const titleOf = (other: string) => vault.getNote(other)?.title ?? other;
  return unlinkedMentions(note, vault.links(), lookup).map((m) => ({ ...m, title: titleOf(m.id) }));
}

function noteHeader(note: ParsedNote) {
  const { id, title, subtitle, tags, aliases, created, modified, headings } = note;
  return { id, title, subtitle, tags, aliases, created, modified, headings };
}

function linkShown(l: ResolvedLink): NoteLink {
  return {
    raw: l.raw,
    kind: l.kind,
    target: l.target,
    subpath: l.subpath,
    display: l.display,
    line: l.line,
    ambiguous: l.ambiguous,
    ...(l.property ? { property: l.property } : {}),
  };
}
