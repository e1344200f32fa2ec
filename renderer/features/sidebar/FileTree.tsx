import { useMemo, useState } from 'react';
import type { NoteSummary } from '../../../electron/contract.ts';
import type { Loadable } from '../../useApi.ts';
import { noteHref, useRoute } from '../../useRoute.ts';
import { VirtualList } from '../../VirtualList.tsx';

type Row = { kind: 'folder'; path: string; name: string; depth: number; open: boolean } | { kind: 'note'; id: string; title: string; depth: number };

/** Folders first, then notes, each level sorted; collapsed folders hide their rows. */
export function treeRows(notes: NoteSummary[], closed: Set<string>): Row[] {
  const rows: Row[] = [];
  const folders = new Set<string>();
  for (const n of notes) {
    const parts = n.id.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  const walk = (prefix: string, depth: number) => {
    const sub = [...folders].filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/')).sort();
    for (const f of sub) {
      const open = !closed.has(f);
      rows.push({ kind: 'folder', path: f, name: f.slice(prefix.length), depth, open });
      if (open) walk(f + '/', depth + 1);
    }
    const here = notes.filter((n) => n.id.startsWith(prefix) && !n.id.slice(prefix.length).includes('/'));
    here.sort((a, b) => a.title.localeCompare(b.title));
    for (const n of here) rows.push({ kind: 'note', id: n.id, title: n.title, depth });
  };
  walk('', 0);
  return rows;
}

export function FileTree({ notes }: { notes: Loadable<NoteSummary[]> }) {
  const [closed, setClosed] = useState<Set<string>>(new Set());
  const route = useRoute();
  const rows = useMemo(() => (notes.state === 'ok' ? treeRows(notes.value, closed) : []), [notes, closed]);
  if (notes.state === 'loading') return <p className="status">Loading notes…</p>;
  if (notes.state === 'error') return <p className="error">{notes.message}</p>;
  if (notes.value.length === 0) return <p className="empty">No notes in this vault.</p>;
  const toggle = (f: string) => setClosed((s) => new Set(s.has(f) ? [...s].filter((x) => x !== f) : [...s, f]));
  const current = route.view === 'note' ? route.id : null;
  return (
    <VirtualList
      items={rows}
      rowHeight={28}
      className="file-tree"
      label="Notes"
      render={(row) =>
        row.kind === 'folder' ? (
          <button className={`tree-row folder depth-${Math.min(row.depth, 8)}`} aria-expanded={row.open} onClick={() => toggle(row.path)}>
            <span className="chevron">{row.open ? '▾' : '▸'}</span> {row.name}
          </button>
        ) : (
          <a className={`tree-row note depth-${Math.min(row.depth, 8)}${row.id === current ? ' current' : ''}`} href={noteHref(row.id)} title={row.id}>
            {row.title}
          </a>
        )
      }
    />
  );
}
