// One line of a scenario: hours × rate, by its pricing (on-demand, spot, commitment).
import type { Component, PriceCatalog, Payment, TermYears } from '../prices/catalog-schema.ts';
import { commitmentRate, discountAssumption, onDemandRate, sourceText } from '../prices/catalog-lookup.ts';
import { CalcError, type FigureSource } from './calc-types.ts';
import { amortisedRate, breakEven, HOURS_PER_MONTH, HOURS_PER_YEAR, splitByPayment, type BreakEven } from './commitment.ts';
import type { CalculatorDefinition, CommitmentPricingDef, LineDef } from './definition-schema.ts';
import { compileExpression, evaluateNumber, type Scope } from './expression.ts';
import type { InputValues } from './inputs.ts';
import { formatHours, formatPercent, formatRate, formatUsd } from './money.ts';

/** A line at full precision (rounded later, in the result). */
export interface PricedLine {
  label: string;
  instance: string | null;
  pricing: string;
  hours: number;
  billedHours: number;
  quantity: number;
  rate: number;
  cost: number;
  monthly: number;
  upfront: number;
  math: string;
  breakEven: BreakEven | null;
  sources: FigureSource[];
}

export interface LineContext {
  def: CalculatorDefinition;
  catalog: PriceCatalog;
  values: InputValues;
  scope: Scope;
  /** `scenarios[1].lines[0]`, for error messages. */
  at: string;
}

/** What is priced, once the line's expressions are evaluated. */
interface Usage {
  component: Component;
  instance: string | null;
  /** On-demand $/hour (or the line's own rate). */
  base: number;
  hours: number;
  quantity: number;
  label: string;
  sources: FigureSource[];
}

export function priceLine(line: LineDef, ctx: LineContext): PricedLine {
  const { def, catalog, values } = ctx;
  const instance = line.instance === undefined ? null : Object.hasOwn(def.inputs, line.instance) ? String(values[line.instance]) : line.instance;
  const u: Usage = {
    component: line.component,
    instance,
    base: 0,
    hours: amount(line.hours, 'hours', ctx),
    quantity: line.quantity === undefined ? 1 : amount(line.quantity, 'quantity', ctx),
    label: line.label ?? `${line.component} ${instance ?? ''}`.trim(),
    sources: [],
  };
  if (instance === null) {
    u.base = amount(line.rate!, 'rate', ctx);
    u.sources.push({ figure: `${formatRate(u.base)} = ${line.rate}`, source: 'this calculator’s inputs', confidence: 'assumption' });
  } else {
    const row = onDemandRate(catalog, def.region, line.component, instance);
    if (!row) throw new CalcError(`${ctx.at}.instance: no ${line.component} price for ${instance} in ${def.region}`);
    u.base = row.usdPerHour;
    u.sources.push({ figure: `${instance} ${line.component} ${formatRate(u.base)}`, source: sourceText(catalog, row.source), confidence: row.confidence });
  }
  const p = line.pricing;
  if (p.type === 'on-demand') return payAsYouGo(u, 0, 'on-demand', '');
  if (p.type === 'spot') {
    const discount = amount(p.discount, 'pricing.discount', ctx, 1);
    u.sources.push({ figure: `spot discount ${formatPercent(discount)}`, source: `pricing.discount: ${p.discount}`, confidence: 'assumption' });
    return payAsYouGo(u, discount, `spot −${formatPercent(discount)}`, ` × (1 − ${formatPercent(discount)} spot)`);
  }
  return commitment(p, u, ctx);
}

/** Evaluates a number or expression of the inputs, within 0…max. */
function amount(source: string | number, field: string, ctx: LineContext, max = Infinity): number {
  let v: number;
  try {
    v = evaluateNumber(compileExpression(source, new Set(ctx.scope.keys())), ctx.scope);
  } catch (err) {
    throw new CalcError(`${ctx.at}.${field}: ${(err as Error).message}`);
  }
  if (v < 0 || v > max) throw new CalcError(`${ctx.at}.${field}: ${source} = ${v}, outside 0…${max}`);
  return v;
}

const times = (quantity: number) => (quantity === 1 ? '' : `${quantity} × `);

function payAsYouGo(u: Usage, discount: number, pricing: string, off: string): PricedLine {
  const rate = u.base * (1 - discount);
  const cost = u.hours * u.quantity * rate;
  return {
    label: u.label,
    instance: u.instance,
    pricing,
    hours: u.hours,
    billedHours: u.hours,
    quantity: u.quantity,
    rate,
    cost,
    monthly: cost,
    upfront: 0,
    math: `${times(u.quantity)}${formatHours(u.hours)} × ${formatRate(u.base)}${off} = ${formatUsd(cost)}`,
    breakEven: null,
    sources: u.sources,
  };
}

/**
 * A commitment bills all 730 hours of the month, used or not (electron/domain/README.md §4). Its price: the
 * line's `discount`, else the catalog's exact commitment price, else the catalog's discount.
 */
function commitment(p: CommitmentPricingDef, u: Usage, ctx: LineContext): PricedLine {
  const { values, catalog, def } = ctx;
  const years = (typeof p.term === 'number' ? p.term : Number(values[p.term])) as TermYears;
  const payment = (p.payment === 'no' || p.payment === 'partial' || p.payment === 'all' ? p.payment : values[p.payment]) as Payment;
  const query = { kind: p.type, region: def.region, component: u.component, instance: u.instance!, termYears: years, payment };
  const exact = p.discount === undefined ? commitmentRate(catalog, query) : undefined;

  let hourly: number;
  let upfront: number;
  let formula: string;
  if (exact) {
    ({ hourly, upfront } = exact);
    formula = `(${formatRate(hourly)} + ${formatUsd(upfront)} ÷ (${HOURS_PER_YEAR} h × ${years}))`;
    u.sources.push({
      figure: `${p.type} ${formatRate(hourly)} + ${formatUsd(upfront)} upfront`,
      source: sourceText(catalog, exact.source),
      confidence: exact.confidence,
    });
  } else {
    let discount: number;
    if (p.discount !== undefined) {
      discount = amount(p.discount, 'pricing.discount', ctx, 1);
      u.sources.push({ figure: `${p.type} discount ${formatPercent(discount)}`, source: `pricing.discount: ${p.discount}`, confidence: 'assumption' });
    } else {
      const d = discountAssumption(catalog, query);
      if (!d) {
        throw new CalcError(
          `${ctx.at}.pricing: no ${years}-year ${payment}-upfront ${p.type} price or discount for ${u.instance} in ${def.region}; give \`discount:\`, import an offer file, or add a discount to the user catalog`,
        );
      }
      discount = d.discount;
      u.sources.push({ figure: `${p.type} discount ${formatPercent(discount)}`, source: sourceText(catalog, d.source), confidence: d.confidence });
    }
    ({ hourly, upfront } = splitByPayment(u.base * (1 - discount), years, payment));
    formula = `${formatRate(u.base)} × (1 − ${formatPercent(discount)})`;
  }
  const rate = amortisedRate(hourly, upfront, years);
  const cost = rate * HOURS_PER_MONTH * u.quantity;
  const monthly = hourly * HOURS_PER_MONTH * u.quantity;
  const upfrontTotal = upfront * u.quantity;
  const split = upfrontTotal > 0 ? ` a month amortised (${formatUsd(upfrontTotal)} upfront + ${formatUsd(monthly)}/month)` : '';
  return {
    label: u.label,
    instance: u.instance,
    pricing: `${p.type} ${years} y ${payment} upfront`,
    hours: u.hours,
    billedHours: HOURS_PER_MONTH,
    quantity: u.quantity,
    rate,
    cost,
    monthly,
    upfront: upfrontTotal,
    math: `${times(u.quantity)}${formatHours(HOURS_PER_MONTH)} billed (${formatHours(u.hours)} used) × ${formula} = ${formatUsd(cost)}${split}`,
    breakEven: breakEven(u.base, rate),
    sources: u.sources,
  };
}
