import { useMemo } from 'react';
import type { CardStats } from '../../../electron/contract.ts';
import { heatmapLayout } from './heatmap-layout.ts';

const CELL = 11;
const STEP = CELL + 2;
const LEFT = 28;
const TOP = 14;
const WEEKDAYS: Array<[number, string]> = [
  [1, 'Mon'],
  [3, 'Wed'],
  [5, 'Fri'],
];

const reviews = (n: number) => `${n} review${n === 1 ? '' : 's'}`;

/** One square a day, a column a week, as GitHub's contribution graph; today is the last square. */
export function ReviewHeatmap({ days }: { days: CardStats['heatmap'] }) {
  const { cells, columns, months } = useMemo(() => heatmapLayout(days), [days]);
  const total = days.reduce((n, d) => n + d.count, 0);
  const today = days.at(-1)?.count ?? 0;
  const width = LEFT + columns * STEP;
  const height = TOP + 7 * STEP + 16;
  // A month name needs about three columns; skip one that would overlap the previous.
  const labels = months.filter((m, i) => (i === 0 ? m.col <= columns - 3 : m.col - months[i - 1].col >= 3));
  return (
    <svg
      className="heatmap"
      role="img"
      aria-label={`Reviews in the last ${days.length} days: ${total} in all, ${today} today`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      {labels.map((m) => (
        <text key={`${m.label}${m.col}`} className="heat-label" x={LEFT + m.col * STEP} y={10}>
          {m.label}
        </text>
      ))}
      {WEEKDAYS.map(([row, name]) => (
        <text key={name} className="heat-label" x={0} y={TOP + row * STEP + 9}>
          {name}
        </text>
      ))}
      {cells.map((c, i) => {
        const isToday = i === cells.length - 1;
        return (
          <rect
            key={c.date}
            className={`heat-cell heat-${c.level}${isToday ? ' today' : ''}`}
            x={LEFT + c.col * STEP}
            y={TOP + c.row * STEP}
            width={CELL}
            height={CELL}
            rx={2}
          >
            <title>{`${c.date}${isToday ? ' (today)' : ''}: ${reviews(c.count)}`}</title>
          </rect>
        );
      })}
      <g className="heat-legend" transform={`translate(${width - 5 * STEP - 62}, ${TOP + 7 * STEP + 4})`}>
        <text className="heat-label" x={0} y={9}>
          Less
        </text>
        {[0, 1, 2, 3, 4].map((l) => (
          <rect key={l} className={`heat-cell heat-${l}`} x={28 + l * STEP} y={0} width={CELL} height={CELL} rx={2} />
        ))}
        <text className="heat-label" x={32 + 5 * STEP} y={9}>
          More
        </text>
      </g>
    </svg>
  );
}
