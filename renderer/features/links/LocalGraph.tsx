import { useMemo } from 'react';
import type { LocalGraph as Graph } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { useApi } from '../../useApi.ts';
import { openNote } from '../../useRoute.ts';

const SIZE = 280;

/** Rings by distance: the note in the centre, depth 1 around it, depth 2 outside. */
export function layout(graph: Graph): Map<string, { x: number; y: number }> {
  const pos = new Map<string, { x: number; y: number }>();
  const byDepth = new Map<number, string[]>();
  for (const n of graph.nodes) byDepth.set(n.depth, [...(byDepth.get(n.depth) ?? []), n.id]);
  for (const [depth, ids] of byDepth) {
    const r = depth === 0 ? 0 : depth * (SIZE / 2 - 24) / 2;
    ids.forEach((id, i) => {
      const a = (2 * Math.PI * i) / ids.length + depth * 0.4;
      pos.set(id, { x: SIZE / 2 + r * Math.cos(a), y: SIZE / 2 + r * Math.sin(a) });
    });
  }
  return pos;
}

export function LocalGraph({ id }: { id: string }) {
  const [graph] = useApi(() => api.localGraph({ id, depth: 2 }), [id]);
  const pos = useMemo(() => (graph.state === 'ok' ? layout(graph.value) : new Map()), [graph]);
  if (graph.state !== 'ok') return null;
  const g = graph.value;
  return (
    <section aria-label="Local graph" className="local-graph">
      <h2>Local graph <span className="count">{g.nodes.length}</span></h2>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`Links around this note: ${g.nodes.length} notes`}>
        {g.edges.map((e) => {
          const a = pos.get(e.from);
          const b = pos.get(e.to);
          return a && b ? <line key={e.from + '>' + e.to} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className="edge" /> : null;
        })}
        {g.nodes.map((n) => {
          const p = pos.get(n.id)!;
          return (
            <g key={n.id} className={`node depth-${n.depth}`} onClick={() => openNote(n.id)} role="link" aria-label={n.title} tabIndex={0} onKeyDown={(e) => e.key === 'Enter' && openNote(n.id)}>
              <circle cx={p.x} cy={p.y} r={n.depth === 0 ? 8 : 5} />
              {n.depth < 2 && <text x={p.x} y={p.y - 10}>{n.title.length > 22 ? n.title.slice(0, 21) + '…' : n.title}</text>}
              <title>{n.title}</title>
            </g>
          );
        })}
      </svg>
    </section>
  );
}
