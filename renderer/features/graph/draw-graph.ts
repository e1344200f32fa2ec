import type { FlatGraph } from './graph-filter.ts';
import type { View } from './usePanZoom.ts';

export interface Frame {
  graph: FlatGraph;
  positions: Float32Array;
  view: View;
  width: number;
  height: number;
  hover: number;
  selected: number;
  /** Node indices by degree, most linked first: they get labels first. */
  order: number[];
}

/** World → screen: fitted to the canvas, then the user's zoom and pan. */
export function projector(f: Pick<Frame, 'positions' | 'view' | 'width' | 'height'>): { sx: (i: number) => number; sy: (i: number) => number; scale: number } {
  let maxX = 1;
  let maxY = 1;
  for (let i = 0; i < f.positions.length; i += 2) {
    maxX = Math.max(maxX, Math.abs(f.positions[i]));
    maxY = Math.max(maxY, Math.abs(f.positions[i + 1]));
  }
  // Room at the sides for a label centred under the outermost dots.
  const fit = Math.max(0.01, Math.min((f.width / 2 - 90) / maxX, (f.height / 2 - 30) / maxY));
  const scale = fit * f.view.k;
  const cx = f.width / 2 + f.view.x;
  const cy = f.height / 2 + f.view.y;
  return { sx: (i) => cx + f.positions[2 * i] * scale, sy: (i) => cy + f.positions[2 * i + 1] * scale, scale };
}

/** Nearest node within `radius` px of (x, y), or -1. */
export function hitTest(f: Pick<Frame, 'positions' | 'view' | 'width' | 'height'>, x: number, y: number, radius = 10): number {
  const p = projector(f);
  let best = -1;
  let bestD = radius * radius;
  const n = f.positions.length / 2;
  for (let i = 0; i < n; i++) {
    const dx = p.sx(i) - x;
    const dy = p.sy(i) - y;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

const CELL = 12;
const MAX_LABELS = 300;

export type Colors = Record<'edge' | 'node' | 'accent' | 'text' | 'bg', string>;

/** Dot radius at this zoom: small dots for a large graph, growing as one zooms in. */
export const dotRadius = (n: number, k: number) => Math.max(1.5, Math.min(7, (n < 300 ? 4 : 2.5) * Math.sqrt(k)));

/**
 * The picture that does not change while one pans: all edges as one path, all dots as one path
 * (one stroke and one fill for 10k nodes), dimmed while a note is hovered. Drawn into the region
 * from -margin to size + margin; edges and dots wholly outside it are skipped.
 */
export function drawBase(ctx: CanvasRenderingContext2D, f: Frame, colors: Colors, margin: number): void {
  const { graph, width, height } = f;
  const p = projector(f);
  const n = graph.ids.length;
  const lo = -margin;
  const hiX = width + margin;
  const hiY = height + margin;
  const dim = f.hover >= 0;
  const r = dotRadius(n, f.view.k);

  ctx.globalAlpha = dim ? 0.25 : 0.6;
  ctx.strokeStyle = colors.edge;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let i = 0; i < graph.links.length; i += 2) {
    const x1 = p.sx(graph.links[i]);
    const y1 = p.sy(graph.links[i]);
    const x2 = p.sx(graph.links[i + 1]);
    const y2 = p.sy(graph.links[i + 1]);
    if ((x1 < lo && x2 < lo) || (x1 > hiX && x2 > hiX) || (y1 < lo && y2 < lo) || (y1 > hiY && y2 > hiY)) continue;
    ctx.moveTo(x1, y1);
    ctx.lineTo(x2, y2);
  }
  ctx.stroke();

  ctx.globalAlpha = dim ? 0.35 : 1;
  ctx.fillStyle = colors.node;
  ctx.beginPath();
  for (let i = 0; i < n; i++) {
    const x = p.sx(i);
    const y = p.sy(i);
    if (x < lo - r || y < lo - r || x > hiX + r || y > hiY + r) continue;
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, 2 * Math.PI);
  }
  ctx.fill();
  ctx.globalAlpha = 1;
}

/**
 * What changes from frame to frame, over the base: the hovered note's neighbourhood, the
 * chosen note's ring, then labels wherever they fit (an occupancy grid keeps them apart).
 */
export function drawOverlay(ctx: CanvasRenderingContext2D, f: Frame, colors: Colors): void {
  const { graph, width, height } = f;
  const p = projector(f);
  const n = graph.ids.length;
  const lit = f.hover >= 0 ? new Set([f.hover, ...graph.adjacency[f.hover]]) : null;
  const r = dotRadius(n, f.view.k);
  if (lit) {
    ctx.strokeStyle = colors.accent;
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const j of graph.adjacency[f.hover]) {
      ctx.moveTo(p.sx(f.hover), p.sy(f.hover));
      ctx.lineTo(p.sx(j), p.sy(j));
    }
    ctx.stroke();
    ctx.fillStyle = colors.accent;
    ctx.beginPath();
    for (const i of lit) {
      ctx.moveTo(p.sx(i) + r + 1, p.sy(i));
      ctx.arc(p.sx(i), p.sy(i), r + 1, 0, 2 * Math.PI);
    }
    ctx.fill();
  }
  if (f.selected >= 0) {
    ctx.strokeStyle = colors.text;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(p.sx(f.selected), p.sy(f.selected), r + 5, 0, 2 * Math.PI);
    ctx.stroke();
  }

  // Labels: the lit and selected notes first, then the most linked, never two on one spot.
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const used = new Set<number>();
  const cols = Math.ceil(width / CELL);
  const first = [...(f.selected >= 0 ? [f.selected] : []), ...(lit ?? [])];
  // Zoomed out on a large graph only the chosen and lit notes are labelled: trying every note
  // there (10k measureText calls) took most of a frame while hovering.
  const candidates = f.view.k * Math.sqrt(1000 / Math.max(n, 1)) > 0.6 ? [...first, ...f.order] : first;
  let shown = 0;
  for (const i of candidates) {
    if (shown >= MAX_LABELS) break;
    const x = p.sx(i);
    const y = p.sy(i) + r + 3;
    if (x < 0 || y < 0 || x > width || y > height) continue;
    const w = textWidth(ctx, graph.titles[i]);
    const c0 = Math.floor((x - w / 2) / CELL);
    const c1 = Math.floor((x + w / 2) / CELL);
    const row = Math.floor(y / CELL);
    const cells: number[] = [];
    for (let c = c0; c <= c1; c++) cells.push(row * cols + c, (row + 1) * cols + c);
    if (cells.some((c) => used.has(c))) continue;
    cells.forEach((c) => used.add(c));
    ctx.fillStyle = colors.bg;
    ctx.globalAlpha = 0.8;
    ctx.fillRect(x - w / 2 - 2, y - 1, w + 4, 15);
    ctx.globalAlpha = 1;
    ctx.fillStyle = colors.text;
    ctx.fillText(graph.titles[i], x, y);
    shown++;
  }
}

const widths = new Map<string, number>();
/** Label widths in the one label font, measured once per title. */
function textWidth(ctx: CanvasRenderingContext2D, title: string): number {
  let w = widths.get(title);
  if (w === undefined) {
    w = ctx.measureText(title).width;
    if (widths.size > 50_000) widths.clear();
    widths.set(title, w);
  }
  return w;
}
