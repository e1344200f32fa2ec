import { useCallback, useState } from 'react';
import type { NoteView as NoteData } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { SafeHtml } from '../../SafeHtml.tsx';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { useVaultEvents } from '../../vault-events.ts';
import { openNote } from '../../useRoute.ts';
import { CalculatorPanel } from '../calc/CalculatorPanel.tsx';
import { LinksPanel } from '../links/LinksPanel.tsx';
import { NoteSide } from '../layout/NoteSide.tsx';
import { NoteProperties } from './NoteProperties.tsx';
import { Outline } from './Outline.tsx';
import { drawDiagrams } from './mermaid-diagrams.ts';
import { scrollToFootnote, scrollToTarget } from './scroll-target.ts';
import './note.css';

interface Props {
  id: string;
  heading: string | null;
  onTag: (tag: string) => void;
}

/** The rest of a long note, fetched once its first part is on screen. */
function NoteRest({ id, version, onClick }: { id: string; version: unknown; onClick: (e: React.MouseEvent<HTMLDivElement>) => void }) {
  const [rest] = useApi((signal) => api.noteRest({ id }, { signal }), [id, version]);
  return (
    <ApiState value={rest} loading="Loading the rest of this note…" failed="Could not read the rest of this note">
      {(r) => <SafeHtml className="markdown" html={r.html} onClick={onClick} onRendered={drawDiagrams} />}
    </ApiState>
  );
}

export function NoteView({ id, heading, onTag }: Props) {
  const [note, reload] = useApi((signal) => api.getNote({ id }, { signal }), [id]);
  const [deleted, setDeleted] = useState(false);
  const [hasCalculator, setHasCalculator] = useState(false);

  // Live update: the open note re-renders when its file (or anything it shows) changes on disk.
  useVaultEvents((e) => {
    if (e.kind === 'progress') return;
    if (e.kind === 'delete' && e.id === id) setDeleted(true);
    else {
      if (e.kind !== 'reload' && e.kind !== 'indexed' && e.id === id) setDeleted(false);
      reload();
    }
  });

  const onRendered = useCallback(
    (el: HTMLDivElement) => {
      scrollToTarget(el, heading);
      void drawDiagrams(el);
    },
    [heading],
  );

  const onClick = (e: React.MouseEvent<HTMLDivElement>) => {
    const a = (e.target as HTMLElement).closest('a');
    if (!a) return;
    const article = e.currentTarget.closest('article') ?? e.currentTarget;
    if (a.dataset.note) {
      e.preventDefault();
      // A link to a place in this very note scrolls; the route stays (back/forward keep working).
      if (a.dataset.note === id && a.dataset.subpath) scrollToTarget(article, a.dataset.subpath);
      else openNote(a.dataset.note, a.dataset.subpath ?? null);
    } else if (a.dataset.self) {
      e.preventDefault();
      scrollToTarget(article, a.dataset.subpath ?? null);
    } else if (a.dataset.footnote) {
      e.preventDefault();
      scrollToFootnote(e.currentTarget, a.dataset.footnote);
    } else if (a.dataset.tag) {
      e.preventDefault();
      onTag(a.dataset.tag);
    } else if (a.dataset.unresolved !== undefined || a.getAttribute('href') === '#') {
      e.preventDefault();
    }
  };

  if (deleted)
    return (
      <p className="status deleted" role="alert">
        This note was deleted on disk: {id}
      </p>
    );
  if (note.state !== 'ok') {
    const failed = (code: string, message: string) =>
      code === 'NOTE_NOT_FOUND' ? `There is no note ${id} in this vault.` : `Could not open ${id}: ${message}`;
    return <ApiState value={note} loading="Loading…" failed={failed} />;
  }
  const n: NoteData = note.value;
  return (
    <div className="note-layout">
      <article className="note" aria-label={n.title}>
        <h1 className="note-title">{n.title}</h1>
        {n.subtitle && <p className="note-subtitle">{n.subtitle}</p>}
        <NoteProperties note={n} onTag={onTag} />
        {n.diagnostics.length > 0 && (
          <details className="note-diagnostics">
            <summary>
              {n.diagnostics.length} {n.diagnostics.length === 1 ? 'problem' : 'problems'} in this note
            </summary>
            <ul>
              {n.diagnostics.map((d, i) => (
                <li key={i}>
                  <code>{d.code}</code> {d.line ? `line ${d.line}: ` : ''}
                  {d.message}
                </li>
              ))}
            </ul>
          </details>
        )}
        <SafeHtml className="markdown" html={n.html} onClick={onClick} onRendered={onRendered} />
        {n.more && <NoteRest id={n.id} version={n} onClick={onClick} />}
        <CalculatorPanel key={n.id} noteId={n.id} onPresent={setHasCalculator} />
      </article>
      <NoteSide>
        <Outline headings={n.headings} hasCalculator={hasCalculator} />
        <LinksPanel note={n} />
      </NoteSide>
    </div>
  );
}
