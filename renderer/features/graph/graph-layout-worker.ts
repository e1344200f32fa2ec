// The global graph's layout runs here, off the main thread, so a 10k-note vault lays out while
// the page stays responsive. A fixed number of ticks; positions are posted every few ticks so
// the picture settles on screen. Built by electron/build.mjs to out/renderer/graph-worker.js.
import { forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force';

export interface LayoutRequest {
  count: number;
  links: Int32Array;
  ticks: number;
}

export interface LayoutUpdate {
  /** x0, y0, x1, y1, … */
  positions: Float32Array;
  done: boolean;
}

const POST_EVERY = 10;

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const { count, links, ticks } = e.data;
  // Phyllotaxis start (as d3 itself does), spread by the vault's size.
  const nodes: SimulationNodeDatum[] = Array.from({ length: count }, (_, i) => {
    const r = 10 * Math.sqrt(0.5 + i);
    const a = i * Math.PI * (3 - Math.sqrt(5));
    return { x: r * Math.cos(a), y: r * Math.sin(a) };
  });
  const pairs = [];
  for (let i = 0; i < links.length; i += 2) pairs.push({ source: links[i], target: links[i + 1] });
  const sim = forceSimulation(nodes)
    .force('link', forceLink(pairs).distance(30).strength(0.3))
    // Barnes–Hut with a coarse theta and a distance cap: O(n log n) a tick at 10k nodes.
    .force('charge', forceManyBody().strength(-30).theta(1.2).distanceMax(600))
    .force('x', forceX(0).strength(0.03))
    .force('y', forceY(0).strength(0.03))
    .alphaDecay(1 - 0.001 ** (1 / ticks))
    .stop();
  const post = (done: boolean) => {
    const positions = new Float32Array(count * 2);
    nodes.forEach((n, i) => {
      positions[2 * i] = n.x ?? 0;
      positions[2 * i + 1] = n.y ?? 0;
    });
    (self as unknown as Worker).postMessage({ positions, done } satisfies LayoutUpdate, [positions.buffer]);
  };
  for (let t = 0; t < ticks; t += POST_EVERY) {
    sim.tick(Math.min(POST_EVERY, ticks - t));
    post(t + POST_EVERY >= ticks);
  }
};
