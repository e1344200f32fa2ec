import { drawBase, drawOverlay, type Colors, type Frame } from './draw-graph.ts';
import type { View } from './usePanZoom.ts';

/**
 * Paints frames of the global graph, keeping the base picture (every edge and dot, the costly
 * part at 10k notes) in an offscreen canvas a margin larger than the view. Panning within the
 * margin only copies that picture; while a zoom is under way the picture is scaled, and the
 * caller paints once more, exactly, when the zoom settles. Labels and highlights are drawn fresh
 * every frame (they are few).
 */
export class GraphPainter {
  private base = document.createElement('canvas');
  private key = '';
  private at: View | null = null;
  private margin = 0;

  /**
   * One frame on `ctx` (already scaled to CSS px). `version` changes when the positions do;
   * `zooming` allows a scaled base. Returns true when the frame was approximate.
   */
  paint(ctx: CanvasRenderingContext2D, f: Frame, colors: Colors, version: number, dpr: number, zooming: boolean): boolean {
    const { width: w, height: h, view } = f;
    const key = [version, w, h, dpr, f.hover >= 0, colors.edge, colors.node, f.graph.ids.length].join('|');
    const at = this.key === key ? this.at : null;
    const m = this.margin;
    const shifted = at !== null && at.k === view.k && Math.abs(view.x - at.x) <= m && Math.abs(view.y - at.y) <= m;
    const scaled = at !== null && !shifted && zooming;
    if (!shifted && !scaled) this.render(f, colors, dpr, key);
    const a = this.at!;
    // Where the base's top-left lands: x = W/2 + v.x + (x_base - W/2 - a.x)·s, likewise y.
    const s = view.k / a.k;
    const x0 = w / 2 + view.x + (-this.margin - w / 2 - a.x) * s;
    const y0 = h / 2 + view.y + (-this.margin - h / 2 - a.y) * s;
    ctx.clearRect(0, 0, w, h);
    // Only the part of the base that lands on the canvas is copied: the base is four times the
    // view's area, and without a GPU every copied pixel costs.
    const sw = (w + 2 * this.margin) * s;
    const sh = (h + 2 * this.margin) * s;
    const ux = this.base.width / sw;
    const uy = this.base.height / sh;
    const dx0 = Math.max(0, x0);
    const dy0 = Math.max(0, y0);
    const dx1 = Math.min(w, x0 + sw);
    const dy1 = Math.min(h, y0 + sh);
    if (dx1 > dx0 && dy1 > dy0) ctx.drawImage(this.base, (dx0 - x0) * ux, (dy0 - y0) * uy, (dx1 - dx0) * ux, (dy1 - dy0) * uy, dx0, dy0, dx1 - dx0, dy1 - dy0);
    drawOverlay(ctx, f, colors);
    return scaled;
  }

  private render(f: Frame, colors: Colors, dpr: number, key: string): void {
    // Half the view on every side: a drag of up to half the canvas is a copy.
    this.margin = Math.round(Math.max(f.width, f.height) / 2);
    const bw = Math.round((f.width + 2 * this.margin) * dpr);
    const bh = Math.round((f.height + 2 * this.margin) * dpr);
    if (this.base.width !== bw || this.base.height !== bh) {
      this.base.width = bw;
      this.base.height = bh;
    }
    const ctx = this.base.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, bw, bh);
    ctx.setTransform(dpr, 0, 0, dpr, dpr * this.margin, dpr * this.margin);
    drawBase(ctx, f, colors, this.margin);
    this.key = key;
    this.at = f.view;
  }
}
