// The targets of issue 11 (and issue 6's comparisons with MiniSearch), checked on the measured
// numbers: set for 10k notes, some also for 50k; `cairn --help` once per run.
import type { ChildResult } from './child-job.ts';
import type { EngineName } from './engines/engine.ts';
import type { ServeProbe } from './serve-probe.ts';

export const TARGET_SIZE = 10_000;
export const LARGE_SIZE = 50_000;

export type EngineRuns = Partial<Record<EngineName, { cold?: ChildResult; warm?: ChildResult }>>;
export interface SizeResults {
  size: number;
  runs: EngineRuns;
  /** `cairn serve` started cold (no index cache) and warm (from it). */
  serve?: { cold?: ServeProbe; warm?: ServeProbe };
}

export interface TargetCheck {
  size: number;
  target: string;
  value: string;
  /** The floor's figure for the same measure, from the same run ('n/a' when there is none):
   *  the machine's load moves both alike, so the two read together. */
  floor: string;
  /** null when a number it needs was not measured. */
  met: boolean | null;
}

export const peakRssMB = (r?: ChildResult) => (r ? Math.max(r.memoryAfterStart.rssMB, r.memoryAtEnd?.rssMB ?? 0) : undefined);

export function checkTargets(results: SizeResults[], help?: { helpMs: number; nodeMs: number }): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const r of results) if (r.size === TARGET_SIZE || r.size === LARGE_SIZE) checks.push(...sizeTargets(r));
  checks.push({
    size: 0,
    target: '`cairn --help` ≤ 0.3 s',
    value: help ? `${(help.helpMs / 1000).toFixed(2)} s` : 'n/a',
    floor: help ? `${(help.nodeMs / 1000).toFixed(2)} s (\`node -e 0\`)` : 'n/a',
    met: help ? help.helpMs <= 300 : null,
  });
  return checks;
}

function sizeTargets({ size, runs, serve }: SizeResults): TargetCheck[] {
  const cairn = runs.cairn?.cold;
  const floor = runs.floor?.cold;
  const mini = runs.minisearch?.cold;
  const flex = runs.flexsearch?.cold;
  const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined ? a / b : undefined);
  const shown = (v: number | undefined, show: (v: number) => string) => (v === undefined || Number.isNaN(v) ? 'n/a' : show(v));
  const check = (
    target: string,
    value: number | undefined,
    show: (v: number) => string,
    ok: (v: number) => boolean,
    floorValue?: number,
    floorShow = show,
  ): TargetCheck => ({
    size,
    target,
    value: shown(value, show),
    floor: shown(floorValue, floorShow),
    met: value === undefined || Number.isNaN(value) ? null : ok(value),
  });
  const times = (v: number) => `${v.toFixed(2)}×`;
  const secs = (v: number) => `${(v / 1000).toFixed(2)} s`;
  const msText = (v: number) => `${v.toFixed(1)} ms`;
  const edit = cairn?.editBacklink;
  const rss = serve?.cold || serve?.warm ? Math.max(serve?.cold?.rssMB ?? 0, serve?.warm?.rssMB ?? 0) : undefined;
  const large = size >= LARGE_SIZE;
  const out: TargetCheck[] = [];
  if (!large) {
    out.push(
      check('note list usable, cold (serve) ≤ 2 s', serve?.cold?.listMs, secs, (v) => v <= 2000, floor?.startMs),
      check('note list usable, warm (serve) ≤ 1 s', serve?.warm?.listMs, secs, (v) => v <= 1000, floor?.startMs),
      check('first full-text answer, warm (serve) ≤ 1.5 s', serve?.warm?.firstAnswerMs, secs, (v) => v <= 1500, floor?.startMs),
      // FlexSearch with its defaults, on one thread, beside the floor: what the engine alone costs.
      check(
        'cold full index ≤ 3× the floor',
        ratio(cairn?.startMs, floor?.startMs),
        times,
        (v) => v <= 3,
        floor?.startMs,
        (v) => {
          const alone = ratio(flex?.startMs, v);
          return alone === undefined ? secs(v) : `${secs(v)} (FlexSearch alone, defaults, one thread: ${times(alone)})`;
        },
      ),
    );
  }
  const mb = (v: number) => `${v.toFixed(0)} MB`;
  out.push(
    // The floor of an edit: read the edited note and parse its frontmatter.
    check(
      `edit → backlink p95 ≤ ${large ? 300 : 100} ms (in process: re-index + note view)`,
      edit?.p95,
      msText,
      (v) => v <= (large ? 300 : 100) && edit?.missed === 0,
      floor?.editBacklink?.p95,
    ),
    check(
      `edit → backlink p95 ≤ ${large ? 300 : 100} ms (serve: write on disk → watcher → note view)`,
      serve?.warm?.editBacklink?.p95,
      msText,
      (v) => v <= (large ? 300 : 100) && serve?.warm?.editBacklink?.missed === 0,
      floor?.editBacklink?.p95,
    ),
    // The floor of memory: every note read and parsed, held (in-process, after a collection).
    check(`serve RSS after searching ≤ ${large ? '1 GB' : '300 MB'}`, rss, mb, (v) => v <= (large ? 1024 : 300), floor?.memoryAfterStart.rssMB),
    // Search has no floor engine: MiniSearch, the baseline, stands there, or FlexSearch with its
    // defaults in a run without MiniSearch.
    check(
      'search p95 ≤ 5 ms',
      cairn?.search?.p95,
      (v) => `${v.toFixed(2)} ms`,
      (v) => v <= 5,
      mini?.search?.p95 ?? flex?.search?.p95,
      (v) => `${v.toFixed(2)} ms (${mini?.search ? 'MiniSearch' : 'FlexSearch, defaults'})`,
    ),
  );
  if (!large && mini) {
    out.push(
      check('cold index ≤ ⅓ of MiniSearch (issue 6)', ratio(cairn?.startMs, mini.startMs), times, (v) => v <= 1 / 3),
      check('search p95 ≥ 10× faster than MiniSearch (issue 6)', ratio(mini.search?.p95, cairn?.search?.p95), times, (v) => v >= 10),
    );
  }
  return out;
}
