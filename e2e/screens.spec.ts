// Every screen in light and dark at 1280 and 900 px, kept under e2e/artifacts/screens/ (ignored by
// git) for a person to look at; and no text in any list row is clipped.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, SEED, expect, serve, stop, test } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';
import { clippedRows } from './pages/clipping.ts';

const SHOTS = path.join(ARTIFACTS, 'screens');
const MAP = 'aws/aws-ml-cost-map.md';
const VARIANTS = [
  ['light', 1280],
  ['dark', 1280],
  ['light', 900],
  ['dark', 900],
] as const;

const shot = (page: Page, name: string, scheme: string, width: number) => page.screenshot({ path: path.join(SHOTS, `${name}-${scheme}-${width}.png`) });

for (const [scheme, width] of VARIANTS) {
  test(`every screen, ${scheme}, ${width} px`, async ({ app, page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 860 });
    await app.goto();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shot(page, 'home', scheme, width);

    await app.goto(`#/note/${encodeURIComponent(MAP)}`);
    await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
    await shot(page, 'note', scheme, width);
    if (width < 1100) {
      await page.getByRole('button', { name: 'Outline & links' }).click();
      await shot(page, 'note-panel', scheme, width);
      await page.getByRole('button', { name: 'Outline & links' }).click();
    }

    await app.goto(`#/note/${encodeURIComponent(SEED)}`);
    await page.locator('#cost-calculator').scrollIntoViewIfNeeded();
    await expect(page.getByRole('region', { name: 'Cost calculator' })).toBeVisible();
    await shot(page, 'calculator', scheme, width);

    await app.search('인스턴스');
    await expect(app.searchResults().first()).toBeVisible();
    await shot(page, 'search', scheme, width);

    await page.keyboard.press('Control+O');
    const switcher = page.getByRole('dialog', { name: 'Quick switcher' });
    await switcher.getByRole('combobox').fill('savings');
    await expect(switcher.getByRole('option').first()).toBeVisible();
    await shot(page, 'switcher', scheme, width);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+P');
    await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
    await shot(page, 'palette', scheme, width);
    await page.keyboard.press('Escape');

    await app.goto('#/cards');
    await expect(page.getByRole('main')).not.toContainText('Loading');
    await shot(page, 'cards', scheme, width);

    await app.goto('#/graph');
    await expect(page.getByRole('region', { name: 'Graph of all notes' }).getByRole('status')).toHaveText(/^16 notes, \d+ links$/);
    await shot(page, 'graph', scheme, width);
  });
}

test('an empty vault, light and dark, 1280 and 900 px', async ({ page }) => {
  const empty = await mkdtemp(path.join(os.tmpdir(), 'cairn-empty-'));
  const served = await serve(empty);
  try {
    const app = new AppPage(page, served.url);
    for (const [scheme, width] of VARIANTS) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 860 });
      await app.goto();
      await expect(page.getByText('This vault has no notes yet')).toBeVisible();
      await shot(page, 'empty-vault', scheme, width);
    }
  } finally {
    await stop(served);
    await rm(empty, { recursive: true, force: true });
  }
});

test('no text in any list row is clipped: file tree, tag tree, backlinks, outline, problems', async ({ app, page }) => {
  test.setTimeout(120_000);
  for (const width of [1280, 900]) {
    await page.setViewportSize({ width, height: 860 });
    await app.goto(`#/note/${encodeURIComponent(SEED)}`);
    await expect(app.noteTitle()).toBeVisible();
    expect(await clippedRows(page, '[role="tree"][aria-label="Notes"] [role="treeitem"]'), `file tree at ${width}`).toEqual([]);
    if (width < 1100) await page.getByRole('button', { name: 'Outline & links' }).click();
    await expect(app.section('Backlinks').getByRole('listitem').first()).toBeVisible();
    expect(await clippedRows(page, '.outline li'), `outline at ${width}`).toEqual([]);
    expect(await clippedRows(page, '[aria-label="Backlinks"] li'), `backlinks at ${width}`).toEqual([]);
    await page.getByRole('tab', { name: 'Tags' }).click();
    // Open every level of the tag tree.
    for (let round = 0; round < 4; round++) {
      const closed = page.locator('.tag-tree [aria-expanded="false"] .chevron');
      const n = await closed.count();
      for (let i = n - 1; i >= 0; i--) await closed.nth(i).click();
    }
    expect(await clippedRows(page, '.tag-tree .tag-row'), `tag tree at ${width}`).toEqual([]);
    await app.goto(`#/note/${encodeURIComponent(MAP)}`);
    await page.locator('.note-diagnostics summary').click();
    expect(await clippedRows(page, '.note-diagnostics li'), `note problems at ${width}`).toEqual([]);
    await app.goto('#/');
    await page.locator('.diagnostics summary').click();
    expect(await clippedRows(page, '.diagnostics li'), `vault problems at ${width}`).toEqual([]);
  }
});
