// The benchmark's markdown: one table of measurements per size, the targets, and the queries.
import { SEARCH_PAGE } from '../contract.ts';
import type { ChildResult, QueryStats } from './child-job.ts';
import { ENGINE_NAMES, type EngineName } from './engines/engine.ts';
import type { Percentiles } from './measure.ts';
import type { SizeResults, TargetCheck } from './targets.ts';

export interface RunInfo {
  date: string;
  machine: string;
  node: string;
  seed: number;
  loadAverage: [number, number];
  vaults: Array<{ size: number; dir: string; megabytes: number; reused: boolean /** Wall time of this size's runs, s. */; seconds?: number }>;
  /** Median `cairn --help` and `node -e 0` (its floor), ms. */
  help?: { helpMs: number; nodeMs: number };
}

const na = 'n/a';
const ms = (v?: number) => (v === undefined || Number.isNaN(v) ? na : v < 10 ? v.toFixed(2) : v.toFixed(0));
const secs = (v?: number) => (v === undefined ? na : (v / 1000).toFixed(2));
const mb = (v?: number) => (v === undefined ? na : v.toFixed(0));
const pct = (p?: Percentiles) => (p ? `${ms(p.p50)} / ${ms(p.p95)} / ${ms(p.p99)}` : na);

export function renderReport(info: RunInfo, results: SizeResults[], checks: TargetCheck[]): string {
  const out = [
    `Run ${info.date} — ${info.machine}, Node ${info.node}, seed ${info.seed}, load average ${info.loadAverage[0].toFixed(1)} → ${info.loadAverage[1].toFixed(1)}`,
    '',
  ];
  if (info.help) out.push(`\`cairn --help\`: ${secs(info.help.helpMs)} s (floor, \`node -e 0\`: ${secs(info.help.nodeMs)} s); medians of 5 runs.`, '');
  for (const r of results) out.push(...sizeTable(r, info), '');
  if (checks.length) out.push(...targetTable(checks), '');
  for (const r of results) out.push(...queryTable(r), '');
  return out.join('\n');
}

function sizeTable({ size, runs, serve }: SizeResults, info: RunInfo): string[] {
  const vault = info.vaults.find((v) => v.size === size);
  const engines = ENGINE_NAMES.filter((e) => runs[e]);
  const row = (label: string, cell: (cold?: ChildResult, warm?: ChildResult) => string) =>
    `| ${label} | ${engines.map((e) => cell(runs[e]?.cold, runs[e]?.warm)).join(' | ')} |`;
  return [
    `### ${size.toLocaleString('en')} notes (${vault ? vault.megabytes.toFixed(0) : '?'} MB of markdown${vault?.seconds ? `; measured in ${(vault.seconds / 60).toFixed(1)} min` : ''})`,
    '',
    `| | ${engines.map(engineTitle).join(' | ')} |`,
    `|---|${engines.map(() => '---:').join('|')}|`,
    // The floor's one figure (read + gray-matter of every note) stands beside each start.
    row('cold: note list usable, in process (s)', (c) => secs(c?.listMs ?? (c?.engine === 'floor' ? c.startMs : undefined))),
    row('cold: full index + link graph + first answer (s)', (c) => secs(c?.startMs)),
    row('warm: note list usable, in process (s)', (c, w) => secs(w?.listMs ?? (c?.engine === 'floor' ? c.startMs : undefined))),
    row('warm: open + first answer, from the persisted index (s)', (c, w) => secs(w?.startMs ?? (c?.engine === 'floor' ? c.startMs : undefined))),
    row('`cairn serve` cold: launch → list / first answer (s)', (c) =>
      c?.engine === 'cairn' && serve?.cold ? `${secs(serve.cold.listMs)} / ${secs(serve.cold.firstAnswerMs)}` : c?.engine === 'floor' ? secs(c.startMs) : na,
    ),
    row(`\`cairn serve\` warm: launch → list / first answer, median of ${serve?.warm?.launches?.firstAnswerMs.length ?? 1} launches (s)`, (c) =>
      c?.engine === 'cairn' && serve?.warm ? `${secs(serve.warm.listMs)} / ${secs(serve.warm.firstAnswerMs)}` : c?.engine === 'floor' ? secs(c.startMs) : na,
    ),
    row('`cairn serve` warm: each launch → first answer, in order (s)', (c) =>
      c?.engine === 'cairn' && serve?.warm?.launches ? serve.warm.launches.firstAnswerMs.map(secs).join(', ') : na,
    ),
    row('`cairn serve` RSS after 20 searches, once the start is over, cold / warm (MB)', (c) =>
      c?.engine === 'cairn' && serve ? `${mb(serve.cold?.rssMB)} / ${mb(serve.warm?.rssMB)}` : c?.engine === 'floor' ? mb(c.memoryAfterStart.rssMB) : na,
    ),
    row('`cairn serve` RSS, most read during the start (after the searches, once watching), cold / warm (MB)', (c) =>
      c?.engine === 'cairn' && serve ? `${mb(serve.cold?.peakMB)} / ${mb(serve.warm?.peakMB)}` : na,
    ),
    row('persisted index: size (MB) / write (s)', (c) => (c?.cacheBytes === undefined ? na : `${mb(c.cacheBytes / 1048576)} / ${secs(c.cacheWriteMs)}`)),
    row('RSS / heap used after cold index, GC (MB)', (c) => (c ? `${mb(c.memoryAfterStart.rssMB)} / ${mb(c.memoryAfterStart.heapUsedMB)}` : na)),
    row('RSS / heap used at the end, GC (MB)', (c) => (c?.memoryAtEnd ? `${mb(c.memoryAtEnd.rssMB)} / ${mb(c.memoryAtEnd.heapUsedMB)}` : na)),
    row('RSS after warm start, GC (MB)', (_c, w) => mb(w?.memoryAfterStart.rssMB)),
    row('search p50 / p95 / p99 (ms)', (c) => pct(c?.search)),
    row('search: the exact count, asked after the page, p50 / p95 / p99 (ms)', (c) => pct(c?.searchCount)),
    row('quick switch p50 / p95 / p99 (ms)', (c) => pct(c?.quickSwitch)),
    row('`cairn serve` warm: search through the host, p50 / p95 (ms)', (c) => {
      const s = c?.engine === 'cairn' ? serve?.warm?.search : undefined;
      return s ? `${ms(s.p50)} / ${ms(s.p95)}` : na;
    }),
    row('`cairn serve` warm: edit on disk → backlink listed, p50 / p95 (ms)', (c) => {
      const eb = c?.engine === 'cairn' ? serve?.warm?.editBacklink : undefined;
      return eb ? `${ms(eb.p50)} / ${ms(eb.p95)}${eb.missed ? ` (${eb.missed} missed)` : ''}` : na;
    }),
    row('edit → backlink in the note view p50 / p95 (ms)', (c) =>
      c?.editBacklink ? `${ms(c.editBacklink.p50)} / ${ms(c.editBacklink.p95)}${c.editBacklink.missed ? ` (${c.editBacklink.missed} missed)` : ''}` : na,
    ),
    row('incremental update p50 / p95 (ms)', (c) =>
      c?.update ? `${ms(c.update.p50)} / ${ms(c.update.p95)}${c.update.missed ? ` (${c.update.missed} missed)` : ''}` : na,
    ),
    row('warm answers ≠ cold answers', (_c, w) => (w?.answersDiffering === undefined ? na : String(w.answersDiffering))),
  ];
}

function engineTitle(e: EngineName): string {
  return { floor: 'floor (read + gray-matter)', cairn: 'Cairn', minisearch: 'MiniSearch (Omnisearch config)', flexsearch: 'FlexSearch (defaults)' }[e];
}

function targetTable(checks: TargetCheck[]): string[] {
  return [
    '| notes | target | Cairn | floor, same run | met |',
    '|---:|---|---:|---:|:---:|',
    ...checks.map(
      (c) =>
        `| ${c.size ? c.size.toLocaleString('en') : 'any'} | ${c.target} | ${c.value} | ${c.floor} | ${c.met === null ? na : c.met ? '✅ met' : '❌ missed'} |`,
    ),
  ];
}

/** Each query's hits and median, one column per engine that answered queries. */
function queryTable({ size, runs }: SizeResults): string[] {
  const engines = ENGINE_NAMES.filter((e) => runs[e]?.cold?.searchByQuery);
  if (!engines.length) return [];
  const first = runs[engines[0]]!.cold!.searchByQuery!;
  const switchRows = ENGINE_NAMES.map((e) => runs[e]?.cold?.quickSwitchByQuery).find(Boolean) ?? [];
  const cell = (q?: QueryStats) => (q ? `${q.hits} / ${ms(q.p50)}` : na);
  const rows = (kind: string, list: QueryStats[], of: (e: EngineName) => QueryStats[] | undefined) =>
    list.map((q, i) => `| ${kind}: ${q.label} | \`${q.query}\` | ${engines.map((e) => cell(of(e)?.[i])).join(' | ')} |`);
  return [
    `Queries at ${size.toLocaleString('en')} notes — hits (Cairn: a page of at most ${SEARCH_PAGE} for search, 20 for the switcher; the others: 20) / p50 ms:`,
    '',
    `| query | text | ${engines.map(engineTitle).join(' | ')} |`,
    `|---|---|${engines.map(() => '---:').join('|')}|`,
    ...rows('search', first, (e) => runs[e]?.cold?.searchByQuery),
    ...rows('switch', switchRows, (e) => runs[e]?.cold?.quickSwitchByQuery),
  ];
}
