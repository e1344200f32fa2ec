// Figures as the calculator shows them. Always en-US money whatever the UI locale (the app runs
// with ko-KR): AWS prices are quoted in USD with a dot, and the math text from the engine uses it.
import type { InputValue } from './calc-view.ts';

const usd = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** `$1,234.56`; negative as `−$3.00` (the engine's own `formatUsd` style). */
export function formatUsd(dollars: number): string {
  return `${dollars < 0 ? '−' : ''}$${usd.format(Math.abs(dollars))}`;
}

/** A saving of 93.3% of the baseline reads as a change of `−93.3%`; costing more, `+12%`. */
export function formatChange(savingPercent: number): string {
  if (savingPercent === 0) return '±0%';
  return `${savingPercent > 0 ? '−' : '+'}${Math.abs(savingPercent)}%`;
}

/** An input's value with its unit: `2 h/day`, `72%` for a fraction, `yes`/`no`. */
export function formatInput(value: InputValue, unit: string | null): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') {
    if (unit === 'fraction') return `${plain.format(Math.round(value * 1000) / 10)}%`;
    return unit ? `${plain.format(value)} ${unit}` : plain.format(value);
  }
  return unit ? `${value} ${unit}` : value;
}
