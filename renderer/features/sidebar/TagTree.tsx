import { useMemo, useState } from 'react';
import type { TagCount } from '../../../electron/contract.ts';
import { ApiState } from '../../ApiState.tsx';
import type { Loadable } from '../../useApi.ts';
import { nestTags, tagRows } from './tag-rows.ts';
import { useTreeFocus } from './useTreeFocus.ts';

const rowId = (i: number) => `tag-tree-row-${i}`;
const notes = (n: number) => `${n} ${n === 1 ? 'note' : 'notes'}`;

/**
 * The vault's tags as a WAI-ARIA tree, with the file tree's keyboard (useTreeFocus): ↑/↓,
 * Home/End, type-ahead, → opens a tag's nested tags, ← closes or goes to the parent, Enter
 * filters by the tag (nested tags included). A click on a row filters; on its chevron, toggles.
 */
export function TagTree({ tags, onTag }: { tags: Loadable<TagCount[]>; onTag: (tag: string) => void }) {
  const [open, setOpen] = useState<Set<string>>(new Set());
  const roots = useMemo(() => (tags.state === 'ok' ? nestTags(tags.value) : []), [tags]);
  const rows = useMemo(() => tagRows(roots, open), [roots, open]);
  const toggle = (i: number) => {
    const path = rows[i]?.path;
    if (path && rows[i].open !== null) setOpen((s) => new Set(s.has(path) ? [...s].filter((p) => p !== path) : [...s, path]));
  };
  const tree = useTreeFocus({ rows, initial: -1, toggle, activate: (i) => onTag(rows[i].path), idOf: rowId });

  if (tags.state !== 'ok') return <ApiState value={tags} loading="Reading the notes for their tags…" failed="Could not list the tags" />;
  if (rows.length === 0) return <p className="empty">No tags yet.</p>;
  return (
    <div className="tag-tree" role="tree" aria-label="Tags" onKeyDown={tree.onKeyDown}>
      {rows.map((row, i) => (
        <div
          key={row.path}
          role="treeitem"
          {...tree.rowProps(i)}
          aria-label={`#${row.name}, ${notes(row.count)}`}
          className={`tree-row tag-row level-${Math.min(row.level, 8)}`}
          title={`Show notes tagged #${row.path}`}
          onClick={() => onTag(row.path)}
        >
          {row.open === null ? (
            <span className="chevron" aria-hidden="true" />
          ) : (
            <span
              className="chevron"
              aria-hidden="true"
              onClick={(e) => {
                e.stopPropagation();
                toggle(i);
              }}
            >
              {row.open ? '▾' : '▸'}
            </span>
          )}
          <span className="tree-name">#{row.name}</span>
          <span className="count">{row.count}</span>
        </div>
      ))}
    </div>
  );
}
