// Each test gets its own temp copy of the shipped vault, its own `cairn serve` on a free port,
// and (Playwright's default) a fresh browser context.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppPage } from './pages/AppPage.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS = path.join(ROOT, 'e2e/artifacts');
export const SEED = 'aws/cost-sagemaker-processing-optimization.md';

export interface Served {
  /** The URL `cairn serve` printed: the page with its one-time sign-in code (SECURITY.md). */
  url: string;
  /** The page without the code. */
  origin: string;
  vault: string;
  dataDir: string;
  /** Whether serve() made `dataDir` (and the fixture removes it). */
  ownDataDir: boolean;
  process: ChildProcess;
  /** What the server has printed so far on its standard output, and on its standard error. */
  output: () => string;
  errors: () => string;
}

/**
 * Starts `cairn serve` on `vault` and resolves with the URL it prints, once it also says its file
 * watcher is live (so a test's edits on disk are seen; `watching: false` resolves at the URL,
 * while the notes are still being read; `env` adds to its environment; `wrap` is a command it runs
 * under, such as `unshare`). The first visit signs the
 * browser context in (the code becomes a session cookie and is dropped from the address bar);
 * later visits to the same URL find the code spent and go on with the cookie. `dataDir` is the
 * app data folder (index cache, price imports): the one given, else $CAIRN_DATA_DIR when a test
 * set it, else a fresh one (`ownDataDir`, removed after the test).
 */
export async function serve(
  vault: string,
  dataDir?: string,
  { watching = true, env = {} as Record<string, string>, wrap = [] as string[] } = {},
): Promise<Served> {
  const given = dataDir ?? process.env.CAIRN_DATA_DIR;
  const data = given ?? (await mkdtemp(path.join(os.tmpdir(), 'cairn-e2e-data-')));
  const command = [...wrap, process.execPath, path.join(ROOT, 'electron/bin/cairn.mjs'), 'serve', '--vault', vault, '--port', '0'];
  const child = spawn(command[0]!, command.slice(1), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, CAIRN_DATA_DIR: data },
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`cairn serve did not start: ${out} ${err}`)), 60_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?code=[A-Za-z0-9_-]+)\n/.exec(out);
      // The URL comes as soon as the list answers; a test may write files once the watcher is live.
      if (m && (!watching || /\nWatching .* for changes\n/.test(out))) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`cairn serve exited ${code}: ${err}`)));
  });
  return {
    url,
    origin: new URL(url).origin + '/',
    vault,
    dataDir: data,
    ownDataDir: given === undefined,
    process: child,
    output: () => out,
    errors: () => err,
  };
}

/**
 * Stops a `cairn serve` and waits until it has exited. On SIGTERM it flushes a pending index-cache
 * save into the data folder first, so removing that folder (or damaging a cache file) before the
 * exit races the save: CI once failed with ENOTEMPTY from exactly that. A data folder serve()
 * made is removed here.
 */
export async function stop(served: Served): Promise<void> {
  const child = served.process;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  if (served.ownDataDir) await rm(served.dataDir, { recursive: true, force: true });
}

export async function tempVault(from = path.join(ROOT, 'notes')): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-e2e-'));
  await cp(from, dir, { recursive: true });
  return dir;
}

export const test = base.extend<{ served: Served; app: AppPage }>({
  served: async ({}, use) => {
    const vault = await tempVault();
    const served = await serve(vault);
    await use(served);
    await stop(served);
    await rm(vault, { recursive: true, force: true });
  },
  app: async ({ page, served }, use) => {
    const app = new AppPage(page, served.url);
    await app.goto();
    await use(app);
  },
});

export { expect };
