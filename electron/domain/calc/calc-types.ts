import type { Component, Confidence } from '../prices/catalog-schema.ts';
import type { BreakEven } from './commitment.ts';
import type { DefinitionOrigin } from './definition-schema.ts';
import type { InputValues } from './inputs.ts';
import { DomainError } from '../domain-error.ts';

/** A calculation that cannot be done: a missing price, an expression giving a negative number, … */
export class CalcError extends DomainError {
  constructor(message: string) {
    super('CALCULATION_FAILED', message);
  }
}

/** A figure a line used, with where it comes from. */
export interface FigureSource {
  figure: string;
  source: string;
  confidence: Confidence;
}

export interface LineResult {
  label: string;
  component: Component;
  /** null for a line priced by its own `rate`. */
  instance: string | null;
  /** `on-demand`, `spot −70%`, `reservation 3 y no upfront`, … */
  pricing: string;
  /** Hours used per month. */
  hours: number;
  /** Hours billed per month: the hours used, or 730 for a commitment. */
  billedHours: number;
  quantity: number;
  /** Effective $/hour per instance (a commitment's upfront amortised over its term). */
  rate: number;
  /** This line's share of the month, upfront amortised; cents. */
  cost: number;
  /** Billed each month; cents. */
  monthly: number;
  /** Paid once at the start of a commitment; cents. */
  upfront: number;
  /** The calculation in words: `176 h × $0.05/h = $8.80`. */
  math: string;
  note: string | null;
  violations: string[];
  /** Commitments only: the use above which they beat on-demand. */
  breakEven: BreakEven | null;
  sources: FigureSource[];
}

export interface ScenarioResult {
  id: string;
  label: string;
  description: string | null;
  /** Cents, as every money figure below. */
  upfront: number;
  monthly: number;
  /** monthly + upfront spread over its term: what scenarios are compared by. */
  amortizedMonthly: number;
  /** upfront + 12 × monthly (the AWS Pricing Calculator's 12-month total). */
  total12: number;
  meetsRequirements: boolean;
  violations: string[];
  lines: LineResult[];
}

export interface Savings {
  /** Baseline minus this scenario, per month amortised; cents. Negative: it costs more. */
  amount: number;
  /** Of the baseline, one decimal. */
  percent: number;
}

export interface CalcResult {
  calculator: { id: string; title: string; description: string | null; region: string; origin: DefinitionOrigin; sources: string[] };
  catalog: { asOf: string; imports: number };
  inputs: InputValues;
  scenarios: ScenarioResult[];
  baseline: string | null;
  /** The cheapest scenario that meets every requirement. */
  cheapest: string | null;
  savingsVsBaseline: Record<string, Savings> | null;
}
