import type { GlobalGraph } from '../../../electron/contract.ts';

export interface GraphFilter {
  /** Tag, nested tags included (`service` keeps `service/sagemaker`); '' for all. */
  tag: string;
  /** Folder, subfolders included; '' for all. */
  folder: string;
}

/** The graph as flat arrays for the layout worker and the canvas. */
export interface FlatGraph {
  ids: string[];
  titles: string[];
  /** Pairs of node indices. */
  links: Int32Array;
  /** Neighbour indices of each node. */
  adjacency: number[][];
}

const lower = (s: string) => s.toLowerCase();

export function tagMatches(tags: readonly string[], tag: string): boolean {
  if (!tag) return true;
  const t = lower(tag);
  return tags.some((x) => lower(x) === t || lower(x).startsWith(t + '/'));
}

export function folderOf(id: string): string {
  const i = id.lastIndexOf('/');
  return i < 0 ? '' : id.slice(0, i);
}

/** Every folder that holds a note, its ancestors too, sorted. */
export function folders(graph: GlobalGraph): string[] {
  const set = new Set<string>();
  for (const n of graph.nodes) {
    const parts = folderOf(n.id).split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) set.add(parts.slice(0, i).join('/'));
  }
  return [...set].sort();
}

/** Every tag and its ancestors, first casing seen, sorted. */
export function tags(graph: GlobalGraph): string[] {
  const byKey = new Map<string, string>();
  for (const n of graph.nodes) {
    for (const t of n.tags) {
      const parts = t.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const p = parts.slice(0, i).join('/');
        if (!byKey.has(lower(p))) byKey.set(lower(p), p);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

export function filterGraph(graph: GlobalGraph, f: GraphFilter): FlatGraph {
  const keep = graph.nodes.filter((n) => tagMatches(n.tags, f.tag) && (!f.folder || n.id.startsWith(f.folder + '/')));
  const index = new Map(keep.map((n, i) => [n.id, i]));
  const pairs: number[] = [];
  const adjacency: number[][] = keep.map(() => []);
  for (const e of graph.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (a === undefined || b === undefined) continue;
    pairs.push(a, b);
    adjacency[a].push(b);
    adjacency[b].push(a);
  }
  return { ids: keep.map((n) => n.id), titles: keep.map((n) => n.title), links: Int32Array.from(pairs), adjacency };
}
