import type { CardStats } from '../../../electron/contract.ts';

const BAR = 16;
const STEP = BAR + 4;
const CHART = 70;
const LEFT = 24;

/** Cards falling due each day from today; overdue cards count today (as cardStats gives them). */
export function DueForecast({ days }: { days: CardStats['forecast'] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const total = days.reduce((n, d) => n + d.count, 0);
  const width = LEFT + days.length * STEP;
  const height = CHART + 18;
  return (
    <svg
      className="forecast"
      role="img"
      aria-label={`Cards due in the next ${days.length} days: ${total}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <text className="heat-label" x={0} y={9}>
        {max}
      </text>
      <text className="heat-label" x={0} y={CHART}>
        0
      </text>
      <line className="forecast-axis" x1={LEFT} x2={width} y1={CHART + 0.5} y2={CHART + 0.5} />
      {days.map((d, i) => {
        const h = d.count ? Math.max(2, (d.count / max) * (CHART - 4)) : 0;
        return (
          <g key={d.date}>
            <title>{`${i === 0 ? 'Today' : d.date}: ${d.count} due`}</title>
            <rect className="forecast-hit" x={LEFT + i * STEP} y={0} width={BAR} height={CHART} />
            {h > 0 && <rect className="forecast-bar" x={LEFT + i * STEP} y={CHART - h} width={BAR} height={h} rx={2} />}
          </g>
        );
      })}
      <text className="heat-label" x={LEFT} y={height - 2}>
        Today
      </text>
      <text className="heat-label" x={LEFT + 14 * STEP} y={height - 2}>
        +14 d
      </text>
      <text className="heat-label end" x={width} y={height - 2}>
        +{days.length - 1} d
      </text>
    </svg>
  );
}
