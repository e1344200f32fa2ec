// The graph the reader draws: notes as nodes, links (either way) as edges. Pure functions over the
// link maps, so the breadth-first walk and the whole-vault graph are tested without a vault.

/** What the walk needs of the link graph (LinkGraph has it). */
export interface GraphLinks {
  /** Resolved targets of a note's links (null when unresolved). */
  outgoing(id: string): ReadonlyArray<{ target: string | null }>;
  /** The notes linking to a note. */
  backlinks(id: string): ReadonlyArray<{ id: string }>;
}

export interface GraphNode {
  id: string;
  title: string;
  depth: number;
  exists: boolean;
}

export interface LocalGraphData {
  nodes: GraphNode[];
  edges: Array<{ from: string; to: string }>;
  /** Notes at the depth asked for that were left out to keep the drawing readable. */
  omitted: number;
}

export interface GlobalGraphData {
  nodes: Array<{ id: string; title: string; tags: string[] }>;
  edges: Array<{ from: string; to: string }>;
}

/** Only notes are nodes: a link to an image or a PDF is no neighbour. */
const isNote = (id: string) => /\.md$/i.test(id);

function neighbours(links: GraphLinks, at: string): { out: string[]; inc: string[] } {
  const out = links
    .outgoing(at)
    .map((l) => l.target)
    .filter((t): t is string => !!t && t !== at && isNote(t));
  // One entry per linking note (backlinks lists each line that links).
  const inc = [...new Set(links.backlinks(at).map((b) => b.id))].filter((s) => s !== at);
  return { out, inc };
}

/**
 * The note and its neighbours, links followed both ways, to `depth` (1–3), nearest first; at
 * most `maxNodes` (the rest is counted in `omitted`). Edges join kept nodes only, once per pair
 * and direction.
 */
export function localGraph(links: GraphLinks, id: string, depth: number, titleOf: (id: string) => string | undefined, maxNodes = 150): LocalGraphData {
  const depthOf = new Map<string, number>([[id, 0]]);
  let omitted = 0;
  let frontier = [id];
  for (let d = 1; d <= depth && frontier.length; d++) {
    const next: string[] = [];
    for (const at of frontier) {
      const { out, inc } = neighbours(links, at);
      for (const n of [...out, ...inc]) {
        if (depthOf.has(n) || next.includes(n)) continue;
        if (depthOf.size + next.length >= maxNodes) {
          omitted++;
          continue;
        }
        next.push(n);
      }
    }
    for (const n of next) depthOf.set(n, d);
    frontier = next;
  }
  const edges = new Map<string, { from: string; to: string }>();
  for (const from of depthOf.keys()) {
    for (const to of neighbours(links, from).out) if (depthOf.has(to)) edges.set(`${from}\n${to}`, { from, to });
  }
  return {
    nodes: [...depthOf].map(([n, d]) => ({
      id: n,
      title: titleOf(n) ?? n.replace(/^.*\//, '').replace(/\.md$/i, ''),
      depth: d,
      exists: titleOf(n) !== undefined,
    })),
    edges: [...edges.values()],
    omitted,
  };
}

/** Every note with its tags, and every resolved link between two notes, once per direction. */
export function globalGraph(links: GraphLinks, notes: ReadonlyArray<{ id: string; title: string; tags: readonly string[] }>): GlobalGraphData {
  const known = new Set(notes.map((n) => n.id));
  const edges = new Map<string, { from: string; to: string }>();
  for (const n of notes) {
    for (const to of neighbours(links, n.id).out) if (known.has(to)) edges.set(`${n.id}\n${to}`, { from: n.id, to });
  }
  return { nodes: notes.map((n) => ({ id: n.id, title: n.title, tags: [...n.tags] })), edges: [...edges.values()] };
}
