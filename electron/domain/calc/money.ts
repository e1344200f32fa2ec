// Money is kept at full precision and rounded only where shown or returned.

/** Half away from zero, to cents; the nudge keeps 0.125 (stored as 0.12499…) from rounding down. */
export function roundCents(usd: number): number {
  return (Math.sign(usd) * Math.round(Math.abs(usd) * 100 + 1e-7)) / 100;
}

export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

const usdFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `$1,234.56`; negative amounts as `−$3.00`. */
export function formatUsd(usd: number): string {
  const cents = roundCents(usd);
  return `${cents < 0 ? '−' : ''}$${usdFormat.format(Math.abs(cents))}`;
}

/** A price per hour as AWS writes it: at least 2 decimals, up to 5 (`$0.05/h`, `$0.14112/h`). */
export function formatRate(usdPerHour: number): string {
  const text = roundTo(usdPerHour, 5)
    .toFixed(5)
    .replace(/0{1,3}$/, '');
  return `$${text}/h`;
}

export function formatHours(h: number): string {
  return `${roundTo(h, 2).toLocaleString('en-US')} h`;
}

/** 0.72 → `72%`. */
export function formatPercent(fraction: number): string {
  return `${roundTo(fraction * 100, 1)}%`;
}
