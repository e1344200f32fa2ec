import type { CardStats } from '../../../electron/contract.ts';

type DayCount = CardStats['heatmap'][number];

export interface HeatCell extends DayCount {
  /** Week column, oldest first. */
  col: number;
  /** Day of the week, 0 = Sunday, as GitHub's contribution graph. */
  row: number;
  /** Shade 0–4: 0 is no review, 4 the busiest days. */
  level: number;
}

export interface HeatmapLayout {
  cells: HeatCell[];
  columns: number;
  /** Month names over the column holding the month's first day. */
  months: Array<{ label: string; col: number }>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Day of the week of a local `YYYY-MM-DD` date (parsed as local, never UTC, so no day shift). */
export function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getDay();
}

/** Places the days (oldest first, today last) on a 7-row grid of week columns. */
export function heatmapLayout(days: DayCount[]): HeatmapLayout {
  const offset = days.length ? weekday(days[0].date) : 0;
  const max = Math.max(0, ...days.map((d) => d.count));
  const cells = days.map((d, i) => ({
    ...d,
    col: Math.floor((offset + i) / 7),
    row: (offset + i) % 7,
    level: d.count === 0 ? 0 : Math.min(4, Math.ceil((d.count / max) * 4)),
  }));
  const months = cells.filter((c) => c.date.endsWith('-01')).map((c) => ({ label: MONTHS[Number(c.date.slice(5, 7)) - 1], col: c.col }));
  return { cells, columns: Math.ceil((offset + days.length) / 7), months };
}
