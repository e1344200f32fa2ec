import { useEffect, useRef, useState } from 'react';
import type { FlatGraph } from './graph-filter.ts';
import type { LayoutRequest, LayoutUpdate } from './graph-layout-worker.ts';

/** Ticks of the global layout: enough for 10k nodes to settle, bounded so it always ends. */
const TICKS = 300;

/**
 * Positions of the graph's nodes from the layout worker; `version` counts updates so the canvas
 * redraws. A new graph (another filter) ends the previous worker.
 */
export function useGraphLayout(graph: FlatGraph | null): { positions: React.RefObject<Float32Array | null>; version: number; done: boolean } {
  const positions = useRef<Float32Array | null>(null);
  const [version, setVersion] = useState(0);
  const [done, setDone] = useState(false);
  useEffect(() => {
    positions.current = null;
    setDone(false);
    if (!graph || graph.ids.length === 0) return;
    const worker = new Worker(new URL('./graph-worker.js', document.baseURI));
    worker.onmessage = (e: MessageEvent<LayoutUpdate>) => {
      positions.current = e.data.positions;
      setVersion((v) => v + 1);
      if (e.data.done) {
        setDone(true);
        worker.terminate();
      }
    };
    const req: LayoutRequest = { count: graph.ids.length, links: graph.links, ticks: TICKS };
    worker.postMessage(req);
    return () => worker.terminate();
  }, [graph]);
  return { positions, version, done };
}
