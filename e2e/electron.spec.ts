// The desktop app itself: out/main.cjs in Electron, on a temp copy of notes/ and a fresh profile.
// Needs the Electron binary (node_modules/electron/dist) and, on Linux, a display (xvfb-run).
// Without the binary every test here is skipped, loudly; nothing is ever downloaded: the binary
// is looked up by electron/start.mjs with fs only, and Playwright is launched only when it exists.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { OP_NAMES } from '../electron/contract.ts';
import { ROOT, SEED } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

const SKIPPED = 'Electron binary not available on this machine — Electron e2e SKIPPED';
const SEED_TITLE = path.basename(SEED, '.md');

const { findElectronBinary } = (await import(pathToFileURL(path.join(ROOT, 'electron/start.mjs')).href)) as {
  findElectronBinary: () => string | null;
};
const binary = findElectronBinary();

let app: ElectronApplication | undefined;
let page: Page;
let tmp: string | undefined;

test.beforeEach(async () => {
  if (!binary) {
    console.log(SKIPPED);
    test.skip(true, SKIPPED);
    return;
  }
  tmp = await mkdtemp(path.join(os.tmpdir(), 'cairn-electron-'));
  const vault = path.join(tmp, 'vault');
  await cp(path.join(ROOT, 'notes'), vault, { recursive: true });
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  env.CAIRN_DATA_DIR = path.join(tmp, 'data');
  // The binary exists (checked above), so Playwright's own require('electron') resolves it without fetching.
  app = await electron.launch({
    args: [path.join(ROOT, 'out/main.cjs'), '--vault', vault, `--user-data-dir=${path.join(tmp, 'profile')}`],
    cwd: ROOT,
    env,
  });
  page = await app.firstWindow();
  await page.getByRole('tab', { name: 'Notes' }).waitFor();
});

test.afterEach(async () => {
  await app?.close();
  app = undefined;
  if (tmp) await rm(tmp, { recursive: true, force: true });
  tmp = undefined;
});

test('the window opens the vault; Go ▸ Quick Switcher opens the seed note with its tags', async () => {
  await expect(page).toHaveURL(/^app:\/\/cairn\//);
  await app!.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('quick-switcher')?.click());
  const dialog = page.getByRole('dialog', { name: 'Quick switcher' });
  await dialog.getByRole('combobox').fill('cost-sagemaker-processing');
  await dialog.getByRole('option').first().waitFor();
  await page.keyboard.press('Enter');
  const reader = new AppPage(page, 'app://cairn/index.html');
  await expect(reader.noteTitle()).toHaveText(SEED_TITLE);
  const chip = (tag: string) =>
    page
      .getByRole('link', { name: tag })
      .or(page.getByRole('button', { name: tag }))
      .first();
  await expect(chip('#service/sagemaker-processing')).toBeVisible();
  await expect(chip('#optimization/workload-separation')).toBeVisible();
});

test('the page gets named verbs only, no Node, and cannot leave the app origin', async () => {
  const surface = await page.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown>;
    return { keys: Object.keys(window.cairn ?? {}).sort(), transport: window.cairn?.transport, require: typeof g.require, process: typeof g.process };
  });
  expect(surface).toEqual({
    keys: [...OP_NAMES, 'onCommand', 'onVaultEvent', 'transport'].sort(),
    transport: 'electron',
    require: 'undefined',
    process: 'undefined',
  });

  // Not http(s), so nothing is handed to the OS browser either.
  await page.evaluate(() => void (location.href = 'file:///etc/hosts'));
  expect(await page.evaluate(() => window.open('file:///etc/hosts'))).toBeNull();
  await page.waitForTimeout(300);
  await expect(page).toHaveURL(/^app:\/\/cairn\//);
  expect(app!.windows()).toHaveLength(1);
});
