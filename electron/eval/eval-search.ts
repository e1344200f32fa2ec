// `npm run eval:search`: the graded query set (queries.ts) over notes/ and e2e/search-vault/,
// for Cairn and, in the same run, MiniSearch configured as Obsidian Omnisearch configures it by
// default (electron/bench/engines/minisearch-engine.ts). Prints MRR, P@1, primary@5 and
// empty-correct per engine and language (README.md "Search quality").
// `--verbose` lists each query's rank per engine.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minisearchEngine } from '../bench/engines/minisearch-engine.ts';
import { Vault } from '../domain/vault/vault.ts';
import { QUERIES, type EvalQuery } from './queries.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VAULTS = { notes: path.join(ROOT, 'notes'), 'search-vault': path.join(ROOT, 'e2e/search-vault') } as const;
const TOP = 20;

interface Engine {
  search(q: string): string[];
  quickSwitch(q: string): string[];
}

async function cairn(dir: string): Promise<Engine> {
  const vault = await Vault.open(dir);
  return {
    search: (q) => vault.search.search(q, TOP).map((h) => h.id),
    quickSwitch: (q) => vault.switcher.search(q, TOP).map((h) => h.id),
  };
}

async function omnisearch(dir: string): Promise<Engine> {
  const engine = minisearchEngine();
  const cache = await mkdtemp(path.join(os.tmpdir(), 'cairn-eval-'));
  try {
    await engine.coldIndex(dir, cache);
  } finally {
    await rm(cache, { recursive: true, force: true });
  }
  return { search: (q) => engine.search!(q).slice(0, TOP), quickSwitch: (q) => engine.quickSwitch!(q).slice(0, TOP) };
}

interface Scores {
  answerable: number;
  rr: number;
  p1: number;
  primary5: number;
  unanswerable: number;
  emptyCorrect: number;
}

const empty = (): Scores => ({ answerable: 0, rr: 0, p1: 0, primary5: 0, unanswerable: 0, emptyCorrect: 0 });

function score(s: Scores, [, , kind, , relevant]: EvalQuery, got: string[]): number {
  if (relevant.length === 0) {
    s.unanswerable++;
    if (got.length === 0) s.emptyCorrect++;
    return got.length === 0 ? 1 : 0;
  }
  s.answerable++;
  const rank = got.findIndex((id) => relevant.includes(id)) + 1;
  if (rank > 0) s.rr += 1 / rank;
  if (rank === 1) s.p1++;
  if (got.slice(0, 5).includes(relevant[0])) s.primary5++;
  void kind;
  return rank;
}

const fmt = (n: number) => n.toFixed(3);

async function main(): Promise<void> {
  const verbose = process.argv.includes('--verbose');
  const engines: Record<string, Record<string, Engine>> = { Cairn: {}, 'Omnisearch (MiniSearch)': {} };
  for (const [name, dir] of Object.entries(VAULTS)) {
    engines.Cairn[name] = await cairn(dir);
    engines['Omnisearch (MiniSearch)'][name] = await omnisearch(dir);
  }
  const table: string[] = ['| engine | language | queries | MRR | P@1 | primary@5 | empty-correct |', '|---|---|---:|---:|---:|---:|---:|'];
  const mrr: Record<string, Record<string, number>> = {};
  for (const [engineName, byVault] of Object.entries(engines)) {
    mrr[engineName] = {};
    for (const lang of ['en', 'ko'] as const) {
      const s = empty();
      for (const q of QUERIES.filter((x) => x[1] === lang)) {
        const [vault, , kind, text] = q;
        const e = byVault[vault];
        const got = kind === 'chosung' ? e.quickSwitch(text) : e.search(text);
        const r = score(s, q, got);
        if (verbose) console.log(`${engineName.padEnd(24)} ${lang} ${kind.padEnd(12)} ${String(r).padStart(2)}  ${text}  → ${got.slice(0, 3).join(', ')}`);
      }
      mrr[engineName][lang] = s.rr / s.answerable;
      table.push(
        `| ${engineName} | ${lang} | ${s.answerable + s.unanswerable} | ${fmt(s.rr / s.answerable)} | ${fmt(s.p1 / s.answerable)} | ${fmt(s.primary5 / s.answerable)} | ${s.emptyCorrect}/${s.unanswerable} |`,
      );
    }
  }
  console.log(`\n${QUERIES.length} queries (notes/ and e2e/search-vault/)\n`);
  console.log(table.join('\n'));
  const [c, o] = [mrr.Cairn, mrr['Omnisearch (MiniSearch)']];
  for (const lang of ['en', 'ko']) {
    const met = c[lang] >= 0.92 && c[lang] >= o[lang] + 0.05;
    console.log(`${lang}: Cairn MRR ${fmt(c[lang])} (target ≥ 0.92 and ≥ ${fmt(o[lang] + 0.05)}): ${met ? 'met' : 'missed'}`);
  }
}

await main();
