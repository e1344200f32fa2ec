// Start-up with the persisted index (README.md, "How it is built"): a second launch on the same
// vault lists the notes from the index cache, a damaged cache is a notice and a cold index with
// right answers, and the incremental link graph shows an edit on disk as a backlink at once.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, serve, stop, tempVault, test, type Served } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

/** The index cache's files under the data folder, once the server has written them. */
async function cacheFiles(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'index-cache');
  // Written means the manifest names the data file (it is renamed into place last).
  const written = (files: string[]) => files.filter((f) => f.endsWith('.bin')).length === 1 && files.some((f) => f.endsWith('manifest.json'));
  await expect.poll(async () => written(await readdir(root, { recursive: true }).catch(() => [])), { timeout: 20_000 }).toBe(true);
  return (await readdir(root, { recursive: true })).map((f) => path.join(root, f));
}

async function launch(page: Page, vault: string, dataDir: string): Promise<{ served: Served; app: AppPage }> {
  const served = await serve(vault, dataDir);
  const app = new AppPage(page, served.url);
  await app.goto();
  return { served, app };
}

const indexStatus = (page: Page) => page.locator('.index-status');

test.describe('start-up from the persisted index', () => {
  let vault: string;
  let dataDir: string;
  const running: Served[] = [];
  test.beforeEach(async () => {
    // Each test launches `cairn serve` twice and waits for the first to write its cache.
    test.slow();
    vault = await tempVault();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-e2e-data-'));
  });
  test.afterEach(async () => {
    for (const s of running.splice(0)) await stop(s);
    await rm(vault, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  test('a second launch on the same vault shows the list from the cache', async ({ page }) => {
    const first = await launch(page, vault, dataDir);
    running.push(first.served);
    await expect(indexStatus(page)).toHaveAttribute('data-index-stage', 'full');
    await expect(indexStatus(page)).toHaveAttribute('data-index-source', 'files');
    await cacheFiles(dataDir);
    // Once the start is over (cache written), the server says how it went.
    await expect.poll(first.served.output).toMatch(/\nIndexed 16 notes \(read from their files\); start-up over after \d+\.\d s\n/);
    // The index worker's code cache (api-worker-boot.ts) is made a few seconds after its start:
    // the second launch runs from it, as every launch after the first does.
    await expect
      .poll(async () => (await readdir(path.join(dataDir, 'code-cache')).catch(() => [])).filter((f) => f.endsWith('.bin')).length, { timeout: 20_000 })
      .toBe(1);
    await stop(first.served);

    const second = await launch(page, vault, dataDir);
    running.push(second.served);
    await expect.poll(second.served.output).toMatch(/\nIndexed 16 notes \(16 from the index cache, 0 read\); start-up over after \d+\.\d s\n/);
    await expect(indexStatus(page)).toHaveAttribute('data-index-source', 'cache');
    await expect(indexStatus(page)).toHaveAttribute('title', /^16 notes from the index cache, 0 read/);
    await expect(page.getByRole('tree', { name: 'Notes' })).toContainText('cost-sagemaker-processing-optimization');
    await second.app.search('인스턴스를');
    await expect(second.app.searchResults().first()).toContainText('cost-sagemaker-processing-optimization');
    // And it follows the disk: a note written now shows in the list (the watcher once failed to
    // load under the code cache, on every launch but the first).
    await expect.poll(second.served.output).toMatch(/\nWatching .* for changes\n/);
    await writeFile(path.join(vault, 'written-after-launch.md'), '# Written after launch\n');
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByRole('tree', { name: 'Notes' })).toContainText('written-after-launch');
    expect(second.served.errors()).not.toMatch(/will not show/);
  });

  test('a damaged cache file is ignored with a notice, and the answers are right', async ({ page }) => {
    const first = await launch(page, vault, dataDir);
    running.push(first.served);
    await first.app.search('인스턴스를');
    await expect(first.app.searchResults().first()).toContainText('cost-sagemaker-processing-optimization');
    const expected = await first.app.searchResults().allTextContents();
    expect(expected.length).toBeGreaterThan(0);
    const bin = (await cacheFiles(dataDir)).find((f) => f.endsWith('.bin'))!;
    await stop(first.served);
    const bytes = await readFile(bin);
    bytes.fill(0x41, bytes.length >> 2, (bytes.length >> 2) + 64);
    await writeFile(bin, bytes);

    const second = await launch(page, vault, dataDir);
    running.push(second.served);
    await expect(page.locator('.index-notice')).toContainText('The index cache is damaged');
    await expect(indexStatus(page)).toHaveAttribute('data-index-source', 'files');
    await second.app.search('인스턴스를');
    await expect(second.app.searchResults()).toHaveText(expected);
  });
});

test('an edit on disk shows up as a backlink on the open note', async ({ app, served, page }) => {
  const target = 'aws/ec2/spot-interruption-handling.md';
  await app.goto(`#/note/${encodeURIComponent(target)}`);
  await expect(app.noteTitle()).toHaveText('spot-interruption-handling');
  await expect(app.section('Backlinks')).not.toContainText('s3-storage-classes-ml');
  const linker = path.join(served.vault, 'aws/data/s3-storage-classes-ml.md');
  await writeFile(linker, (await readFile(linker, 'utf8')) + '\n\n스팟 중단은 [[spot-interruption-handling]] 참고.\n');
  await expect(app.section('Backlinks').getByRole('link', { name: 's3-storage-classes-ml' })).toBeVisible();
  await expect(app.section('Backlinks')).toContainText('스팟 중단은 spot-interruption-handling 참고.');
});

test('a cold start lists the notes by name before they are read and opens one from its file, then links them before the full text; the switcher answers, and the search panel lists notes by name, while searches wait', async ({
  page,
}) => {
  test.slow();
  const vault = await mkdtemp(path.join(os.tmpdir(), 'cairn-e2e-big-'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-e2e-data-'));
  // The host waits at each stage until the test lets it on (CAIRN_STAGE_GATES, app-api.ts): a
  // fast machine would otherwise be past a stage before the test looks at it.
  const gates = await mkdtemp(path.join(os.tmpdir(), 'cairn-e2e-gates-'));
  const letOn = (stage: 'read' | 'full') => writeFile(path.join(gates, stage), '');
  // Enough notes that the parse threads read them (a cold index of 400 or more).
  const body = '인스턴스 비용과 예약 용량을 비교한다. Spot capacity and savings plans. '.repeat(20);
  for (let d = 0; d < 30; d++) {
    const dir = path.join(vault, `folder-${d}`);
    await mkdir(dir);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const mention = d === 0 && i === 1 ? 'The details are in note-0-0.\n' : '';
        return writeFile(path.join(dir, `note-${d}-${i}.md`), `---\ntags: [topic/t${i % 7}]\n---\n# Note ${i}\n${mention}${body}\n`);
      }),
    );
  }
  const served = await serve(vault, dataDir, { watching: false, env: { CAIRN_STAGE_GATES: gates } });
  try {
    const app = new AppPage(page, served.url);
    await app.goto();
    // Names first: the list, from the folder walk; the tags are not known before the notes are
    // read, and the tag tree says so (not "No tags yet").
    await expect(indexStatus(page)).toHaveAttribute('data-index-stage', 'names');
    await expect(indexStatus(page)).toContainText('Reading');
    await expect(page.getByRole('tree', { name: 'Notes' }).getByRole('treeitem', { name: 'note-0-0', exact: true })).toBeVisible();
    await page.getByRole('tab', { name: 'Tags' }).click();
    await expect(page.getByText('Reading the notes for their tags…')).toBeVisible();
    await page.getByRole('tab', { name: 'Notes' }).click();
    // A note clicked before the notes are read opens from its own file; its backlinks follow.
    await page.getByRole('tree', { name: 'Notes' }).getByRole('treeitem', { name: 'note-0-1', exact: true }).click();
    await expect(app.noteTitle()).toHaveText('note-0-1');
    await expect(page.locator('article.note .markdown')).toContainText('The details are in note-0-0.');
    await expect(app.section('Backlinks')).toContainText('Reading every note for the links here…');
    await expect(indexStatus(page)).toHaveAttribute('data-index-stage', 'names');
    await page.screenshot({ path: 'e2e/artifacts/note-before-read.png' });
    // The notes read and linked, the full text not yet: the open note gets its backlinks, a note
    // opens, its unlinked mentions wait and say for what.
    await letOn('read');
    await expect(indexStatus(page)).toHaveAttribute('data-index-stage', 'list');
    await expect(app.section('Backlinks')).toContainText('No note links here yet.');
    await page.getByRole('tree', { name: 'Notes' }).getByRole('treeitem', { name: 'note-0-0', exact: true }).click();
    await expect(app.noteTitle()).toHaveText('note-0-0');
    await expect(app.section('Unlinked mentions')).toContainText('Looking for mentions once the full text is indexed…');
    // Searches typed meanwhile wait in the host for the full text. Each one the box no longer
    // wants is given up, so they do not take every connection the browser keeps to the host (six).
    const givenUp: string[] = [];
    page.on('requestfailed', (r) => r.url().endsWith('/api/search') && r.failure()?.errorText === 'net::ERR_ABORTED' && givenUp.push(r.postData() ?? ''));
    await page.keyboard.press('Control+Shift+F');
    for (const query of ['spot', 'savings', 'capacity', '비용', '예약']) {
      await app.searchBox.fill(query);
      await page.waitForTimeout(120);
    }
    // (Up to four: one whose pause was cut short by the next was never asked.)
    await expect.poll(() => givenUp.length).toBeGreaterThan(0);
    expect(givenUp.join()).not.toContain('예약');
    // Meanwhile the panel shows the notes named like the text, by the quick switcher, and says
    // what it waits for: none are named like the last text.
    await expect(page.locator('.search-panel .status')).toHaveText(
      'No note is named like “예약”. The full text is still being indexed; its hits come once it is.',
    );
    await app.searchBox.fill('note-2-3');
    await expect(page.locator('.search-panel .status')).toHaveText(
      /^(\d+ notes?|The 30 best notes) by name only\. The full text is still being indexed; its hits come once it is\.$/,
    );
    await expect(app.searchResults().first()).toContainText('note-2-3');
    await page.screenshot({ path: 'e2e/artifacts/search-by-name-while-indexing.png' });
    // Enter opens the first of them, as it opens the first hit once the full text is in.
    await app.searchBox.press('Enter');
    await expect(app.noteTitle()).toHaveText('note-2-3');
    await page.goBack();
    await expect(app.noteTitle()).toHaveText('note-0-0');
    // ↓ moves through them as through the full text's hits.
    await page.keyboard.press('Control+Shift+F');
    await expect(app.searchBox).toHaveValue('note-2-3');
    const second = (await app.searchResults().nth(1).locator('.hit-title').textContent()) ?? '';
    await app.searchBox.press('ArrowDown');
    await app.searchBox.press('ArrowDown');
    await app.searchBox.press('Enter');
    await expect(app.noteTitle()).toHaveText(second);
    await page.goBack();
    await expect(app.noteTitle()).toHaveText('note-0-0');
    await page.keyboard.press('Control+Shift+F');
    // A filter by tag cannot be answered by names: the panel only says what it waits for.
    await app.searchBox.fill('tag:topic/t1 note');
    await expect(page.locator('.search-panel .status')).toHaveText('Searching… the full text is still being indexed; the hits come once it is.');
    await expect(app.searchResults()).toHaveCount(0);
    await app.searchBox.fill('예약');
    await expect(page.locator('.search-panel .status')).toHaveText(/^No note is named like “예약”/);
    // And however many calls wait (eight views asking for the full text at once, none given up),
    // the host holds each for a second at most, so the connections turn over: the quick switcher
    // still answers.
    await page.evaluate(() => {
      for (let i = 0; i < 8; i++)
        void fetch('/api/searchCount', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `spot ${i}` }) });
    });
    await page.waitForTimeout(1_500);
    const switcher = await app.openSwitcher();
    await switcher.box.fill('note-3-1');
    await expect(switcher.options.first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(indexStatus(page)).toHaveAttribute('data-index-stage', 'list');
    // The last search, asked again after each NOT_READY, is answered once the full text is in;
    // so are the mentions.
    await letOn('full');
    await expect(app.searchResults().first()).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('.search-panel')).not.toContainText('by name only');
    await expect(page.locator('.search-panel .result-count')).toContainText('600 notes');
    await expect(page.locator('.search-panel [role="alert"]')).toHaveCount(0);
    await expect(indexStatus(page)).toHaveAttribute('data-index-stage', 'full');
    await expect(app.section('Unlinked mentions').getByRole('link', { name: 'note-0-1' })).toBeVisible();
    await page.getByRole('tab', { name: 'Tags' }).click();
    await expect(page.getByRole('tree', { name: 'Tags' }).getByRole('treeitem', { name: /^#topic, 600 notes$/ })).toBeVisible();
  } finally {
    await stop(served);
    await rm(vault, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
    await rm(gates, { recursive: true, force: true });
  }
});
