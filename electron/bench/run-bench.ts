// `npm run bench`: Cairn against MiniSearch (as Omnisearch configures it), FlexSearch with its
// defaults and the floor (read + gray-matter), on the same synthetic vault, each engine and size
// in a child process.
//   npm run bench -- --sizes 1000,10000,50000   (or BENCH_SIZES=…; default 1000,10000)
//   --seed N (BENCH_SEED, default 42)  --engines cairn,minisearch,flexsearch,floor  --out DIR (default out/bench)
//   BENCH_CPU_PROF=1 writes a .cpuprofile per child into DIR/profiles.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { ChildJob, ChildResult } from './child-job.ts';
import { createEngine } from './engines/create-engine.ts';
import { readIntoPageCache } from './page-cache.ts';
import { ENGINE_NAMES, type EngineName } from './engines/engine.ts';
import { ensureSyntheticVault } from './generate-vault.ts';
import { loadAverage, percentiles } from './measure.ts';
import { queryMix } from './query-mix.ts';
import { renderReport, type RunInfo } from './report.ts';
import { checkTargets, type SizeResults } from './targets.ts';
import { loadVocabulary } from './vocabulary.ts';
import { probeHelp, probeLaunch, probeServe, type ProbeEdit, type ServeProbe } from './serve-probe.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CHILD = path.join(ROOT, 'electron/bench/engine-child.ts');
/** Notes rewritten, one at a time, to time incremental updates. */
const UPDATES = 20;
const CHILD_TIMEOUT_MS = 30 * 60_000;
/** How many times a warm `cairn serve` launch is timed: one launch varies by ±0.1 s at 10k notes
 *  on this machine, as much as the first answer's margin, so the figure is the median. The cold
 *  launch is timed once (it writes the cache the warm ones read, and takes 8 s at 10k, 40 at 50k). */
const WARM_LAUNCHES = 3;

const { values: args } = parseArgs({
  options: { sizes: { type: 'string' }, seed: { type: 'string' }, engines: { type: 'string' }, out: { type: 'string' } },
});
const sizes = (args.sizes ?? process.env.BENCH_SIZES ?? '1000,10000').split(',').map(Number);
const seed = Number(args.seed ?? process.env.BENCH_SEED ?? 42);
const engines = (args.engines?.split(',') ?? ENGINE_NAMES) as EngineName[];
const outDir = path.resolve(args.out ?? path.join(ROOT, 'out/bench'));
const workDir = path.join(os.tmpdir(), 'cairn-bench');
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || engines.some((e) => !ENGINE_NAMES.includes(e))) {
  console.error(`usage: npm run bench -- [--sizes 1000,10000] [--seed 42] [--engines ${ENGINE_NAMES.join(',')}] [--out DIR]`);
  process.exit(1);
}

await mkdir(workDir, { recursive: true });
await mkdir(outDir, { recursive: true });
const loadBefore = loadAverage();
const vocab = await loadVocabulary(path.join(ROOT, 'notes'));
const info: RunInfo = {
  date: new Date().toISOString().slice(0, 16).replace('T', ' '),
  machine: `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB`,
  node: process.version,
  seed,
  loadAverage: [loadBefore, 0],
  vaults: [],
};
const results: SizeResults[] = [];

for (const size of sizes) {
  const started = performance.now();
  const vault = await ensureSyntheticVault({ size, seed, vocab, baseDir: workDir });
  console.error(
    `${size} notes: ${vault.reused ? 'reusing' : 'generated'} ${vault.dir} (${(vault.bytes / 1048576).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  info.vaults.push({ size, dir: vault.dir, megabytes: vault.bytes / 1048576, reused: vault.reused });
  const mix = queryMix(vault.plan);
  const step = Math.max(1, Math.floor(size / UPDATES));
  const updates = vault.plan.notes
    .filter((_, i) => i % step === 7 % step)
    .slice(0, UPDATES)
    .map((n) => ({ id: n.id, abs: path.join(vault.dir, n.id) }));
  // Each edit links a note to one far from it (by title, as a user types a wikilink).
  const edits = vault.plan.notes
    .filter((_, i) => i % step === 3 % step)
    .slice(0, UPDATES)
    .map((n, k) => {
      const target = vault.plan.notes[(vault.plan.notes.indexOf(n) + Math.floor(size / 2) + k) % size];
      return { source: n.id, abs: path.join(vault.dir, n.id), target: target.id, title: target.title };
    })
    .filter((e) => e.source !== e.target);
  const entry: SizeResults = { size, runs: {} };
  for (const engine of engines) {
    const cacheDir = await mkdtemp(path.join(workDir, `cache-${engine}-`));
    const job = { engine, size, vaultDir: vault.dir, cacheDir, ...mix, updates, edits, latencyBudgetMs: 8000 };
    await readIntoPageCache(vault.dir);
    const cold = await runChild({ ...job, phase: 'cold', outFile: path.join(cacheDir, '..', `result-${engine}-${size}-cold.json`) });
    const warm =
      cold && createEngine(engine).warmStart
        ? await runChild({ ...job, phase: 'warm', coldAnswers: cold.answers, outFile: path.join(cacheDir, '..', `result-${engine}-${size}-warm.json`) })
        : undefined;
    entry.runs[engine] = { cold, warm };
    await rm(cacheDir, { recursive: true, force: true });
  }
  if (engines.includes('cairn')) {
    await readIntoPageCache(vault.dir);
    entry.serve = await serveRuns(
      vault.dir,
      mix.search.map((q) => q.query),
      size,
      edits.slice(0, 10),
    );
  }
  results.push(entry);
  info.vaults[info.vaults.length - 1].seconds = (performance.now() - started) / 1000;
  console.error(`${size} notes measured in ${((performance.now() - started) / 60_000).toFixed(1)} min`);
}
info.help = await probeHelp(ROOT);

info.loadAverage[1] = loadAverage();
const checks = checkTargets(results, info.help);
const report = renderReport(info, results, checks);
await writeFile(path.join(outDir, 'latest.md'), report);
await writeFile(path.join(outDir, 'latest.json'), JSON.stringify({ info, results: results.map(withoutAnswers), checks }, null, 2));
console.log(report);
console.error(`written: ${path.join(outDir, 'latest.md')} and latest.json`);

function withoutAnswers(r: SizeResults): SizeResults {
  const runs = Object.fromEntries(Object.entries(r.runs).map(([e, { cold, warm }]) => [e, { cold: cold && { ...cold, answers: undefined }, warm }]));
  return { size: r.size, runs, serve: r.serve };
}

/** Runs one child with --expose-gc; its result, or undefined (reported) when it fails. */
async function runChild(job: ChildJob): Promise<ChildResult | undefined> {
  const jobFile = job.outFile.replace(/\.json$/, '.job.json');
  await writeFile(jobFile, JSON.stringify(job));
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(outDir, 'profiles')}`, `--cpu-prof-name=${job.engine}-${job.size}-${job.phase}.cpuprofile`]
    : [];
  const child = spawn(process.execPath, ['--expose-gc', '--max-old-space-size=16384', ...profile, '--import', 'tsx', CHILD, jobFile], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(timer);
  try {
    if (code !== 0) throw new Error(`exit code ${code}`);
    return JSON.parse(await readFile(job.outFile, 'utf8')) as ChildResult;
  } catch (err) {
    console.error(`  ${job.engine} ${job.size} ${job.phase} failed: ${(err as Error).message}`);
    return undefined;
  } finally {
    await rm(jobFile, { force: true });
    await rm(job.outFile, { force: true });
  }
}

/** `cairn serve` on the vault on one data folder: cold (no index cache), then warm (from the cache
 *  the first run wrote): WARM_LAUNCHES - 1 launches timed alone, then one probed in full. */
async function serveRuns(vaultDir: string, queries: string[], size: number, edits: ProbeEdit[]): Promise<{ cold?: ServeProbe; warm?: ServeProbe }> {
  const dataDir = await mkdtemp(path.join(workDir, 'serve-data-'));
  const out: { cold?: ServeProbe; warm?: ServeProbe } = {};
  try {
    out.cold = await probeServe({ root: ROOT, vaultDir, dataDir, queries, waitForCache: true });
    console.error(
      `  [serve ${size} cold] list ${(out.cold.listMs / 1000).toFixed(2)} s, first answer ${(out.cold.firstAnswerMs / 1000).toFixed(2)} s, RSS ${out.cold.rssMB.toFixed(0)} MB (${out.cold.peakMB.toFixed(0)} MB at most during the start)`,
    );
    const launches: Array<{ listMs: number; firstAnswerMs: number }> = [];
    for (let i = 1; i < WARM_LAUNCHES; i++) launches.push(await probeLaunch({ root: ROOT, vaultDir, dataDir, queries }));
    const full = await probeServe({ root: ROOT, vaultDir, dataDir, queries, edits });
    launches.push(full);
    const listMs = launches.map((l) => l.listMs);
    const firstAnswerMs = launches.map((l) => l.firstAnswerMs);
    out.warm = { ...full, listMs: percentiles(listMs).p50, firstAnswerMs: percentiles(firstAnswerMs).p50, launches: { listMs, firstAnswerMs } };
    const eb = out.warm.editBacklink;
    const each = (ms: number[]) => ms.map((m) => (m / 1000).toFixed(2)).join(', ');
    console.error(
      `  [serve ${size} warm] list ${(out.warm.listMs / 1000).toFixed(2)} s (${each(listMs)}), first answer ${(out.warm.firstAnswerMs / 1000).toFixed(2)} s (${each(firstAnswerMs)}), RSS ${out.warm.rssMB.toFixed(0)} MB (${out.warm.peakMB.toFixed(0)} at most), ${out.warm.fromCache} from cache${eb ? `, edit → backlink p50 ${eb.p50.toFixed(0)} / p95 ${eb.p95.toFixed(0)} ms` : ''}${out.warm.search ? `, search p50 ${out.warm.search.p50.toFixed(2)} / p95 ${out.warm.search.p95.toFixed(2)} ms` : ''}`,
    );
  } catch (err) {
    console.error(`  serve ${size} failed: ${(err as Error).message}`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  return out;
}
