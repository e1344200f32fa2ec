import type { NoteView } from '../../../electron/contract.ts';
import { noteHref } from '../../useRoute.ts';
import { LocalGraph } from './LocalGraph.tsx';
import { UnlinkedMentions } from './UnlinkedMentions.tsx';

/** Outgoing links, backlinks with their line, unlinked mentions, and the local graph. */
export function LinksPanel({ note }: { note: NoteView }) {
  const outgoing = dedupe(note.links.filter((l) => l.target !== note.id));
  const backlinks = groupBySource(note.backlinks);
  return (
    <div className="links-panel">
      <section aria-label="Outgoing links">
        <h2>
          Outgoing links <span className="count">{outgoing.length}</span>
        </h2>
        {outgoing.length === 0 && <p className="empty">This note links nowhere.</p>}
        <ul>
          {outgoing.map((l) => (
            <li key={l.raw + l.line}>
              {l.target ? (
                <a href={noteHref(l.target, l.subpath)}>{shownText(l)}</a>
              ) : (
                <span className="unresolved" title="No note by this name yet">
                  {l.raw} <em>(not created yet)</em>
                </span>
              )}
              {l.ambiguous && (
                <span className="warning" title="More than one note has this name">
                  {' '}
                  ambiguous
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Backlinks">
        <h2>Backlinks {!note.linksPending && <span className="count">{backlinks.length}</span>}</h2>
        {note.linksPending && <p className="status">Reading every note for the links here…</p>}
        {!note.linksPending && backlinks.length === 0 && <p className="empty">No note links here yet.</p>}
        <ul>
          {backlinks.map((b) => (
            <li key={b.id}>
              <a href={noteHref(b.id)}>{b.title}</a>
              {b.contexts.map((c, i) => (
                <p key={i} className="context">
                  {c}
                </p>
              ))}
            </li>
          ))}
        </ul>
      </section>
      <UnlinkedMentions note={note} />
      <LocalGraph id={note.id} />
    </div>
  );
}

/** One entry per linking note, with the line around each of its links. */
function groupBySource(backlinks: NoteView['backlinks']): Array<{ id: string; title: string; contexts: string[] }> {
  const byId = new Map<string, { id: string; title: string; contexts: string[] }>();
  for (const b of backlinks) {
    const entry = byId.get(b.id) ?? { id: b.id, title: b.title, contexts: [] };
    entry.contexts.push(b.context);
    byId.set(b.id, entry);
  }
  return [...byId.values()];
}

function titleOf(id: string): string {
  return id.slice(id.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

function dedupe<T extends { target: string | null; raw: string }>(links: T[]): T[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const k = l.target ?? l.raw;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The link's display text, except an image size (`![[img|100x80]]`), which is no name. */
function shownText(l: NoteView['links'][number]): string {
  return l.display && !/^\s*\d+(x\d+)?\s*$/.test(l.display) ? l.display : titleOf(l.target ?? '');
}
