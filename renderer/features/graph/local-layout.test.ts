import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalGraph } from '../../../electron/contract.ts';
import { bodyBox, labelBox, layoutLocalGraph, overlaps } from './local-layout.ts';

// A hub with many long-titled neighbours and neighbours of neighbours: the shape of the map note.
function hub(n: number, m: number): LocalGraph {
  const nodes: LocalGraph['nodes'] = [{ id: 'hub.md', title: 'aws-ml-cost-map', depth: 0, exists: true }];
  const edges: LocalGraph['edges'] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `n${i}.md`, title: `sagemaker-topic-number-${i}-with-a-long-name`, depth: 1, exists: true });
    edges.push({ from: 'hub.md', to: `n${i}.md` });
    for (let j = 0; j < m; j++) {
      nodes.push({ id: `n${i}-${j}.md`, title: `far-${i}-${j}`, depth: 2, exists: true });
      edges.push({ from: `n${i}.md`, to: `n${i}-${j}.md` });
      if (i > 0) edges.push({ from: `n${i - 1}.md`, to: `n${i}-${j}.md` });
    }
  }
  return { nodes, edges, omitted: 0 };
}
const measure = (t: string) => t.length * 6.2;

test('no two labels overlap, and no label lies under another note', () => {
  for (const [n, m] of [[16, 0], [15, 2], [40, 2]]) {
    const placed = layoutLocalGraph(hub(n, m), measure);
    for (let i = 0; i < placed.length; i++) {
      for (let j = 0; j < placed.length; j++) {
        if (i === j) continue;
        if (j > i) assert.ok(!overlaps(labelBox(placed[i]), labelBox(placed[j])), `${placed[i].title} × ${placed[j].title}`);
        const dot = placed[j];
        const dotBox = { left: dot.x - dot.r, right: dot.x + dot.r, top: dot.y - dot.r, bottom: dot.y + dot.r };
        assert.ok(!overlaps(labelBox(placed[i]), dotBox), `${placed[i].title} under ${dot.title}`);
        if (j > i) assert.ok(!overlaps(bodyBox(placed[i]), bodyBox(placed[j])));
      }
    }
  }
});

test('the layout is the same every time, with the centre note in the middle', () => {
  const a = layoutLocalGraph(hub(10, 1), measure);
  const b = layoutLocalGraph(hub(10, 1), measure);
  assert.deepEqual(a.map((n) => [n.x, n.y]), b.map((n) => [n.x, n.y]));
  const centre = a.find((n) => n.depth === 0)!;
  assert.ok(Math.abs(centre.x) < 1 && Math.abs(centre.y) < 1);
});
