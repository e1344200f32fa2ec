import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { hitTest, projector } from './draw-graph.ts';
import { GraphPainter } from './graph-painter.ts';
import type { FlatGraph } from './graph-filter.ts';
import { nearestInDirection } from './nearest-in-direction.ts';
import { usePanZoom } from './usePanZoom.ts';

/** How long after the last zoom step the exact picture is drawn again. */
const SETTLE_MS = 150;

/** The colours of the current theme (styles.css variables), read when a frame is drawn. */
function themeColors(el: Element) {
  const css = getComputedStyle(el);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return { edge: v('--muted'), node: v('--link'), accent: v('--accent'), text: v('--text'), bg: v('--bg') };
}

/** Draws the graph on the canvas (one frame per change) and turns pointer and keys into actions. */
export function useGraphCanvas(
  canvas: RefObject<HTMLCanvasElement | null>,
  graph: FlatGraph | null,
  positions: RefObject<Float32Array | null>,
  version: number,
  open: (id: string) => void,
) {
  const pz = usePanZoom();
  const [hover, setHover] = useState(-1);
  // The chosen note is kept by id: a new graph (a vault event, another filter) keeps it chosen
  // when it is still drawn, instead of dropping the keyboard user's place.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const index = useMemo(() => new Map(graph?.ids.map((id, i) => [id, i]) ?? []), [graph]);
  const selected = selectedId === null ? -1 : (index.get(selectedId) ?? -1);
  const setSelected = (i: number) => setSelectedId(graph && i >= 0 ? graph.ids[i] : null);
  const [size, setSize] = useState({ w: 0, h: 0 });
  const frame = useRef(0);
  const nextPaint = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const painter = useRef<GraphPainter | null>(null);
  // A zoom under way is drawn from the scaled picture; one exact frame follows when it settles.
  const lastK = useRef(1);
  const zoomedAt = useRef(0);
  const [settled, setSettled] = useState(0);
  const settleTimer = useRef(0);
  const order = useMemo(
    () =>
      graph
        ? graph.adjacency
            .map((a, i) => [a.length, i])
            .sort((a, b) => b[0] - a[0])
            .map(([, i]) => i)
        : [],
    [graph],
  );

  useEffect(() => setHover(-1), [graph]);

  useEffect(() => {
    const el = canvas.current?.parentElement;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [canvas, graph]);

  useEffect(() => {
    const c = canvas.current;
    const pos = positions.current;
    if (!c || !graph || !pos || size.w === 0) return;
    // One frame per display frame, of the newest state: a change while a frame is pending only
    // replaces what it will paint. (Cancelling and asking again on every change starved the
    // canvas: at 10k notes, wheel and drag events came faster than frames and none was painted.)
    nextPaint.current = () => {
      const dpr = window.devicePixelRatio || 1;
      if (c.width !== Math.round(size.w * dpr) || c.height !== Math.round(size.h * dpr)) {
        c.width = Math.round(size.w * dpr);
        c.height = Math.round(size.h * dpr);
        c.style.setProperty('width', `${size.w}px`);
        c.style.setProperty('height', `${size.h}px`);
      }
      const ctx = c.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      const t0 = performance.now();
      if (pz.view.k !== lastK.current) zoomedAt.current = t0;
      lastK.current = pz.view.k;
      painter.current ??= new GraphPainter();
      const frameData = { graph, positions: pos, view: pz.view, width: size.w, height: size.h, hover, selected, order };
      const approximate = painter.current.paint(ctx, frameData, themeColors(c), version, dpr, t0 - zoomedAt.current < SETTLE_MS);
      if (approximate) {
        clearTimeout(settleTimer.current);
        settleTimer.current = window.setTimeout(() => setSettled((n) => n + 1), SETTLE_MS);
      }
      // A user-timing entry per frame: electron/bench/graph-frames.ts reads the draw times.
      performance.measure('graph-draw', { start: t0 });
    };
    if (frame.current === 0) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        nextPaint.current?.();
      });
    }
  }, [canvas, graph, positions, version, pz.view, hover, selected, size, order, settled]);

  const frameInfo = () => ({ positions: positions.current ?? new Float32Array(), view: pz.view, width: size.w, height: size.h });
  const at = (e: React.PointerEvent | React.MouseEvent) => {
    const r = e.currentTarget.getBoundingClientRect();
    return hitTest(frameInfo(), e.clientX - r.left, e.clientY - r.top);
  };

  const { wheelRef } = pz;
  const canvasRef = useCallback(
    (el: HTMLCanvasElement | null) => {
      canvas.current = el;
      wheelRef(el);
    },
    [canvas, wheelRef],
  );

  const handlers = {
    ref: canvasRef,
    onPointerDown: pz.handlers.onPointerDown,
    onPointerUp: pz.handlers.onPointerUp,
    onPointerMove: (e: React.PointerEvent<HTMLCanvasElement>) => {
      pz.handlers.onPointerMove(e);
      if (!pz.dragging()) setHover(at(e));
    },
    onPointerLeave: () => setHover(-1),
    onClick: (e: React.MouseEvent<HTMLCanvasElement>) => {
      const i = at(e);
      if (graph && i >= 0 && !pz.wasDrag()) open(graph.ids[i]);
    },
    onKeyDown: (e: React.KeyboardEvent<HTMLCanvasElement>) => {
      // The layout worker may not have sent positions yet (it restarts on every new graph): the
      // first arrow needs none, and later ones stay put until the positions come.
      const pos = positions.current;
      if (!graph) return;
      if (pz.onKey(e, size.w, size.h)) return e.preventDefault();
      if (e.key.startsWith('Arrow')) {
        // The first arrow picks the most linked note; then each arrow walks to a neighbour on screen.
        const next = selected < 0 ? (order[0] ?? -1) : pos ? nearestInDirection(pos, selected, e.key) : selected;
        setSelected(next);
        setHover(next);
        keepInView(next);
      } else if (e.key === 'Enter' && selected >= 0) open(graph.ids[selected]);
      else if (e.key === 'Escape') setSelected(-1);
      else return;
      e.preventDefault();
    },
  };

  /** Pans so the chosen note is on screen. */
  const keepInView = (i: number) => {
    if (i < 0 || !positions.current) return;
    const p = projector(frameInfo());
    const x = p.sx(i);
    const y = p.sy(i);
    const m = 40;
    if (x < m || y < m || x > size.w - m || y > size.h - m) pz.setView((v) => ({ ...v, x: v.x + size.w / 2 - x, y: v.y + size.h / 2 - y }));
  };

  return { handlers, selected, hover };
}
