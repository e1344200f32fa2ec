// One engine, one vault size, one phase, in a process of its own (started by run-bench.ts with
// --expose-gc), so that its memory figures are its own and not the runner's or another engine's.
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import type { ChildJob, ChildResult, QueryStats } from './child-job.ts';
import { createEngine } from './engines/create-engine.ts';
import type { BenchEngine } from './engines/engine.ts';
import { folderBytes } from './fs-size.ts';
import { loadAverage, memoryAfterGc, percentiles, timed } from './measure.ts';
import type { LabelledQuery } from './query-mix.ts';

const job = JSON.parse(await readFile(process.argv[2], 'utf8')) as ChildJob;
const began = performance.now();
const engine = createEngine(job.engine);
const loadAtStart = loadAverage();
const log = (msg: string) => process.stderr.write(`  [${job.engine} ${job.size} ${job.phase}] ${msg}\n`);

// A start ends with the first search answered: an index that defers work (merges, lazy
// structures) pays it there, and that is when a user has an answer.
const start = await timed(async () => {
  const times = job.phase === 'cold' ? await engine.coldIndex(job.vaultDir, job.cacheDir) : await engine.warmStart!(job.vaultDir, job.cacheDir);
  const openMs = performance.now() - began;
  engine.search?.(job.search[0].query);
  return { ...(times || {}), openMs };
});
log(`${job.phase} start ${(start.ms / 1000).toFixed(2)} s (list ${((start.value.listMs ?? NaN) / 1000).toFixed(2)} s)`);
await engine.settled?.();
const result: ChildResult = {
  engine: job.engine,
  phase: job.phase,
  size: job.size,
  startMs: start.ms,
  listMs: start.value.listMs,
  openMs: start.value.openMs,
  memoryAfterStart: await memoryAfterGc(),
  loadAverage: [loadAtStart, 0],
};

if (job.phase === 'cold') {
  if (engine.search) {
    const s = latencies(engine.search, job.search, job.latencyBudgetMs);
    Object.assign(result, { search: s.all, searchByQuery: s.byQuery, answers: s.answers });
    log(`search p95 ${s.all.p95.toFixed(2)} ms`);
  }
  if (engine.count) {
    const count = engine.count.bind(engine);
    result.searchCount = latencies((q) => [String(count(q))], job.search, job.latencyBudgetMs).all;
  }
  if (engine.quickSwitch) {
    const s = latencies(engine.quickSwitch, job.quickSwitch, job.latencyBudgetMs);
    Object.assign(result, { quickSwitch: s.all, quickSwitchByQuery: s.byQuery });
  }
  // Saved before the edits below: the warm phase must answer as this cold index did.
  if (engine.saveCache) {
    result.cacheWriteMs = (await timed(() => engine.saveCache!())).ms;
    result.cacheBytes = await folderBytes(job.cacheDir);
  }
  if (engine.fileChanged && engine.search) result.update = await incrementalUpdates(engine, job.updates);
  if (engine.editShowsBacklink) result.editBacklink = await editsToBacklinks(engine, job.edits);
  else if (engine.fileChanged && !engine.search) result.editBacklink = await floorEdits(engine, job.edits);
  result.memoryAtEnd = await memoryAfterGc();
} else if (engine.search && job.coldAnswers) {
  result.answersDiffering = job.search.filter((q, i) => JSON.stringify(engine.search!(q.query)) !== JSON.stringify(job.coldAnswers![i])).length;
}
result.loadAverage[1] = loadAverage();
await writeFile(job.outFile, JSON.stringify(result));

/** Every query once to warm up, then rounds of the whole mix until the budget is spent (5 to 30). */
function latencies(run: (q: string) => string[], queries: LabelledQuery[], budgetMs: number) {
  const answers = queries.map((q) => run(q.query));
  const samples: number[][] = queries.map(() => []);
  const began = performance.now();
  for (let round = 0; round < 30 && (round < 5 || performance.now() - began < budgetMs); round++) {
    queries.forEach((q, i) => {
      const t = performance.now();
      run(q.query);
      samples[i].push(performance.now() - t);
    });
  }
  const byQuery: QueryStats[] = queries.map((q, i) => ({ ...q, hits: answers[i].length, p50: percentiles(samples[i]).p50 }));
  return { all: percentiles(samples.flat()), byQuery, answers };
}

/** Appends a new word to a note, times the handler until a search finds it, then puts the note back. */
async function incrementalUpdates(e: BenchEngine, updates: ChildJob['updates']) {
  const times: number[] = [];
  let missed = 0;
  for (const [k, { id, abs }] of updates.entries()) {
    const original = await readFile(abs);
    const { atimeMs, mtimeMs } = await stat(abs);
    const word = `zqupdate${k}x${job.size}`;
    try {
      await writeFile(abs, Buffer.concat([original, Buffer.from(`\n\n${word} 인스턴스를 새로 추가했다.\n`)]));
      const t = performance.now();
      await e.fileChanged!(abs);
      const found = e.search!(word).includes(id);
      times.push(performance.now() - t);
      if (!found) missed++;
    } finally {
      // The generated vault is reused by later runs: it must stay as generated.
      // The generated vault is reused by later runs and by the warm phase: content and mtime back.
      await writeFile(abs, original);
      await utimes(abs, atimeMs / 1000, mtimeMs / 1000);
    }
    await e.fileChanged!(abs);
  }
  return { ...percentiles(times), missed };
}

/** Appends a link to a note, times the watcher's handler and the target's note view until it lists
 *  the backlink, then puts the note back. */
async function editsToBacklinks(e: BenchEngine, edits: ChildJob['edits']) {
  const times: number[] = [];
  let missed = 0;
  for (const { source, abs, target, title } of edits) {
    const original = await readFile(abs);
    const { atimeMs, mtimeMs } = await stat(abs);
    try {
      await writeFile(abs, Buffer.concat([original, Buffer.from(`\n\n새 링크: [[${title}]]\n`)]));
      const t = performance.now();
      const shown = await e.editShowsBacklink!(abs, source, target);
      times.push(performance.now() - t);
      if (!shown) missed++;
    } finally {
      // The generated vault is reused by later runs and by the warm phase: content and mtime back.
      await writeFile(abs, original);
      await utimes(abs, atimeMs / 1000, mtimeMs / 1000);
    }
    await e.fileChanged!(abs);
  }
  return { ...percentiles(times), missed };
}

/** The floor of an edit: read the edited note and parse its frontmatter. */
async function floorEdits(e: BenchEngine, edits: ChildJob['edits']) {
  const times: number[] = [];
  for (const { abs } of edits) times.push((await timed(() => e.fileChanged!(abs))).ms);
  return { ...percentiles(times), missed: 0 };
}
