import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { openNote } from '../../useRoute.ts';
import { LocalGraphPicture } from '../graph/LocalGraphPicture.tsx';
import { fitToWidth, layoutLocalGraph } from '../graph/local-layout.ts';
import { labelFont } from '../graph/measure-text.ts';
import { useBoxSize } from '../graph/useBoxSize.ts';
import { usePanZoom } from '../graph/usePanZoom.ts';

/** Label size in CSS px at zoom 1, whatever the column's width (styles.css .local-graph text). */
const FONT_PX = 12;
/** Longer titles are cut with an ellipsis in the drawing (the full title is the node's name). */
const MAX_LABEL = 26;
const short = (t: string) => (t.length > MAX_LABEL ? t.slice(0, MAX_LABEL - 1) + '…' : t);

/**
 * The note and its neighbours to depth 1–3, laid out by d3-force with labels that never overlap.
 * The picture is laid out for the box's own width in CSS px and drawn 1:1 (never scaled down to
 * fit), so labels are readable in the narrow column. Wheel or +/− zoom, drag or Shift+arrows pan.
 */
export function LocalGraph({ id }: { id: string }) {
  const [depth, setDepth] = useState(1);
  const [graph] = useApi((signal) => api.localGraph({ id, depth }, { signal }), [id, depth]);
  const [large, setLarge] = useState(false);
  const pz = usePanZoom();
  const box = useBoxSize<HTMLDivElement>();
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
  const measured = box.w > 0;
  const layout = useMemo(
    () =>
      graph.state === 'ok' && measured && box.el.current
        ? layoutLocalGraph({ ...graph.value, nodes: graph.value.nodes.map((n) => ({ ...n, title: short(n.title) })) }, labelFont(box.el.current, FONT_PX), {
            compact: !large,
          })
        : [],
    [graph, fonts, measured, box.el, large],
  );
  const placed = useMemo(() => fitToWidth(layout, box.w, large ? box.h : 0), [layout, box.w, box.h, large]);
  if (graph.state === 'error') return <ApiState value={graph} failed="Could not draw the graph" />;
  if (graph.state !== 'ok') return null;
  const g = graph.value;
  return (
    <section aria-label="Local graph" className={large ? 'local-graph large' : 'local-graph'} onKeyDown={(e) => large && e.key === 'Escape' && setLarge(false)}>
      <h2>
        Local graph <span className="count">{g.nodes.length}</span>
      </h2>
      <div className="graph-controls">
        <label>
          Depth{' '}
          <select value={depth} onChange={(e) => setDepth(Number(e.target.value))}>
            {[1, 2, 3].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="icon-button" aria-label="Zoom in" onClick={() => pz.zoomAt(1.25, box.w / 2, box.h / 2)}>
          +
        </button>
        <button type="button" className="icon-button" aria-label="Zoom out" onClick={() => pz.zoomAt(0.8, box.w / 2, box.h / 2)}>
          −
        </button>
        <button type="button" className="icon-button" aria-label="Reset zoom" onClick={() => pz.setView({ k: 1, x: 0, y: 0 })}>
          ⟲
        </button>
        <button type="button" className="topbar-button" aria-pressed={large} onClick={() => setLarge(!large)}>
          {large ? 'Smaller' : 'Larger'}
        </button>
      </div>
      {g.omitted > 0 && (
        <p className="muted">
          {g.omitted} more {g.omitted === 1 ? 'note' : 'notes'} at this depth are not drawn.
        </p>
      )}
      <div className="local-graph-box" ref={box.ref}>
        {placed.length > 0 && <LocalGraphPicture graph={g} placed={placed} width={box.w} height={large ? box.h : 0} pz={pz} open={openNote} />}
      </div>
    </section>
  );
}
