import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { openNote } from '../../useRoute.ts';
import { extent, LABEL_HEIGHT, layoutLocalGraph } from '../graph/local-layout.ts';
import { textMeasurer } from '../graph/measure-text.ts';
import { usePanZoom } from '../graph/usePanZoom.ts';

const FONT_PX = 11;
/** Longer titles are cut with an ellipsis in the drawing (the full title is the node's name). */
const MAX_LABEL = 26;
const short = (t: string) => (t.length > MAX_LABEL ? t.slice(0, MAX_LABEL - 1) + '…' : t);

/**
 * The note and its neighbours to depth 1–3, laid out by d3-force with labels that never overlap.
 * Wheel or +/− zoom, drag or Shift+arrows pan; hovering or focusing a note highlights its
 * neighbours; a click or Enter opens it. Each note is a link in the tab order.
 */
export function LocalGraph({ id }: { id: string }) {
  const [depth, setDepth] = useState(1);
  const [graph] = useApi(() => api.localGraph({ id, depth }), [id, depth]);
  const [hover, setHover] = useState<string | null>(null);
  const [large, setLarge] = useState(false);
  const pz = usePanZoom();
  // Labels are measured in the page's font: lay out again once the bundled web fonts are in,
  // or a label measured in the fallback font could come out wider than its box.
  const [fonts, setFonts] = useState(document.fonts.status === 'loaded');
  useEffect(() => {
    let live = true;
    void document.fonts.ready.then(() => live && setFonts(true));
    return () => {
      live = false;
    };
  }, []);
  const placed = useMemo(
    () => (graph.state === 'ok' ? layoutLocalGraph({ ...graph.value, nodes: graph.value.nodes.map((n) => ({ ...n, title: short(n.title) })) }, textMeasurer(FONT_PX)) : []),
    [graph, fonts],
  );
  const neighbours = useMemo(() => {
    const m = new Map<string, Set<string>>();
    if (graph.state !== 'ok') return m;
    for (const e of graph.value.edges) {
      m.set(e.from, (m.get(e.from) ?? new Set()).add(e.to));
      m.set(e.to, (m.get(e.to) ?? new Set()).add(e.from));
    }
    return m;
  }, [graph]);
  if (graph.state === 'error') return <ApiState value={graph} failed="Could not draw the graph" />;
  if (graph.state !== 'ok' || placed.length === 0) return null;
  const g = graph.value;
  const pos = new Map(placed.map((n) => [n.id, n]));
  const box = extent(placed);
  const width = box.right - box.left;
  const height = box.bottom - box.top;
  const lit = hover ? new Set([hover, ...(neighbours.get(hover) ?? [])]) : null;
  const open = (n: string) => {
    if (!pz.wasDrag()) openNote(n);
  };

  return (
    <section aria-label="Local graph" className={large ? 'local-graph large' : 'local-graph'} onKeyDown={(e) => large && e.key === 'Escape' && setLarge(false)}>
      <h2>
        Local graph <span className="count">{g.nodes.length}</span>
      </h2>
      <div className="graph-controls">
        <label>
          Depth{' '}
          <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            {[1, 2, 3].map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <button type="button" className="icon-button" aria-label="Zoom in" onClick={() => pz.zoomAt(1.25, width / 2, height / 2)}>+</button>
        <button type="button" className="icon-button" aria-label="Zoom out" onClick={() => pz.zoomAt(0.8, width / 2, height / 2)}>−</button>
        <button type="button" className="icon-button" aria-label="Reset zoom" onClick={() => pz.setView({ k: 1, x: 0, y: 0 })}>⟲</button>
        <button type="button" className="topbar-button" aria-pressed={large} onClick={() => setLarge(!large)}>{large ? 'Smaller' : 'Larger'}</button>
      </div>
      {g.omitted > 0 && <p className="muted">{g.omitted} more {g.omitted === 1 ? 'note' : 'notes'} at this depth are not drawn.</p>}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Links around this note: ${g.nodes.length} ${g.nodes.length === 1 ? 'note' : 'notes'}`}
        className={lit ? 'has-hover' : ''}
        ref={pz.wheelRef}
        {...pz.handlers}
        onKeyDown={(e) => pz.onKey(e, width, height) && e.preventDefault()}
      >
        <g transform={`translate(${pz.view.x} ${pz.view.y}) scale(${pz.view.k}) translate(${-box.left} ${-box.top})`}>
          {g.edges.map((e) => {
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
              aria-label={g.nodes.find((x) => x.id === n.id)?.title ?? n.title}
              tabIndex={0}
              onClick={() => open(n.id)}
              onKeyDown={(e) => e.key === 'Enter' && openNote(n.id)}
              onMouseEnter={() => setHover(n.id)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(n.id)}
              onBlur={() => setHover(null)}
            >
              <circle cx={n.x} cy={n.y} r={n.r} />
              <text x={n.x} y={n.y + n.r + 2 + LABEL_HEIGHT - 3}>{n.title}</text>
            </g>
          ))}
        </g>
      </svg>
    </section>
  );
}
