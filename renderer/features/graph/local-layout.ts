// Layout of the local graph, in screen pixels: d3-force places the notes (links, charge, a
// collision force sized to each label); the picture is then fitted to the column's width and a
// label-placement pass moves any note whose body — its dot with the label under it — touches one
// already placed, so no two labels ever overlap and no label lies under another note's dot.
// Labels are drawn 1:1 (the SVG is never scaled to fit), so the measured width is the drawn one.
// d3-force is the layout library the design names (well kept, no DOM); only d3-force is
// imported (it brings d3-quadtree, d3-dispatch, d3-timer).
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';
import type { LocalGraph } from '../../../electron/contract.ts';

const GAP = 3;
/** Space between a dot and its label. */
const DROP = 2;

/** How labels are measured: the width of a title (bold for the centre note) and the font's line box. */
export interface LabelFont {
  width(text: string, bold: boolean): number;
  ascent: number;
  descent: number;
}

export interface PlacedNode extends SimulationNodeDatum {
  id: string;
  title: string;
  depth: number;
  exists: boolean;
  /** Radius of the dot. */
  r: number;
  /** The standing label's width and height in px; 0 when the label shows only on hover. */
  w: number;
  h: number;
  /** The title's width in px, for the label shown on hover when there is no standing one. */
  textW: number;
  /** From the dot's centre down to the label's baseline. */
  baseline: number;
  x: number;
  y: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const halfWidth = (n: PlacedNode) => Math.max(n.w / 2, n.r) + GAP / 2;

/** The node's whole body: the dot, and the label centred under it, with half a gap around. */
export function bodyBox(n: PlacedNode): Box {
  const half = halfWidth(n);
  return { left: n.x - half, right: n.x + half, top: n.y - n.r - GAP / 2, bottom: n.y + n.r + DROP + n.h + GAP / 2 };
}

export function labelBox(n: PlacedNode): Box {
  return { left: n.x - n.w / 2, right: n.x + n.w / 2, top: n.y + n.r + DROP, bottom: n.y + n.r + DROP + n.h };
}

export function dotBox(n: PlacedNode): Box {
  return { left: n.x - n.r, right: n.x + n.r, top: n.y - n.r, bottom: n.y + n.r };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Places bodies one by one, nearest the centre first: a body that overlaps one already placed
 * moves to the closest free spot on a spiral around where the layout put it. Each spot's x is
 * kept within [-maxX, maxX] less the body's half width (the column); y is unbounded, so every
 * body finds a spot, and none overlaps another afterwards.
 */
export function placeWithoutOverlap(nodes: PlacedNode[], maxX = Infinity): void {
  const order = [...nodes].sort((a, b) => a.depth - b.depth || Math.hypot(a.x, a.y) - Math.hypot(b.x, b.y) || (a.id < b.id ? -1 : 1));
  const placed: Box[] = [];
  const free = (n: PlacedNode) => {
    const box = bodyBox(n);
    return placed.every((p) => !overlaps(p, box));
  };
  for (const n of order) {
    const room = Math.max(0, maxX - halfWidth(n)); // a label wider than the column stays centred
    const clampX = (x: number) => Math.min(room, Math.max(-room, x));
    n.x = clampX(n.x);
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
        n.x = clampX(x0 + r * Math.cos(a));
        n.y = y0 + r * Math.sin(a);
        found = free(n);
      }
    }
    placed.push(bodyBox(n));
  }
}

/** In a narrow column, more notes than this at depth 2–3 show their labels on hover only. */
export const COMPACT_FAR_LABELS = 8;

/**
 * The force layout of every note of `graph` (not yet fitted nor free of overlaps). `compact`
 * (the narrow column): when many notes lie at depth 2–3 they keep a dot and a label on hover,
 * so the notes one link away stay readable instead of a tall stack of every label.
 */
export function layoutLocalGraph(graph: LocalGraph, font: LabelFont, { compact = false, ticks = 300 } = {}): PlacedNode[] {
  const far = graph.nodes.filter((n) => n.depth >= 2).length;
  const nodes: PlacedNode[] = graph.nodes.map((n, i) => {
    // Start on rings by depth (deterministic), so the same note always gets the same picture.
    const a = (2 * Math.PI * i) / Math.max(graph.nodes.length, 1);
    const ring = n.depth * 90;
    const r = n.depth === 0 ? 9 : n.depth === 1 ? 7 : 6;
    const textW = Math.ceil(font.width(n.title, n.depth === 0)) + 4;
    const standing = !(compact && n.depth >= 2 && far > COMPACT_FAR_LABELS);
    const h = standing ? Math.ceil(font.ascent + font.descent) : 0;
    return { ...n, r, w: standing ? textW : 0, h, textW, baseline: r + DROP + font.ascent, x: ring * Math.cos(a), y: ring * Math.sin(a) };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const centre = nodes.find((n) => n.depth === 0);
  if (centre) {
    centre.fx = 0;
    centre.fy = 0;
  }
  const links = graph.edges.filter((e) => byId.has(e.from) && byId.has(e.to)).map((e) => ({ source: e.from, target: e.to }));
  const sim = forceSimulation<PlacedNode>(nodes)
    .force(
      'link',
      forceLink<PlacedNode, { source: string; target: string }>(links)
        .id((n) => n.id)
        .distance(70)
        .strength(0.4),
    )
    .force('charge', forceManyBody<PlacedNode>().strength(-160))
    .force('x', forceX<PlacedNode>(0).strength(0.04))
    .force('y', forceY<PlacedNode>(0).strength(0.06))
    .force('center', forceCenter<PlacedNode>(0, 0).strength(0.05))
    // A circle between the label's half width and the row height: long labels keep their
    // neighbours off to the sides without spreading the graph as far as the full width would.
    .force('collide', forceCollide<PlacedNode>((n) => Math.sqrt(Math.max(n.w / 2, n.r) * (n.r + n.h + 6))).strength(0.9))
    .stop();
  sim.tick(ticks);
  if (centre) {
    centre.fx = centre.fy = undefined;
    centre.x = centre.y = 0;
  }
  return nodes;
}

/**
 * The force layout fitted to a column `width` px wide (centre note in the middle): positions
 * shrink to fit (or spread, up to twice, into a wide box of `height`), labels keep their size,
 * and the placement pass clears every overlap. Labels are wide and short, so height is cheaper
 * than width: in a narrow column y shrinks less than x.
 */
export function fitToWidth(layout: PlacedNode[], width: number, height = 0, margin = 8): PlacedNode[] {
  const nodes = layout.map((n) => ({ ...n }));
  const maxX = width / 2 - margin;
  const reach = Math.max(1, ...nodes.map((n) => Math.abs(n.x)));
  const reachY = Math.max(1, ...nodes.map((n) => Math.abs(n.y)));
  const meanHalf = nodes.reduce((s, n) => s + halfWidth(n), 0) / Math.max(1, nodes.length);
  const sx = Math.min(height > 0 ? 2 : 1, Math.max(0.05, (maxX - meanHalf) / reach));
  const sy = sx >= 1 ? Math.max(1, Math.min(sx, (height / 2 - margin - 24) / reachY)) : Math.max(sx, 0.6);
  for (const n of nodes) {
    n.x *= sx;
    n.y *= sy;
  }
  placeWithoutOverlap(nodes, maxX);
  return nodes;
}

/** The box holding every body, with a margin. */
export function extent(nodes: PlacedNode[], margin = 8): Box {
  const boxes = nodes.map(bodyBox);
  return {
    left: Math.min(...boxes.map((b) => b.left)) - margin,
    top: Math.min(...boxes.map((b) => b.top)) - margin,
    right: Math.max(...boxes.map((b) => b.right)) + margin,
    bottom: Math.max(...boxes.map((b) => b.bottom)) + margin,
  };
}
