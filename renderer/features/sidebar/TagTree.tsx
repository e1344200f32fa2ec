import { useMemo, useState } from 'react';
import type { TagCount } from '../../../electron/contract.ts';
import { ApiState } from '../../ApiState.tsx';
import type { Loadable } from '../../useApi.ts';

interface Node {
  name: string;
  path: string;
  count: number;
  children: Node[];
}

/** `a/b` and `a/c` under one `a` node; counts already include descendants. */
export function nestTags(tags: TagCount[]): Node[] {
  const roots: Node[] = [];
  const byPath = new Map<string, Node>();
  for (const t of [...tags].sort((a, b) => a.tag.localeCompare(b.tag))) {
    const parts = t.tag.split('/');
    const node: Node = { name: parts[parts.length - 1], path: t.tag, count: t.count, children: [] };
    byPath.set(t.tag.toLowerCase(), node);
    const parent = byPath.get(parts.slice(0, -1).join('/').toLowerCase());
    (parts.length > 1 && parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function TagTree({ tags, onTag }: { tags: Loadable<TagCount[]>; onTag: (tag: string) => void }) {
  const roots = useMemo(() => (tags.state === 'ok' ? nestTags(tags.value) : []), [tags]);
  if (tags.state !== 'ok') return <ApiState value={tags} loading="Loading tags…" failed="Could not list the tags" />;
  if (roots.length === 0) return <p className="empty">No tags yet.</p>;
  return (
    <ul className="tag-tree" aria-label="Tags">
      {roots.map((n) => (
        <TagNode key={n.path} node={n} onTag={onTag} />
      ))}
    </ul>
  );
}

function TagNode({ node, onTag }: { node: Node; onTag: (tag: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <div className="tag-row">
        {node.children.length > 0 ? (
          <button className="chevron-button" aria-label={`${open ? 'Collapse' : 'Expand'} ${node.path}`} aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="chevron-space" />
        )}
        <button className="tag-link" onClick={() => onTag(node.path)} title={`Show notes tagged #${node.path}`}>
          #{node.name}
        </button>
        <span className="count" aria-label={`${node.count} ${node.count === 1 ? 'note' : 'notes'}`}>{node.count}</span>
      </div>
      {open && node.children.length > 0 && (
        <ul>
          {node.children.map((c) => (
            <TagNode key={c.path} node={c} onTag={onTag} />
          ))}
        </ul>
      )}
    </li>
  );
}
