// Layout of the local graph: d3-force places the notes (links, charge, a collision force sized
// to each label), then a label-placement pass moves any note whose body — its dot with the label
// under it — touches one already placed, so no two labels ever overlap and no label lies under
// another note's dot. d3-force is the layout library the design names
// (well kept, no DOM); only d3-force is imported (it brings d3-quadtree, d3-dispatch, d3-timer).
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { LocalGraph } from '../../../electron/contract.ts';

export const LABEL_HEIGHT = 14;
const GAP = 3;

export interface PlacedNode extends SimulationNodeDatum {
  id: string;
  title: string;
  depth: number;
  exists: boolean;
  /** Radius of the dot. */
  r: number;
  /** Label width in px. */
  w: number;
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The node's whole body: the dot, and the label centred under it. */
export function bodyBox(n: PlacedNode): Box {
  const half = Math.max(n.w / 2, n.r) + GAP / 2;
  return { left: n.x - half, right: n.x + half, top: n.y - n.r - GAP / 2, bottom: n.y + n.r + 2 + LABEL_HEIGHT + GAP / 2 };
}

export function labelBox(n: PlacedNode): Box {
  return { left: n.x - n.w / 2, right: n.x + n.w / 2, top: n.y + n.r + 2, bottom: n.y + n.r + 2 + LABEL_HEIGHT };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Places bodies one by one, nearest the centre first: a body that overlaps one already placed
 * moves to the closest free spot on a spiral around where the simulation put it. Space is
 * unbounded, so every body finds a spot, and none overlaps another afterwards.
 */
export function placeWithoutOverlap(nodes: PlacedNode[]): void {
  const order = [...nodes].sort((a, b) => a.depth - b.depth || Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y));
  const placed: Box[] = [];
  const free = (n: PlacedNode) => {
    const box = bodyBox(n);
    return placed.every((p) => !overlaps(p, box));
  };
  for (const n of order) {
    const x0 = n.x;
    const y0 = n.y;
    // Rings 5 px apart, more points on wider rings; the first free point wins.
    for (let ring = 1; !free(n); ring++) {
      const r = ring * 5;
      const steps = Math.max(8, Math.round(r / 5));
      const start = Math.atan2(y0, x0); // try outward from the centre first
      let found = false;
      for (let k = 0; k < steps && !found; k++) {
        const a = start + ((k % 2 ? 1 : -1) * Math.ceil(k / 2) * 2 * Math.PI) / steps;
        n.x = x0 + r * Math.cos(a);
        n.y = y0 + r * Math.sin(a);
        found = free(n);
      }
    }
    placed.push(bodyBox(n));
  }
}

/** Positions for every note of `graph`; `measure` gives a label's width in px. */
export function layoutLocalGraph(graph: LocalGraph, measure: (text: string) => number, ticks = 300): PlacedNode[] {
  const nodes: PlacedNode[] = graph.nodes.map((n, i) => {
    // Start on rings by depth (deterministic), so the same note always gets the same picture.
    const a = (2 * Math.PI * i) / Math.max(graph.nodes.length, 1);
    const ring = n.depth * 90;
    return { ...n, r: n.depth === 0 ? 9 : n.depth === 1 ? 6 : 5, w: Math.ceil(measure(n.title)) + 4, x: ring * Math.cos(a), y: ring * Math.sin(a) };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const centre = nodes.find((n) => n.depth === 0);
  if (centre) {
    centre.fx = 0;
    centre.fy = 0;
  }
  const links = graph.edges.filter((e) => byId.has(e.from) && byId.has(e.to)).map((e) => ({ source: e.from, target: e.to }));
  const sim = forceSimulation<PlacedNode>(nodes)
    .force('link', forceLink<PlacedNode, { source: string; target: string }>(links).id((n) => n.id).distance(70).strength(0.4))
    .force('charge', forceManyBody<PlacedNode>().strength(-160))
    .force('x', forceX<PlacedNode>(0).strength(0.04))
    .force('y', forceY<PlacedNode>(0).strength(0.06))
    .force('center', forceCenter<PlacedNode>(0, 0).strength(0.05))
    // A circle between the label's half width and the row height: long labels keep their
    // neighbours off to the sides without spreading the graph as far as the full width would.
    .force('collide', forceCollide<PlacedNode>((n) => Math.sqrt(Math.max(n.w / 2, n.r) * (n.r + LABEL_HEIGHT + 6))).strength(0.9))
    .stop();
  sim.tick(ticks);
  if (centre) {
    centre.fx = centre.fy = undefined;
  }
  placeWithoutOverlap(nodes);
  return nodes;
}

/** The box holding every body, with a margin: the SVG's viewBox. */
export function extent(nodes: PlacedNode[], margin = 12): Box {
  const boxes = nodes.map(bodyBox);
  return {
    left: Math.min(...boxes.map((b) => b.left)) - margin,
    top: Math.min(...boxes.map((b) => b.top)) - margin,
    right: Math.max(...boxes.map((b) => b.right)) + margin,
    bottom: Math.max(...boxes.map((b) => b.bottom)) + margin,
  };
}
