import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalGraph } from '../../../electron/contract.ts';
import { bodyBox, dotBox, fitToWidth, labelBox, layoutLocalGraph, overlaps, type LabelFont } from './local-layout.ts';

// A hub with many long-titled neighbours and neighbours of neighbours: the shape of the map note.
function hub(n: number, m: number): LocalGraph {
  const nodes: LocalGraph['nodes'] = [{ id: 'hub.md', title: 'aws-ml-cost-map', depth: 0, exists: true }];
  const edges: LocalGraph['edges'] = [];
  for (let i = 0; i < n; i++) {
    nodes.push({ id: `n${i}.md`, title: `sagemaker-topic-${i}-${'x'.repeat(i % 9)}`, depth: 1, exists: true });
    edges.push({ from: 'hub.md', to: `n${i}.md` });
    for (let j = 0; j < m; j++) {
      nodes.push({ id: `n${i}-${j}.md`, title: `far-${i}-${j}`, depth: 2, exists: true });
      edges.push({ from: `n${i}.md`, to: `n${i}-${j}.md` });
      if (i > 0) edges.push({ from: `n${i - 1}.md`, to: `n${i}-${j}.md` });
    }
  }
  return { nodes, edges, omitted: 0 };
}

/** The same graph with its nodes and edges in another order (d3-force starts from the order). */
function shuffled(g: LocalGraph, seed: number): LocalGraph {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const mix = <T>(a: T[]) =>
    a
      .map((x) => [rand(), x] as const)
      .sort((p, q) => p[0] - q[0])
      .map(([, x]) => x);
  return { ...g, nodes: mix(g.nodes), edges: mix(g.edges) };
}

const font: LabelFont = { width: (t, bold) => t.length * (bold ? 7.4 : 6.6), ascent: 11.2, descent: 3.6 };

function clashes(placed: ReturnType<typeof fitToWidth>): string[] {
  const out: string[] = [];
  for (let i = 0; i < placed.length; i++) {
    for (let j = 0; j < placed.length; j++) {
      if (i === j) continue;
      if (j > i && overlaps(labelBox(placed[i]), labelBox(placed[j]))) out.push(`${placed[i].title} × ${placed[j].title}`);
      if (overlaps(labelBox(placed[i]), dotBox(placed[j]))) out.push(`${placed[i].title} under ${placed[j].title}`);
      if (overlaps(dotBox(placed[i]), dotBox(placed[j]))) out.push(`dots ${placed[i].title}, ${placed[j].title}`);
      if (j > i && overlaps(bodyBox(placed[i]), bodyBox(placed[j]))) out.push(`bodies ${placed[i].title}, ${placed[j].title}`);
    }
  }
  return out;
}

test('for any start order and column width, no label overlaps another label or any dot, and all fit the column', () => {
  for (const [n, m] of [
    [16, 0],
    [15, 2],
    [40, 2],
  ]) {
    for (const seed of [0, 1, 2, 3, 4]) {
      const layout = layoutLocalGraph(seed === 0 ? hub(n, m) : shuffled(hub(n, m), seed), font);
      for (const width of [220, 290, 600, 1100]) {
        const placed = fitToWidth(layout, width, width > 1000 ? 700 : 0); // the widest is the Larger dialog
        assert.deepEqual(clashes(placed), [], `${n}/${m} seed ${seed} width ${width}`);
        for (const p of placed) {
          const b = bodyBox(p);
          assert.ok(b.left >= -width / 2 && b.right <= width / 2, `${p.title} outside ${width} px: ${b.left}..${b.right}`);
        }
      }
    }
  }
});

test('labels keep their measured size whatever the width: the picture is fitted, not scaled', () => {
  const layout = layoutLocalGraph(hub(16, 0), font);
  const narrow = fitToWidth(layout, 260);
  const wide = fitToWidth(layout, 1000);
  assert.deepEqual(
    narrow.map((p) => p.w),
    wide.map((p) => p.w),
  );
  assert.equal(narrow.find((p) => p.depth === 0)!.w, Math.ceil('aws-ml-cost-map'.length * 7.4) + 4);
});

test('the layout is the same every time, with the centre note in the middle', () => {
  const a = fitToWidth(layoutLocalGraph(hub(10, 1), font), 300);
  const b = fitToWidth(layoutLocalGraph(hub(10, 1), font), 300);
  assert.deepEqual(
    a.map((n) => [n.x, n.y]),
    b.map((n) => [n.x, n.y]),
  );
  const centre = a.find((n) => n.depth === 0)!;
  assert.ok(Math.abs(centre.x) < 1 && Math.abs(centre.y) < 1);
});

test('in the narrow column, many far notes keep a dot and a label on hover; the near ones keep their labels', () => {
  const compact = fitToWidth(layoutLocalGraph(hub(15, 2), font, { compact: true }), 290);
  assert.ok(compact.filter((p) => p.depth >= 2).every((p) => p.w === 0 && p.h === 0 && p.textW > 0));
  assert.ok(compact.filter((p) => p.depth < 2).every((p) => p.w > 0 && p.h > 0));
  assert.deepEqual(clashes(compact), []);
  const wide = layoutLocalGraph(hub(15, 2), font);
  assert.ok(wide.every((p) => p.w > 0));
  // Few far notes: all labelled, even in the column.
  assert.ok(layoutLocalGraph(hub(4, 2), font, { compact: true }).every((p) => p.w > 0));
  // The far notes' dots free the column: the picture is shorter.
  const height = (ps: typeof compact) => Math.max(...ps.map((p) => p.y)) - Math.min(...ps.map((p) => p.y));
  assert.ok(height(compact) < height(fitToWidth(wide, 290)), `${height(compact)} vs ${height(fitToWidth(wide, 290))}`);
});
