// The global graph at 10k notes, measured as a user meets it: `cairn serve` on the synthetic
// vault, Debian's Chromium on #/graph, then wheel zooms and drags while the page records every
// requestAnimationFrame time. Prints frame intervals (median, p95, max, frames over 33 ms) for
// the whole-vault view and zoomed in; a measurement, asserting nothing.
//   node electron/build.mjs && npx tsx electron/bench/graph-frames.ts [--size 10000] [--seed 42]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { findChromium } from '../../e2e/find-chromium.ts';
import { ensureSyntheticVault } from './generate-vault.ts';
import { servedUrl } from './serve-probe.ts';
import { loadVocabulary } from './vocabulary.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({ options: { size: { type: 'string' }, seed: { type: 'string' } } });
const size = Number(args.size ?? 10_000);
const seed = Number(args.seed ?? 42);
const drawTimes: number[][] = [];

const vault = await ensureSyntheticVault({ size, seed, vocab: await loadVocabulary(path.join(ROOT, 'notes')), baseDir: path.join(os.tmpdir(), 'cairn-bench') });
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-graph-bench-'));
const child = spawn(process.execPath, [path.join(ROOT, 'electron/bin/cairn.mjs'), 'serve', '--vault', vault.dir, '--port', '0'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, CAIRN_DATA_DIR: dataDir },
});
const browser = await chromium.launch({ executablePath: findChromium()?.path ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const url = await servedUrl(child);
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(url);
  const t0 = performance.now();
  await page.goto(new URL('#/graph', url).href.replace(/\?.*#/, '#'));
  const status = page.getByRole('region', { name: 'Graph of all notes' }).getByRole('status');
  const count = size.toLocaleString('en-US');
  await status.filter({ hasText: new RegExp(`^${count} notes`) }).waitFor({ timeout: 10 * 60_000 });
  const shown = (performance.now() - t0) / 1000;
  await status.filter({ hasText: new RegExp(`^${count} notes, [\\d,]+ links$`) }).waitFor({ timeout: 10 * 60_000 });
  console.log(
    `${(await status.textContent())!}: drawn ${shown.toFixed(1)} s after opening #/graph (the vault indexed), laid out at ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const box = (await page.locator('canvas').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  report('whole vault, drag-pan', await frames(page, async () => drag(page, cx, cy)));
  report('whole vault, wheel zoom in and out', await frames(page, async () => wheel(page, [...Array(12).fill(-120), ...Array(12).fill(120)])));
  await wheel(page, Array(14).fill(-120)); // about 8× in: labels come in
  report('zoomed in ×8, drag-pan', await frames(page, async () => drag(page, cx, cy)));
  report(
    'zoomed in ×8, hover across notes',
    await frames(page, async () => {
      for (let i = 0; i < 60; i++) await page.mouse.move(cx - 300 + i * 10, cy + Math.sin(i / 5) * 100);
    }),
  );
  await page.screenshot({ path: path.join(ROOT, 'e2e/artifacts/global-graph-10k-zoomed.png') });
} finally {
  await browser.close();
  child.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}

async function drag(page: Page, x: number, y: number) {
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(x + 200 * Math.sin(i / 10), y + 120 * Math.cos(i / 10));
  await page.mouse.up();
}

async function wheel(page: Page, deltas: number[]) {
  for (const d of deltas) {
    await page.mouse.wheel(0, d);
    await page.waitForTimeout(16);
  }
}

/** rAF timestamps while `act` runs: the intervals between frames, in ms. */
async function frames(page: Page, act: () => Promise<void>): Promise<number[]> {
  // Strings, not functions: tsx's helpers (__name) do not exist in the page.
  await page.evaluate(`(() => {
    performance.clearMeasures('graph-draw');
    window.__frames = [];
    window.__on = true;
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await act();
  const times = (await page.evaluate('(() => { window.__on = false; return window.__frames; })()')) as number[];
  const draws = (await page.evaluate(`performance.getEntriesByName('graph-draw').map((e) => e.duration)`)) as number[];
  drawTimes.push(draws);
  return times.slice(1).map((t, i) => t - times[i]);
}

function report(what: string, gaps: number[]) {
  const draws = drawTimes.pop() ?? [];
  console.log(
    `${what}: ${gaps.length} frames, interval ${stats(gaps)}, ${gaps.filter((g) => g > 33.4).length} over 33 ms; ${draws.length} draws, draw time ${stats(draws)}`,
  );
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]?.toFixed(1);
  return `median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`;
}
