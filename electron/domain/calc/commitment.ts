// Commitment arithmetic, per the AWS Pricing Calculator's conventions
// (aws.amazon.com/calculator/calculator-assumptions; electron/domain/README.md §4).
import type { Payment, TermYears } from '../prices/catalog-schema.ts';

export const HOURS_PER_MONTH = 730;
export const HOURS_PER_YEAR = 8760;

/** $/hour of a commitment with its upfront fee spread over the term: hourly + upfront / (8760 × years). */
export function amortisedRate(hourly: number, upfront: number, years: TermYears): number {
  return hourly + upfront / (HOURS_PER_YEAR * years);
}

/**
 * Splits an effective $/hour (on-demand × (1 − discount)) into what is billed each hour and what
 * is paid upfront. Partial upfront pays half upfront: our assumption (AWS sets each offer's split).
 */
export function splitByPayment(effective: number, years: TermYears, payment: Payment): { hourly: number; upfront: number } {
  const share = payment === 'all' ? 1 : payment === 'partial' ? 0.5 : 0;
  return { hourly: effective * (1 - share), upfront: effective * share * HOURS_PER_YEAR * years };
}

export interface BreakEven {
  /** Share of the month's 730 hours above which the commitment is cheaper than on-demand. */
  utilisation: number;
  hoursPerMonth: number;
}

/** A commitment bills 730 h a month used or not; on-demand bills the hours used. */
export function breakEven(onDemandRate: number, commitmentRate: number): BreakEven {
  const utilisation = onDemandRate > 0 ? commitmentRate / onDemandRate : Infinity;
  return { utilisation, hoursPerMonth: utilisation * HOURS_PER_MONTH };
}
