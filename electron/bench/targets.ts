// Issue 6's targets, checked on the measured numbers. They are set for 10k notes; a larger size
// is checked for growing no worse than linearly from 10k (10 % allowed for noise).
import type { ChildResult } from './child-job.ts';
import type { EngineName } from './engines/engine.ts';

export const TARGET_SIZE = 10_000;
const NOISE = 1.1;

export type EngineRuns = Partial<Record<EngineName, { cold?: ChildResult; warm?: ChildResult }>>;
export interface SizeResults {
  size: number;
  runs: EngineRuns;
}

export interface TargetCheck {
  size: number;
  target: string;
  value: string;
  /** null when a number it needs was not measured. */
  met: boolean | null;
}

export const peakRssMB = (r?: ChildResult) => (r ? Math.max(r.memoryAfterStart.rssMB, r.memoryAtEnd?.rssMB ?? 0) : undefined);

export function checkTargets(results: SizeResults[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const at = results.find((r) => r.size === TARGET_SIZE);
  if (at) checks.push(...absoluteTargets(at));
  for (const big of results.filter((r) => r.size > TARGET_SIZE)) if (at) checks.push(...growthTargets(at, big));
  return checks;
}

function absoluteTargets({ size, runs }: SizeResults): TargetCheck[] {
  const cairn = runs.cairn?.cold;
  const floor = runs.floor?.cold;
  const mini = runs.minisearch?.cold;
  const warm = runs.cairn?.warm;
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? a / b : undefined);
  const check = (target: string, value: number | undefined, show: (v: number) => string, ok: (v: number) => boolean): TargetCheck => ({
    size,
    target,
    value: value === undefined ? 'n/a' : show(value),
    met: value === undefined ? null : ok(value),
  });
  const times = (v: number) => `${v.toFixed(2)}×`;
  return [
    check('cold index ≤ 2× the floor', ratio(cairn?.startMs, floor?.startMs), times, (v) => v <= 2),
    check('cold index ≤ ⅓ of MiniSearch', ratio(cairn?.startMs, mini?.startMs), times, (v) => v <= 1 / 3),
    check('warm start ≤ 1 s', warm?.startMs, (v) => `${(v / 1000).toFixed(2)} s`, (v) => v <= 1000),
    check('search p95 ≤ 5 ms', cairn?.search?.p95, (v) => `${v.toFixed(2)} ms`, (v) => v <= 5),
    check('search p95 ≥ 10× faster than MiniSearch', ratio(mini?.search?.p95, cairn?.search?.p95), times, (v) => v >= 10),
    check('incremental update p95 ≤ 50 ms', cairn?.update?.p95, (v) => `${v.toFixed(1)} ms`, (v) => v <= 50 && cairn?.update?.missed === 0),
    check('RSS ≤ 400 MB', peakRssMB(cairn), (v) => `${v.toFixed(0)} MB`, (v) => v <= 400),
  ];
}

function growthTargets(base: SizeResults, big: SizeResults): TargetCheck[] {
  const linear = big.size / base.size;
  const grow = (target: string, pick: (r: EngineRuns) => number | undefined): TargetCheck => {
    const a = pick(base.runs);
    const b = pick(big.runs);
    const v = a !== undefined && b !== undefined ? b / a : undefined;
    return { size: big.size, target: `${target} grows ≤ ${linear}× from ${base.size / 1000}k`, value: v === undefined ? 'n/a' : `${v.toFixed(2)}×`, met: v === undefined ? null : v <= linear * NOISE };
  };
  return [
    grow('cold index', (r) => r.cairn?.cold?.startMs),
    grow('warm start', (r) => r.cairn?.warm?.startMs),
    grow('RSS', (r) => peakRssMB(r.cairn?.cold)),
    grow('search p95', (r) => r.cairn?.cold?.search?.p95),
  ];
}
