// The quick switcher and the search panel as a user drives them from the keyboard, through the
// browser host: multi-word and Korean names, 초성, Enter right after a paste, an IME composition,
// the combobox keys, and rows that never cut their text.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, expect, test } from './fixtures.ts';
import type { AppPage } from './pages/AppPage.ts';

const titleOf = (id: string) => path.basename(id, '.md');
const NOTEBOOK = 'aws/sagemaker/sagemaker-notebook-instances.md';
const SAVINGS = 'aws/cost/sagemaker-savings-plans.md';
const SPOT_TRAINING = 'aws/sagemaker/sagemaker-managed-spot-training.md';
const INFERENCE = 'aws/sagemaker/sagemaker-inference-options.md';

/** Holds every answer of `op` back by `ms`, so a key pressed before the answer for the text in the
 *  box has come is pressed for sure (on a fast machine it would be a race). */
async function slowDown(page: Page, op: string, ms: number): Promise<void> {
  await page.route(`**/api/${op}`, async (route) => {
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}

/** Starts a Korean IME composition in the focused box, as an IME does while a syllable is typed
 *  (CDP Input.imeSetComposition), presses Enter the way Chromium delivers it during one
 *  (`isComposing` set, keyCode 229), then lets the IME commit the syllable. */
async function enterWhileComposing(page: Page, partial: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
  await page.evaluate(() => {
    document.activeElement!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true, bubbles: true, cancelable: true }),
    );
  });
  await page.waitForTimeout(500);
  await cdp.send('Input.insertText', { text: partial });
  await cdp.detach();
}

async function switchTo(app: AppPage, page: Page, cases: Array<[string, string]>): Promise<void> {
  for (const [query, id] of cases) {
    const switcher = await app.openSwitcher();
    await switcher.box.fill(query);
    await expect(switcher.options.first().locator('.switch-title'), query).toHaveText(titleOf(id));
    await page.keyboard.press('Enter');
    await expect(app.noteTitle(), query).toHaveText(titleOf(id));
    await expect(page).toHaveURL(new RegExp(encodeURIComponent(id)));
  }
}

test('switcher: words across hyphens, in any order, and a typo', async ({ app, page }) => {
  await switchTo(app, page, [
    ['Savings Plans', SAVINGS],
    ['plans savings', SAVINGS],
    ['managed spot', SPOT_TRAINING],
    ['spot managed', SPOT_TRAINING],
    ['savigns plan', SAVINGS],
  ]);
});

test('switcher: Korean words, 초성 and a half-typed last syllable', async ({ app, page }) => {
  await switchTo(app, page, [
    ['세이지메이커 노트북', NOTEBOOK],
    ['ㅅㅍ ㅎㅅ', SPOT_TRAINING],
    ['ㅅㅇㅈㅁㅇㅋ ㅊㄹ ㅂㅅ', INFERENCE],
    ['세이지메이커 추로', INFERENCE],
  ]);
});

test('switcher: Enter right after a paste opens the best hit for the pasted text, three times in a row', async ({ app, page }) => {
  await slowDown(page, 'quickSwitch', 250);
  for (const [before, pasted, id] of [
    ['spot', 'Savings Plans', SAVINGS],
    ['savings', '세이지메이커 노트북', NOTEBOOK],
    ['notebook', 'managed spot', SPOT_TRAINING],
  ]) {
    const switcher = await app.openSwitcher();
    await switcher.box.fill(before);
    // The hits of the text typed before are on screen…
    await expect(switcher.options.first()).toBeVisible();
    const shown = await switcher.titles();
    expect(shown).not.toContain(titleOf(id));
    // …then the paste, and Enter at once: the answer for the pasted text is still on its way.
    await switcher.box.selectText();
    await switcher.paste(pasted);
    await page.keyboard.press('Enter');
    await expect(app.noteTitle(), pasted).toHaveText(titleOf(id));
    await expect(switcher.dialog).toHaveCount(0);
  }
});

test('switcher: an Enter that ends an IME composition opens nothing; Esc gives focus back', async ({ app, page }) => {
  await app.search('비용');
  await expect(app.searchResults().first()).toBeVisible();
  const switcher = await app.openSwitcher();
  await switcher.box.fill('세이지메이커 ');
  await expect(switcher.options.first()).toBeVisible();
  const url = page.url();
  await enterWhileComposing(page, '노');
  await expect(switcher.dialog).toBeVisible();
  expect(page.url()).toBe(url);
  await expect(switcher.box).toHaveValue('세이지메이커 노');
  await page.keyboard.press('Escape');
  await expect(switcher.dialog).toHaveCount(0);
  await expect(app.searchBox).toBeFocused();
});

test('search: an Enter that ends an IME composition opens nothing', async ({ app, page }) => {
  await app.search('인스턴스 ');
  await expect(app.searchResults().first()).toBeVisible();
  const url = page.url();
  await enterWhileComposing(page, '비');
  expect(page.url()).toBe(url);
  await expect(app.searchBox).toHaveValue('인스턴스 비');
  await expect(app.searchResults().first()).toBeVisible();
});

test('search: ↓ and ↑ move from the box through the hits and back, Enter opens the chosen hit', async ({ app, page }) => {
  await app.search('sagemaker');
  const hits = app.searchResults();
  await expect(hits.nth(1)).toBeVisible();
  const count = await page.locator('.result-count').textContent();
  expect(count).toMatch(/^\d+ notes?$/);
  const second = (await hits.nth(1).locator('.hit-title').textContent())!;
  await expect(app.searchBox).not.toHaveAttribute('aria-activedescendant');
  await page.keyboard.press('ArrowDown');
  await expect(app.searchBox).toHaveAttribute('aria-activedescendant', 'search-hit-0');
  await expect(hits.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(app.searchBox).toHaveAttribute('aria-activedescendant', 'search-hit-1');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(app.searchBox).not.toHaveAttribute('aria-activedescendant');
  await expect(app.searchBox).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(app.noteTitle()).toHaveText(second);
});

test('search: no row cuts its text, with long Korean snippets at 900 px', async ({ app, page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await app.search('인스턴스 비용');
  const rows = app.searchResults();
  await expect(rows.nth(2)).toBeVisible();
  // Let the rows be measured and placed.
  await page.waitForTimeout(300);
  const boxes = await rows.evaluateAll((els) =>
    els.map((row) => {
      const parts = [...row.querySelectorAll<HTMLElement>('.hit-title, .hit-snippet, .hit-folder')];
      const r = row.getBoundingClientRect();
      return {
        top: r.top,
        bottom: r.bottom,
        cut: parts.filter((p) => p.scrollHeight > p.clientHeight + 1 || p.scrollWidth > p.clientWidth + 1).map((p) => p.className),
        lines: (() => {
          const range = document.createRange();
          range.selectNodeContents(row.querySelector('.hit-snippet')!);
          return new Set([...range.getClientRects()].map((q) => Math.round(q.top))).size;
        })(),
        overflow: [...row.querySelectorAll('*')].some((c) => c.getBoundingClientRect().bottom > r.bottom + 1),
      };
    }),
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'search-rows-900.png') });
  expect(boxes.length).toBeGreaterThan(2);
  expect(Math.max(...boxes.map((b) => b.lines)), 'some snippet wraps to three lines or more').toBeGreaterThanOrEqual(3);
  boxes.sort((a, b) => a.top - b.top);
  boxes.forEach((b, i) => {
    expect(b.cut, `row ${i}`).toEqual([]);
    expect(b.overflow, `row ${i} holds its content`).toBe(false);
    if (i > 0) expect(b.top, `row ${i} starts below row ${i - 1}`).toBeGreaterThanOrEqual(boxes[i - 1].bottom - 1);
  });
});
