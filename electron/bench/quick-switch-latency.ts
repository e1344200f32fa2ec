// Quick switcher alone, without writing a vault: the names of the bench's synthetic vault
// (vault-plan.ts) go into a QuickSwitchIndex, then the bench's quick-switch queries and the
// issue's own (multi-word, 초성, unfinished syllable, typos) are timed. Faster to run than
// `npm run bench` when only the switcher changed:
//   npx tsx electron/bench/quick-switch-latency.ts [--sizes 10000,50000]
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getChoseong } from 'es-hangul';
import { QuickSwitchIndex } from '../domain/search/quick-switch.ts';
import { percentiles } from './measure.ts';
import { queryMix } from './query-mix.ts';
import { planVault } from './vault-plan.ts';
import { loadVocabulary } from './vocabulary.ts';

const { values: args } = parseArgs({ options: { sizes: { type: 'string' }, seed: { type: 'string' } } });
const sizes = (args.sizes ?? '10000,50000').split(',').map(Number);
const seed = Number(args.seed ?? 42);
const vocab = await loadVocabulary(path.join(import.meta.dirname, '../../notes'));
const ROUNDS = 40;

console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores`,
);
for (const size of sizes) {
  const plan = planVault(size, seed, vocab);
  const idx = new QuickSwitchIndex();
  let t = performance.now();
  for (const n of plan.notes)
    idx.put({ id: n.id, title: n.title, aliases: n.aliases, subtitle: null, headings: [{ level: 1, text: n.headings[0] ?? n.title, line: 1 }] });
  const buildMs = performance.now() - t;
  const snap = idx.snapshot();
  t = performance.now();
  new QuickSwitchIndex().restore(structuredClone(snap), () => true);
  const restoreMs = performance.now() - t;
  const some = plan.notes[Math.floor(size / 3)];
  const korean = plan.notes.find((n) => /[가-힣]{3}/.test(n.title))?.title ?? '세이지메이커';
  const queries = [
    ...queryMix(plan).quickSwitch.map((q) => q.query),
    some.title.split('-').reverse().join(' '),
    korean.slice(0, -1) + getChoseong(korean.slice(-1)), // the last syllable half-typed
    korean.replace(/[-\s]+/g, ' '),
    some.title.replace(/-/g, ' ').replace(/(\w)(\w)/, '$2$1'),
    'ㅅㅇㅈㅁㅇㅋ',
    's',
    'savigns plan',
  ];
  const samples: number[] = [];
  // CPU time of the query (getrusage), besides wall time: on a machine shared by other work,
  // wall time also counts the time the process waited for a core.
  const cpu: number[] = [];
  const byQuery = new Map<string, number[]>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const q of queries) {
      const c = process.cpuUsage();
      const s = performance.now();
      idx.search(q, 20);
      const ms = performance.now() - s;
      const used = process.cpuUsage(c);
      if (r > 0) {
        samples.push(ms); // the first round warms the JIT up
        cpu.push((used.user + used.system) / 1000);
      }
      if (r > 0) byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
    }
  }
  const p = percentiles(samples);
  const pc = percentiles(cpu);
  console.log(
    `${size} notes: build ${buildMs.toFixed(0)} ms, restore ${restoreMs.toFixed(0)} ms, search p50 ${p.p50.toFixed(2)} / p95 ${p.p95.toFixed(2)} / p99 ${p.p99.toFixed(2)} ms (n=${p.n}); CPU time p50 ${pc.p50.toFixed(2)} / p95 ${pc.p95.toFixed(2)} / p99 ${pc.p99.toFixed(2)} ms`,
  );
  for (const [q, ms] of byQuery) {
    const s = percentiles(ms);
    console.log(`  ${JSON.stringify(q)}: p50 ${s.p50.toFixed(2)} / p95 ${s.p95.toFixed(2)} ms, ${idx.search(q, 20).length} hits`);
  }
}
console.log(
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
