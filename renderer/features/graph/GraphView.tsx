import { useMemo, useRef, useState } from 'react';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { isContentChange } from '../../vault-events.ts';
import { openNote } from '../../useRoute.ts';
import { GraphFilters } from './GraphFilters.tsx';
import { filterGraph, type GraphFilter } from './graph-filter.ts';
import { useGraphCanvas } from './useGraphCanvas.ts';
import { useGraphLayout } from './useGraphLayout.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * #/graph: every note and link on a canvas (SVG cannot keep 10k nodes smooth), laid out by
 * d3-force in a worker, filterable by tag and folder. Mouse: wheel zooms, drag pans, hover lights
 * a note's neighbours, click opens it. Keyboard: arrows walk from note to note, Enter opens,
 * +/− zoom, Shift+arrows pan.
 */
export function GraphView() {
  const [data] = useApi((signal) => api.globalGraph({}, { signal }), [], { reloadOn: isContentChange });
  const [filter, setFilter] = useState<GraphFilter>({ tag: '', folder: '' });
  const flat = useMemo(() => (data.state === 'ok' ? filterGraph(data.value, filter) : null), [data, filter]);
  const layout = useGraphLayout(flat);
  const canvas = useRef<HTMLCanvasElement>(null);
  const view = useGraphCanvas(canvas, flat, layout.positions, layout.version, openNote);

  if (data.state !== 'ok') return <ApiState value={data} loading="Loading the graph…" failed="Could not read the graph" />;
  const links = flat ? flat.links.length / 2 : 0;
  const selected = flat && view.selected >= 0 ? flat.titles[view.selected] : null;
  return (
    <section className="graph-view" aria-label="Graph of all notes">
      <div className="graph-bar">
        <h1>Graph</h1>
        <GraphFilters graph={data.value} filter={filter} onFilter={setFilter} />
        <span className="muted" role="status">
          {plural(flat?.ids.length ?? 0, 'note', 'notes')}, {plural(links, 'link', 'links')}
          {!layout.done && flat && flat.ids.length > 0 ? ' · laying out…' : ''}
        </span>
      </div>
      {flat && flat.ids.length === 0 ? (
        <p className="empty">No note matches this filter.</p>
      ) : (
        <div className="graph-canvas-box">
          {/* biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: "application" is WAI-ARIA's role for a widget that takes its own keys (the arrows walk the graph) */}
          <canvas
            tabIndex={0}
            role="application"
            aria-label="Graph of all notes. Arrow keys choose a note, Enter opens it, plus and minus zoom, Shift with arrows pans."
            aria-describedby="graph-selected"
            {...view.handlers}
          />
        </div>
      )}
      <p id="graph-selected" className="graph-help muted" aria-live="polite">
        {selected
          ? `Selected: ${selected}. Enter opens it.`
          : 'Wheel to zoom, drag to pan, click a note to open it; or focus the graph and use the arrow keys.'}
      </p>
    </section>
  );
}
