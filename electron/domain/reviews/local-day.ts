// Calendar days in the machine's local time zone: the heatmap and the forecast are read by a
// person, whose "today" is local. (Scheduling itself uses instants, never local days.)

const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` of the local day holding `date`. */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight `offset` days after the day holding `date`. */
export function startOfLocalDay(date: Date, offset = 0): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + offset);
}

/** Whole local days from the day of `from` to the day of `to` (negative when `to` is earlier). */
export function localDaysBetween(from: Date, to: Date): number {
  // Rounding absorbs the 23- and 25-hour days of daylight-saving changes.
  return Math.round((startOfLocalDay(to).getTime() - startOfLocalDay(from).getTime()) / 86_400_000);
}
