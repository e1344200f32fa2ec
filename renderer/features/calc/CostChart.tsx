import type { CalcResult } from './calc-view.ts';
import { formatUsd } from './format.ts';

// Text is laid out in pixels (the SVG is not scaled), bars in percent of the chart's width, so
// labels stay the body text size however wide the note column is.
const LINE = 17;
const BAR = 18;
const GAP = 14;
const BAR_SPAN = 68; // % of the width; the rest holds the figure and its tag after the longest bar
const WRAP = 64; // characters per label line, enough for ~560 px at 13 px

interface Row {
  id: string;
  y: number;
  lines: string[];
  barY: number;
  violations: string[];
  pct: number;
  figure: string;
  tag: string | null;
  kind: 'cheapest' | 'violates' | 'baseline' | 'plain';
}

/** Monthly cost per scenario as horizontal bars: cheapest highlighted, violations and baseline marked. */
export function CostChart({ result }: { result: CalcResult }) {
  const top = Math.max(...result.scenarios.map((s) => s.amortizedMonthly), 0);
  const amortized = result.scenarios.some((s) => s.upfront > 0);
  let y = 4;
  const rows: Row[] = result.scenarios.map((s) => {
    const lines = wrap(s.label, WRAP);
    const barY = y + lines.length * LINE + 2;
    const cheapest = s.id === result.cheapest;
    const baseline = s.id === result.baseline;
    const tags = [cheapest && '★ cheapest', baseline && 'baseline'].filter(Boolean) as string[];
    const kind = cheapest ? 'cheapest' : !s.meetsRequirements ? 'violates' : baseline ? 'baseline' : 'plain';
    const row: Row = {
      id: s.id,
      y,
      lines,
      barY,
      violations: s.violations,
      pct: top > 0 ? (s.amortizedMonthly / top) * BAR_SPAN : 0,
      figure: formatUsd(s.amortizedMonthly),
      tag: tags.length ? tags.join(' · ') : null,
      kind,
    };
    y = barY + BAR + s.violations.length * LINE + GAP;
    return row;
  });
  const base = rows.find((r) => r.id === result.baseline);
  const titleId = `calc-chart-${result.calculator.id}`;

  return (
    <figure className="calc-chart">
      <svg width="100%" height={y} role="img" aria-labelledby={titleId}>
        <title id={titleId}>Monthly cost per scenario</title>
        {rows.map((r) => (
          <g key={r.id} className={`calc-row calc-${r.kind}`} data-scenario={r.id}>
            <title>{`${r.lines.join(' ')}: ${r.figure} a month${r.tag ? ` (${r.tag})` : ''}${r.violations.length ? `; ${r.violations.join('; ')}` : ''}`}</title>
            {r.lines.map((line, i) => (
              <text key={i} className="calc-bar-label" x={0} y={r.y + (i + 1) * LINE - 4}>
                {line}
              </text>
            ))}
            {/* The baseline's level across every bar, kept off the labels so it never strikes text through. */}
            {base && <line className="calc-baseline-rule" x1={`${base.pct}%`} x2={`${base.pct}%`} y1={r.barY - 1} y2={r.barY + BAR + 1} />}
            <rect className="calc-bar" x={0} y={r.barY} height={BAR} width={`${Math.max(r.pct, 0.3)}%`} rx={3} />
            {/* A bar shorter than the baseline puts its figure past the baseline's mark, so the mark never crosses it. */}
            <text className="calc-bar-figure" x={`${base && r.pct < base.pct ? base.pct : Math.max(r.pct, 0.3)}%`} dx={6} y={r.barY + BAR - 5}>
              {r.figure}
              {r.tag && <tspan className="calc-bar-tag">{`  ${r.tag}`}</tspan>}
            </text>
            {r.violations.map((v, i) => (
              <text key={v} className="calc-bar-violation" x={0} y={r.barY + BAR + (i + 1) * LINE - 3}>
                {`✗ ${v}`}
              </text>
            ))}
          </g>
        ))}
      </svg>
      <figcaption className="calc-chart-caption">
        {amortized ? 'Per month, upfront payments spread over their term' : 'Per month'}
        {base ? "; the dashed mark on each bar is the baseline's level." : '.'}
      </figcaption>
    </figure>
  );
}

/** Breaks `text` at spaces into lines of at most `width` characters (a longer word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}
