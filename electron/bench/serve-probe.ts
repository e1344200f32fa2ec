// `cairn serve` measured from outside, as a user meets it: the process is started on the vault,
// and the clock runs until the note list answers, then until the first search answers; after
// searching, the process's resident memory as it grows through the start (the file watcher's
// walk, the index cache written) and once the start is over (the index worker lives in the same
// process).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentiles } from './measure.ts';

export interface ServeProbe {
  /** Process start → the note list answered (warm: the median of `launches`). */
  listMs: number;
  /** Process start → the first search answered (warm: the median of `launches`). */
  firstAnswerMs: number;
  /** Warm only: every launch timed, this probe's last (run-bench.ts, WARM_LAUNCHES). */
  launches?: { listMs: number[]; firstAnswerMs: number[] };
  /** Resident memory after `searches` searches, once the start is over (`cairn serve` says
   *  `Indexed …`: the watcher live, the index cache written if it was due, and the worker's one
   *  collection after them, collect-garbage.ts). What the OS sees while the app is used. */
  rssMB: number;
  /** The most read before that: after the searches, and once the watcher is live. */
  peakMB: number;
  searches: number;
  fromCache: number;
  notice: string | null;
  /** Edits on disk → the linked note's view lists the backlink, through the watcher (p50/p95, ms). */
  editBacklink?: { p50: number; p95: number; missed: number };
  /** Searches through the host once the start is over, as the page asks them (HTTP round trip
   *  included; p50/p95 of SERVE_SEARCHES, ms): the index worker's own heap settings count here,
   *  not in the in-process figure. */
  search?: { p50: number; p95: number };
}

/** Searches timed through the host, after the memory is read (they do not change its figures). */
const SERVE_SEARCHES = 200;

/** An edit for `editBacklink`: `source` (at `abs`) gets a wikilink to `title`, the note `target`. */
export interface ProbeEdit {
  source: string;
  abs: string;
  target: string;
  title: string;
}

/** The sign-in URL `cairn serve` prints once it is serving; rejects if it exits first. */
export function servedUrl(child: ChildProcess, stderr: () => string = () => ''): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`cairn serve exited ${code}: ${stderr()}`)));
  });
}

/** Resolves when `cairn serve` prints a line that matches `line` (after the URL). */
function outputLine(child: ChildProcess, line: RegExp): Promise<void> {
  const promise = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      if (line.test(out)) resolve();
    });
    child.on('exit', (code) => reject(new Error(`cairn serve exited ${code}`)));
  });
  promise.catch(() => undefined);
  return promise;
}

type Call = (op: string, payload: unknown) => Promise<unknown>;

interface ProbeOptions {
  root: string;
  vaultDir: string;
  dataDir: string;
  queries: string[];
}

/** `cairn serve` started on the vault and signed in to, as a user meets it: the clock runs from
 *  the process's start until the note list answers, then until the first search answers. The
 *  caller ends the process. */
async function launch(opts: ProbeOptions) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(opts.root, 'electron/bin/cairn.mjs'), 'serve', '--vault', opts.vaultDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CAIRN_DATA_DIR: opts.dataDir },
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  // The file watcher is live, then the start is over.
  const watching = outputLine(child, /\nWatching .* for changes\n/);
  const settled = outputLine(child, /\nIndexed [\d,]+ notes .*; start-up over after /);
  try {
    const url = await servedUrl(child, () => err);
    // Signs in as the browser does: the printed URL's one-time code buys the session cookie.
    const origin = new URL(url).origin;
    const signIn = await fetch(url, { redirect: 'manual' });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    // As the page asks (renderer/api.ts): a call the host held for a second while the index is
    // built answers NOT_READY, and is asked again.
    const call: Call = async (op, payload) => {
      for (;;) {
        const res = await fetch(`${origin}/api/${op}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, origin },
          body: JSON.stringify(payload),
        });
        const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
        if (body.ok) return body.value;
        if (body.error?.code !== 'NOT_READY') throw new Error(`${op}: ${body.error?.message}`);
      }
    };
    await call('noteList', {});
    const listMs = performance.now() - t0;
    // The index's stage is polled every 20 ms, as the page follows it by events, and the search
    // asked once it is full (a search asked before would be held and asked again, a second at a
    // time, which would time the hold, not the index).
    for (;;) {
      const state = (await call('vaultInfo', {})) as { index: { stage: string } };
      if (state.index.stage === 'full') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await call('search', { query: opts.queries[0] });
    const firstAnswerMs = performance.now() - t0;
    return { child, call, listMs, firstAnswerMs, watching, settled };
  } catch (error) {
    await stop(child);
    throw error;
  }
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
}

/** A launch alone (process start → note list, → first answer), the process then ended: the warm
 *  launch is timed this way more than once, and the median taken (run-bench.ts). Nothing on disk
 *  changes, so the index cache stays as it was. */
export async function probeLaunch(opts: ProbeOptions): Promise<{ listMs: number; firstAnswerMs: number }> {
  const { child, listMs, firstAnswerMs } = await launch(opts);
  await stop(child);
  return { listMs, firstAnswerMs };
}

export async function probeServe(opts: ProbeOptions & { searches?: number; waitForCache?: boolean; edits?: ProbeEdit[] }): Promise<ServeProbe> {
  const searches = opts.searches ?? 20;
  const { child, call, listMs, firstAnswerMs, watching, settled } = await launch(opts);
  try {
    for (let i = 1; i < searches; i++) await call('search', { query: opts.queries[i % opts.queries.length] });
    const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    const searchedMB = rss();
    const info = (await call('vaultInfo', {})) as { index: { fromCache: number; notice: string | null } };
    if (opts.waitForCache) await waitForCache(opts.dataDir);
    // The file watcher starts once the full text is in, and walks the vault (it holds a watch per
    // file): the memory is read again once it has, and once the start is over (the figure that
    // stays while the app is used). Edits wait for the watcher.
    await watching;
    const watchingMB = rss();
    await settled;
    const rssMB = rss();
    const editBacklink = opts.edits?.length ? await editsThroughWatcher(opts.edits, call) : undefined;
    const times: number[] = [];
    for (let i = 0; i < SERVE_SEARCHES; i++) {
      const t = performance.now();
      await call('search', { query: opts.queries[i % opts.queries.length] });
      times.push(performance.now() - t);
    }
    const { p50, p95 } = percentiles(times);
    const search = { p50, p95 };
    return {
      listMs,
      firstAnswerMs,
      rssMB,
      peakMB: Math.max(searchedMB, watchingMB, rssMB),
      searches,
      fromCache: info.index.fromCache,
      notice: info.index.notice,
      editBacklink,
      search,
    };
  } finally {
    await stop(child);
  }
}

/** Writes a link into each source note and asks for its target's view until the backlink is
 *  listed (as the note view asks again on the change event): write → watcher → re-index → answer. */
async function editsThroughWatcher(edits: ProbeEdit[], call: Call) {
  const times: number[] = [];
  let missed = 0;
  const listed = async (e: ProbeEdit) =>
    ((await call('getNote', { id: e.target })) as { backlinks: Array<{ id: string }> }).backlinks.some((b) => b.id === e.source);
  for (const e of edits) {
    const original = await readFile(e.abs);
    const { atimeMs, mtimeMs } = await stat(e.abs);
    try {
      if (await listed(e)) continue;
      const t = performance.now();
      await writeFile(e.abs, Buffer.concat([original, Buffer.from(`\n\n새 링크: [[${e.title}]]\n`)]));
      let seen = false;
      while (!(seen = await listed(e)) && performance.now() - t < 5000) await sleep(2);
      if (seen) times.push(performance.now() - t);
      else missed++;
    } finally {
      // The generated vault is reused by later runs: content and mtime back, and the server takes it in.
      await writeFile(e.abs, original);
      await utimes(e.abs, atimeMs / 1000, mtimeMs / 1000);
      const t = performance.now();
      while ((await listed(e)) && performance.now() - t < 5000) await sleep(20);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), missed };
}

/** The server writes its index cache shortly after the full text is indexed (at 50k notes on a
 *  busy machine, that write takes minutes). */
async function waitForCache(dataDir: string, minutes = 10): Promise<void> {
  const folder = path.join(dataDir, 'index-cache');
  for (let i = 0; i < minutes * 300; i++) {
    if (existsSync(folder) && readdirSync(folder, { recursive: true }).some((f) => String(f).endsWith('manifest.json'))) return;
    await sleep(200);
  }
  throw new Error(`cairn serve wrote no index cache within ${minutes} minutes`);
}

/** Median wall time of `cairn --help` and, as its floor, of `node -e 0`, over `runs` runs each. */
export async function probeHelp(root: string, runs = 5): Promise<{ helpMs: number; nodeMs: number }> {
  const time = async (args: string[]) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await new Promise((resolve, reject) => spawn(process.execPath, args, { stdio: 'ignore' }).on('exit', resolve).on('error', reject));
      samples.push(performance.now() - t);
    }
    return samples.sort((a, b) => a - b)[runs >> 1];
  };
  return { helpMs: await time([path.join(root, 'electron/bin/cairn.mjs'), '--help']), nodeMs: await time(['-e', '0']) };
}
