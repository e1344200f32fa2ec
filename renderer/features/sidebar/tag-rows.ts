import type { TagCount } from '../../../electron/contract.ts';

export interface TagNode {
  name: string;
  path: string;
  count: number;
  children: TagNode[];
}

/** `a/b` and `a/c` under one `a` node; counts already include descendants. */
export function nestTags(tags: TagCount[]): TagNode[] {
  const roots: TagNode[] = [];
  const byPath = new Map<string, TagNode>();
  for (const t of [...tags].sort((a, b) => a.tag.localeCompare(b.tag))) {
    const parts = t.tag.split('/');
    const node: TagNode = { name: parts[parts.length - 1], path: t.tag, count: t.count, children: [] };
    byPath.set(t.tag.toLowerCase(), node);
    const parent = byPath.get(parts.slice(0, -1).join('/').toLowerCase());
    (parts.length > 1 && parent ? parent.children : roots).push(node);
  }
  return roots;
}

export interface TagRow {
  path: string;
  /** The last part of the path: what type-ahead matches. */
  name: string;
  count: number;
  level: number;
  /** null for a tag with no nested tags. */
  open: boolean | null;
}

/** The visible rows of the tag tree, in order: a tag's nested tags follow it while it is open. */
export function tagRows(roots: TagNode[], open: Set<string>): TagRow[] {
  const rows: TagRow[] = [];
  const walk = (nodes: TagNode[], level: number) => {
    for (const n of nodes) {
      const isOpen = n.children.length === 0 ? null : open.has(n.path);
      rows.push({ path: n.path, name: n.name, count: n.count, level, open: isOpen });
      if (isOpen) walk(n.children, level + 1);
    }
  };
  walk(roots, 1);
  return rows;
}
