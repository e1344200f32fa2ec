import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ARTIFACTS, SEED, expect, serve, stop, test } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

const SEED_TITLE = 'cost-sagemaker-processing-optimization';

test('search in Korean, open the hit: tags, aliases, Korean text and backlinks', async ({ app, page }) => {
  await app.search('인스턴스를');
  const first = app.searchResults().first();
  await expect(first).toContainText(SEED_TITLE);
  await expect(first.locator('mark').first()).toHaveText(/인스턴스/);
  await first.click();
  await expect(app.noteTitle()).toHaveText(SEED_TITLE);
  await expect(app.tagChips()).toHaveText([
    '#service/sagemaker-processing',
    '#constraint/cost-sensitive',
    '#deployment/mixed-workload',
    '#instance/reserved-vs-ondemand',
    '#optimization/workload-separation',
  ]);
  await expect(app.aliasChips()).toHaveText(['sagemaker-cost', 'ri-optimization', 'processing-cost']);
  await expect(app.markdown().getByRole('heading', { level: 1 })).toHaveText('AWS SageMaker 비용 최적화 - 혼합 워크로드 환경에서 적합한 인스턴스 선택');
  await expect(app.markdown()).toContainText('SageMaker Processing은 온디맨드 방식으로');
  await expect(app.section('Backlinks').getByRole('link').first()).toBeVisible();
  expect(await app.section('Backlinks').getByRole('link').count()).toBeGreaterThanOrEqual(5);
  await page.screenshot({ path: path.join(ARTIFACTS, 'seed-note.png'), fullPage: false });
});

test('follow a wikilink, go back, and see the backlink on the target', async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent('aws/aws-ml-cost-map.md')}`);
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
  await app.markdown().getByRole('link', { name: 'sagemaker-savings-plans', exact: true }).first().click();
  await expect(app.noteTitle()).toHaveText('sagemaker-savings-plans');
  await expect(app.section('Backlinks').getByRole('link', { name: 'aws-ml-cost-map' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
  await page.getByRole('button', { name: 'Forward' }).click();
  await expect(app.noteTitle()).toHaveText('sagemaker-savings-plans');
});

test('the note view lists its unlinked mentions, found after the note is shown', async ({ app }) => {
  await app.goto(`#/note/${encodeURIComponent('aws/cost/sagemaker-savings-plans.md')}`);
  await expect(app.noteTitle()).toHaveText('sagemaker-savings-plans');
  const mentions = app.section('Unlinked mentions');
  await expect(mentions.getByRole('heading')).toHaveText('Unlinked mentions 2');
  await expect(mentions.getByRole('link')).toHaveText(['sagemaker-managed-spot-training', 'cost-allocation-tags']);
  await expect(mentions).toContainText('mentions “SageMaker Savings Plan”');
  await expect(mentions).toContainText('C) Purchase a separate SageMaker Savings Plan for each proje');
});

test('an unresolved link looks different and says so', async ({ app }) => {
  await app.goto(`#/note/${encodeURIComponent('aws/aws-ml-cost-map.md')}`);
  const link = app.markdown().locator('a.is-unresolved').first();
  await expect(link).toHaveAttribute('title', /Not created yet/);
  await link.click();
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
});

test('quick switcher opens a note by alias from the keyboard', async ({ app, page }) => {
  await app.quickSwitch('ri-optimization');
  await expect(app.noteTitle()).toHaveText(SEED_TITLE);
  await expect(page).toHaveURL(new RegExp(encodeURIComponent(SEED)));
});

test('a tag in the tag tree filters the list, descendants included', async ({ app, page }) => {
  await page.getByRole('tab', { name: 'Tags' }).click();
  const treeCount = await page.getByRole('tree', { name: 'Tags' }).locator('.tag-row', { hasText: '#instance' }).first().locator('.count').textContent();
  expect(Number(treeCount)).toBeGreaterThan(1);
  await app.openTagInTree(['instance']);
  await expect(app.searchBox).toHaveValue('tag:instance');
  await expect(page.locator('.result-count')).toHaveText(`${treeCount} notes`);
  const titles = await app.searchResults().locator('.hit-title').allTextContents();
  expect(titles).toContain(SEED_TITLE);
  expect(titles).not.toContain('aws-budgets-cost-alerts');
  // A tag chip on a note filters the same way.
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  await app.tagChips().first().click();
  await expect(app.searchBox).toHaveValue('tag:service/sagemaker-processing');
  await expect(page.locator('.result-count')).toHaveText(/\d+ notes/);
});

test('the open note follows its file on disk, and says when it is deleted', async ({ app, served, page }) => {
  const rel = 'aws/cost/sagemaker-savings-plans.md';
  await app.goto(`#/note/${encodeURIComponent(rel)}`);
  await expect(app.noteTitle()).toHaveText('sagemaker-savings-plans');
  const file = path.join(served.vault, rel);
  const text = await readFile(file, 'utf8');
  await writeFile(file, text + '\n\n## 새로 추가한 절\n\n디스크에서 바뀐 문장입니다.\n');
  await expect(app.markdown()).toContainText('디스크에서 바뀐 문장입니다.');
  await writeFile(path.join(served.vault, 'aws/brand-new.md'), '# Brand new\n[[sagemaker-savings-plans]]');
  await expect(app.fileTree()).toContainText('brand-new');
  await expect(app.section('Backlinks')).toContainText('brand-new');
  await rm(file);
  await expect(page.getByRole('alert')).toContainText('deleted');
});

test('at 900 px wide the reader stays usable', async ({ app, page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  await expect(app.noteTitle()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'seed-note-900.png') });
});

test('an empty vault says so instead of showing nothing', async ({ page }) => {
  const empty = await mkdtemp(path.join(os.tmpdir(), 'cairn-empty-'));
  const served = await serve(empty);
  try {
    const app = new AppPage(page, served.url);
    await app.goto();
    await expect(page.getByText('This vault has no notes yet')).toBeVisible();
    await expect(page.getByText('No notes in this vault.')).toBeVisible();
    await app.search('anything');
    await expect(page.getByText('No notes match “anything”.')).toBeVisible();
    await app.goto(`#/note/${encodeURIComponent('missing.md')}`);
    await expect(page.getByRole('alert')).toHaveText('There is no note missing.md in this vault.');
  } finally {
    await stop(served);
    await rm(empty, { recursive: true, force: true });
  }
});
