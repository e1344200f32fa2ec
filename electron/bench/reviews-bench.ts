// `npm run bench:reviews`: what a review and a deck view cost as the review log grows
// (1k, 10k, 50k lines by default; `-- --lines 1000,200000` for others). A synthetic vault of
// 500 notes × 4 `Q::A` cards, a log of N reviews spread over 200 days, then through the same
// CardsService the app uses: the first deck view (reads the whole log), later deck views and
// reviews (each appends one fsync'd line and reads only that), and, for comparison, a full
// re-read and replay of the log (what every call cost before the incremental reader).
// Separate from run-bench.ts (the search benchmark) on purpose: it needs no child processes.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Vault } from '../domain/vault/vault.ts';
import { ReviewStore } from '../domain/reviews/review-store.ts';
import { readLogDir, nodeLogFs } from '../domain/reviews/review-log-file.ts';
import { replayReviews } from '../domain/reviews/replay.ts';
import { CardsService } from '../services/cards-service.ts';

const NOTES = 500;
const args = process.argv.slice(2);
const linesArg = args[args.indexOf('--lines') + 1];
const SIZES = args.includes('--lines') && linesArg ? linesArg.split(',').map(Number) : [1000, 10_000, 50_000];

async function makeVault(dir: string): Promise<void> {
  await mkdir(path.join(dir, 'deck'), { recursive: true });
  for (let n = 0; n < NOTES; n++) {
    const cards = Array.from({ length: 4 }, (_, k) => `Question ${n}.${k} about topic ${n % 37}::Answer ${n}.${k}`).join('\n');
    await writeFile(path.join(dir, 'deck', `note-${n}.md`), `---\ntags: [bench/t${n % 10}]\n---\n# Note ${n}\n\n${cards}\n`);
  }
}

async function writeLog(dir: string, cardIds: Array<{ id: string; noteId: string }>, lines: number): Promise<void> {
  const logDir = path.join(dir, '.cairn', 'reviews');
  await mkdir(logDir, { recursive: true });
  const start = Date.now() - 200 * 86_400_000;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const card = cardIds[(i * 7919) % cardIds.length];
    const at = new Date(start + Math.floor((i / lines) * 199 * 86_400_000)).toISOString();
    out.push(JSON.stringify({ v: 1, type: 'review', id: `bench-${i}`, at, device: 'bench', cardId: card.id, noteId: card.noteId, rating: 1 + ((i * 31) % 4) }));
  }
  await writeFile(path.join(logDir, 'bench.jsonl'), out.join('\n') + '\n');
}

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

async function measure(lines: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-bench-reviews-'));
  try {
    await makeVault(dir);
    const vault = await Vault.open(dir);
    const probe = new CardsService(vault, ReviewStore.open({ vaultRoot: dir, device: 'probe', fallbackDir: path.join(dir, 'data') }));
    await writeLog(dir, probe.cards(), lines);
    const store = ReviewStore.open({ vaultRoot: dir, device: 'bench-device', fallbackDir: path.join(dir, 'data') });
    const service = new CardsService(vault, store);
    let t0 = performance.now();
    await service.decks();
    const firstDecks = ms(t0);
    const decks: number[] = [];
    const reviews: number[] = [];
    const cards = service.cards();
    for (let i = 0; i < 30; i++) {
      t0 = performance.now();
      await service.review(cards[i].id, 3);
      reviews.push(ms(t0));
      t0 = performance.now();
      await service.decks();
      decks.push(ms(t0));
    }
    t0 = performance.now();
    const { entries } = await readLogDir(nodeLogFs, path.dirname(path.dirname(store.vaultLogDir)), store.vaultLogDir);
    replayReviews(cards, entries, new Date());
    const full = ms(t0);
    return { lines, cards: cards.length, firstDecks, deck: median(decks), review: median(reviews), full };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const rows = [];
for (const n of SIZES) rows.push(await measure(n));
const load = os.loadavg()[0].toFixed(1);
console.log(
  `Review log benchmark — ${new Date().toISOString().slice(0, 16)} — ${os.cpus().length} cores, Node ${process.version}, load ${load}; ${rows[0]?.cards ?? 0} cards`,
);
console.log('');
console.log('| log lines | first deck view (ms) | deck view p50 (ms) | review p50 (ms, incl. fsync) | full re-read + replay (ms) |');
console.log('|---:|---:|---:|---:|---:|');
for (const r of rows) console.log(`| ${r.lines.toLocaleString('en')} | ${fmt(r.firstDecks)} | ${fmt(r.deck)} | ${fmt(r.review)} | ${fmt(r.full)} |`);
