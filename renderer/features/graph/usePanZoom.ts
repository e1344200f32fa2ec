import { useCallback, useRef, useState } from 'react';
import { DragGesture } from './drag-gesture.ts';

export interface View {
  k: number;
  x: number;
  y: number;
}

/** Element px → drawing units: an SVG with a viewBox is scaled to its box; a canvas is 1:1. */
function unitsPerPx(el: Element): number {
  if (el instanceof SVGSVGElement && el.viewBox.baseVal && el.viewBox.baseVal.width > 0) {
    const w = el.getBoundingClientRect().width;
    const vb = el.viewBox.baseVal;
    // preserveAspectRatio "meet": the larger of the two ratios applies.
    return w > 0 ? Math.max(vb.width / w, vb.height / el.getBoundingClientRect().height || 0) : 1;
  }
  return 1;
}

const MIN = 0.3;
const MAX = 6;

/**
 * Wheel to zoom about the pointer, drag to pan, and +/−/0 and the arrow keys for the keyboard.
 * Hand-written (a few lines) rather than d3-zoom, which would bring d3-selection, d3-transition
 * and d3-drag for the same arithmetic.
 */
export function usePanZoom() {
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const gesture = useRef(new DragGesture()).current;
  const drag = useRef<{ vx: number; vy: number; u: number } | null>(null);

  /** Zoom by `f` keeping the point (px, py) of the element where it is. */
  const zoomAt = useCallback((f: number, px: number, py: number) => {
    setView((v) => {
      const k = Math.min(MAX, Math.max(MIN, v.k * f));
      const r = k / v.k;
      return { k, x: px - (px - v.x) * r, y: py - (py - v.y) * r };
    });
  }, []);

  // React's wheel listener is passive; this one is not, so zooming the graph does not also scroll the page.
  const wheelTarget = useRef<{ el: Element; off: () => void } | null>(null);
  const wheelRef = useCallback(
    (el: Element | null) => {
      wheelTarget.current?.off();
      wheelTarget.current = null;
      if (!el) return;
      const onWheel = (e: Event) => {
        const w = e as WheelEvent;
        w.preventDefault();
        const rect = el.getBoundingClientRect();
        const u = unitsPerPx(el);
        zoomAt(Math.exp(-w.deltaY * 0.0015), (w.clientX - rect.left) * u, (w.clientY - rect.top) * u);
      };
      el.addEventListener('wheel', onWheel, { passive: false });
      wheelTarget.current = { el, off: () => el.removeEventListener('wheel', onWheel) };
    },
    [zoomAt],
  );

  const handlers = {
    onPointerDown: (e: React.PointerEvent<Element>) => {
      if (e.button !== 0) return;
      gesture.down(e.clientX, e.clientY);
      drag.current = { vx: view.x, vy: view.y, u: unitsPerPx(e.currentTarget) };
    },
    onPointerMove: (e: React.PointerEvent<Element>) => {
      const d = drag.current;
      const first = !gesture.dragging();
      const offset = gesture.move(e.clientX, e.clientY);
      if (!d || !offset) return;
      if (first) e.currentTarget.setPointerCapture(e.pointerId);
      setView((v) => ({ ...v, x: d.vx + offset.dx * d.u, y: d.vy + offset.dy * d.u }));
    },
    onPointerUp: () => {
      gesture.up();
      drag.current = null;
    },
  };

  /** Keys for a focused graph; returns true when the key was used. */
  const onKey = (e: React.KeyboardEvent, width: number, height: number): boolean => {
    const pan: Record<string, [number, number]> = { ArrowLeft: [40, 0], ArrowRight: [-40, 0], ArrowUp: [0, 40], ArrowDown: [0, -40] };
    if (e.key === '+' || e.key === '=') zoomAt(1.25, width / 2, height / 2);
    else if (e.key === '-' || e.key === '_') zoomAt(0.8, width / 2, height / 2);
    else if (e.key === '0') setView({ k: 1, x: 0, y: 0 });
    else if (e.key in pan && e.shiftKey) setView((v) => ({ ...v, x: v.x + pan[e.key][0], y: v.y + pan[e.key][1] }));
    else return false;
    return true;
  };

  return { view, setView, zoomAt, handlers, wheelRef, onKey, wasDrag: () => gesture.wasDrag(), dragging: () => gesture.dragging() };
}
