import { useMemo, useState } from 'react';
import type { LocalGraph } from '../../../electron/contract.ts';
import { extent, labelBox, type PlacedNode } from './local-layout.ts';
import type { usePanZoom } from './usePanZoom.ts';

interface Props {
  graph: LocalGraph;
  placed: PlacedNode[];
  /** The box's size in CSS px; `height` 0 takes the picture's own height. */
  width: number;
  height: number;
  pz: ReturnType<typeof usePanZoom>;
  open: (id: string) => void;
}

/**
 * The local graph's SVG, drawn 1:1 (1 unit = 1 CSS px, never scaled to fit), so labels are as
 * wide as they were measured. Hovering or focusing a note lights its neighbours; a click or
 * Enter opens it; each note is a link in the tab order.
 */
export function LocalGraphPicture({ graph, placed, width, height: boxHeight, pz, open }: Props) {
  const [hover, setHover] = useState<string | null>(null);
  const neighbours = useMemo(() => {
    const m = new Map<string, Set<string>>();
    for (const e of graph.edges) {
      m.set(e.from, (m.get(e.from) ?? new Set()).add(e.to));
      m.set(e.to, (m.get(e.to) ?? new Set()).add(e.from));
    }
    return m;
  }, [graph]);
  const titles = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n.title])), [graph]);
  const pos = new Map(placed.map((n) => [n.id, n]));
  const content = extent(placed);
  const height = boxHeight || Math.ceil(content.bottom - content.top);
  const dx = (width - (content.right - content.left)) / 2 - content.left;
  const dy = Math.max(0, (height - (content.bottom - content.top)) / 2) - content.top;
  const lit = hover ? new Set([hover, ...(neighbours.get(hover) ?? [])]) : null;
  const shown = hover ? pos.get(hover) : undefined;
  const click = (id: string) => {
    if (!pz.wasDrag()) open(id);
  };
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="group"
      aria-label={`Links around this note: ${graph.nodes.length} ${graph.nodes.length === 1 ? 'note' : 'notes'}`}
      className={lit ? 'has-hover' : ''}
      ref={pz.wheelRef}
      {...pz.handlers}
      onKeyDown={(e) => pz.onKey(e, width, height) && e.preventDefault()}
    >
      <g transform={`translate(${pz.view.x} ${pz.view.y}) scale(${pz.view.k}) translate(${dx} ${dy})`}>
        {graph.edges.map((e) => {
          const a = pos.get(e.from);
          const b = pos.get(e.to);
          const on = lit && (e.from === hover || e.to === hover);
          return a && b ? <line key={e.from + '>' + e.to} x1={a.x} y1={a.y} x2={b.x} y2={b.y} className={on ? 'edge lit' : 'edge'} /> : null;
        })}
        {placed.map((n) => (
          <g
            key={n.id}
            className={`node depth-${n.depth}${!n.exists ? ' missing' : ''}${lit?.has(n.id) ? ' lit' : ''}`}
            role="link"
            aria-label={titles.get(n.id) ?? n.title}
            tabIndex={0}
            onClick={() => click(n.id)}
            onKeyDown={(e) => e.key === 'Enter' && open(n.id)}
            onMouseEnter={() => setHover(n.id)}
            onMouseLeave={() => setHover(null)}
            onFocus={() => setHover(n.id)}
            onBlur={() => setHover(null)}
          >
            {/* The whole body is the target, not just the dot and the glyphs. */}
            <rect className="hit" x={n.x - Math.max(n.w / 2, n.r)} y={n.y - n.r} width={2 * Math.max(n.w / 2, n.r)} height={labelBox(n).bottom - n.y + n.r} />
            <circle cx={n.x} cy={n.y} r={n.r} />
            {n.w > 0 && (
              <text x={n.x} y={n.y + n.baseline}>
                {n.title}
              </text>
            )}
          </g>
        ))}
        {shown && shown.w === 0 && (
          // A far note's label, on hover or focus only, over everything else.
          <g className="hover-label" aria-hidden="true">
            <rect x={shown.x - shown.textW / 2} y={shown.y + shown.r + 1} width={shown.textW} height={shown.baseline - shown.r + 3} rx={3} />
            <text x={shown.x} y={shown.y + shown.baseline}>
              {shown.title}
            </text>
          </g>
        )}
      </g>
    </svg>
  );
}
