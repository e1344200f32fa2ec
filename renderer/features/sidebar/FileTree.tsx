import { useMemo, useState } from 'react';
import type { NoteSummary } from '../../../electron/contract.ts';
import { ApiState } from '../../ApiState.tsx';
import type { Loadable } from '../../useApi.ts';
import { noteHref, useRoute } from '../../useRoute.ts';
import { useTreeFocus } from './useTreeFocus.ts';

type Row = { kind: 'folder'; path: string; name: string; level: number; open: boolean } | { kind: 'note'; id: string; name: string; level: number; open: null };

/** Folders first, then notes, each level sorted; collapsed folders hide their rows. */
export function treeRows(notes: NoteSummary[], closed: Set<string>): Row[] {
  const rows: Row[] = [];
  const folders = new Set<string>();
  for (const n of notes) {
    const parts = n.id.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const walk = (prefix: string, level: number) => {
    const sub = [...folders].filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/')).sort();
    for (const f of sub) {
      const open = !closed.has(f);
      rows.push({ kind: 'folder', path: f, name: f.slice(prefix.length), level, open });
      if (open) walk(f + '/', level + 1);
    }
    const here = notes.filter((n) => n.id.startsWith(prefix) && !n.id.slice(prefix.length).includes('/'));
    here.sort((a, b) => a.title.localeCompare(b.title));
    for (const n of here) rows.push({ kind: 'note', id: n.id, name: n.title, level, open: null });
  };
  walk('', 1);
  return rows;
}

const rowId = (i: number) => `file-tree-row-${i}`;

/**
 * The vault's folders and notes as a WAI-ARIA tree (flat rows with aria-level). Every row is
 * rendered, sized to its text (long titles wrap, never clipped); `content-visibility: auto` in
 * styles.css lets the browser skip laying out rows out of view in a 10k-note vault.
 */
export function FileTree({ notes }: { notes: Loadable<NoteSummary[]> }) {
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const route = useRoute();
  const rows = useMemo(() => (notes.state === 'ok' ? treeRows(notes.value, closed) : []), [notes, closed]);
  const current = route.view === 'note' ? route.id : null;
  const toggle = (i: number) => {
    const r = rows[i];
    if (r?.kind === 'folder') setClosed((s) => new Set(s.has(r.path) ? [...s].filter((x) => x !== r.path) : [...s, r.path]));
  };
  const activate = (i: number) => {
    const r = rows[i];
    if (r?.kind === 'note') location.hash = noteHref(r.id);
    else toggle(i);
  };
  const initial = rows.findIndex((r) => r.kind === 'note' && r.id === current);
  const tree = useTreeFocus({ rows, initial, toggle, activate, idOf: rowId });

  if (notes.state !== 'ok') return <ApiState value={notes} loading="Loading notes…" failed="Could not list the notes" />;
  if (notes.value.length === 0) return <p className="empty">No notes in this vault.</p>;
  return (
    <div className="file-tree" role="tree" aria-label="Notes" onKeyDown={tree.onKeyDown}>
      {rows.map((row, i) => {
        const common = tree.rowProps(i);
        const indent = `tree-row level-${Math.min(row.level, 8)}`;
        return row.kind === 'folder' ? (
          <div key={'f:' + row.path} role="treeitem" {...common} className={`${indent} folder`} onClick={() => toggle(i)}>
            <span className="chevron" aria-hidden="true">
              {row.open ? '▾' : '▸'}
            </span>
            <span className="tree-name">{row.name}</span>
          </div>
        ) : (
          <a
            key={'n:' + row.id}
            role="treeitem"
            {...common}
            aria-selected={row.id === current}
            className={`${indent} note${row.id === current ? ' current' : ''}`}
            href={noteHref(row.id)}
            title={row.id}
          >
            <span className="tree-name">{row.name}</span>
          </a>
        );
      })}
    </div>
  );
}
