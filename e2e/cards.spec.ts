import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, expect, serve, stop, tempVault, test, type Served } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';
import { CardsPage } from './pages/CardsPage.ts';

const DECK = 'service/sagemaker-processing';
// The deck's first cards, in note order: the seed's three concepts, then its exam question.
const FIRST = 'Reserved Instance (RI)';
const SECOND = 'On-Demand';
const THIRD = 'SageMaker Processing';
const CHOICE = /^A business is developing a machine-learning-based demand forecasting model/;

test('study a deck by keyboard only; after a reload the counts and the heatmap show the reviews', async ({ app, page }) => {
  const cards = new CardsPage(page);
  await cards.open();
  await expect(page).toHaveURL(/#\/cards$/);
  await cards.expandTo(DECK);
  const newBefore = await cards.count(DECK, 'New');
  const allBefore = await cards.count('', 'New');
  expect(newBefore).toBeGreaterThan(3);
  await expect(cards.heatmap()).toHaveAttribute('aria-label', /: 0 in all, 0 today$/);

  await cards.study(DECK);
  await expect(cards.front()).toHaveText(FIRST);
  await page.keyboard.press('Space');
  // Each rating button shows the interval it would give (FSRS: minutes for a new card's first steps).
  for (const label of ['Again', 'Hard', 'Good', 'Easy'] as const) await expect(cards.rating(label)).toContainText(/\d+(\.\d+)?(m|h|d|mo|y)/);
  await expect(cards.rating('Good')).toBeFocused();
  await page.keyboard.press('3');
  await expect(cards.front()).toHaveText(SECOND);
  await cards.reviewByKeys(4);
  await expect(cards.front()).toHaveText(THIRD);
  await cards.reviewByKeys(2);
  await expect(cards.front()).toHaveText(CHOICE);
  // Good (10 min step) and Hard (6 min step) are still learning: they come back in this session.
  await expect(cards.progress()).toHaveText(`3 done · ${newBefore - 3 + 2} left`);

  await page.reload();
  await cards.decks().waitFor();
  await cards.expandTo(DECK);
  // Easy is days away; the two learning steps are due within 20 minutes, so they count (as in Anki).
  expect(await cards.count(DECK, 'New')).toBe(newBefore - 3);
  expect(await cards.count(DECK, 'Learning')).toBe(2);
  expect(await cards.count(DECK, 'Due')).toBe(0);
  expect(await cards.count('', 'New')).toBe(allBefore - 3);
  await expect(cards.heatmap()).toHaveAttribute('aria-label', 'Reviews in the last 365 days: 3 in all, 3 today');
  await expect(cards.heatmap().locator('rect.today title')).toHaveText(/\(today\): 3 reviews$/);
  await expect(cards.stats().locator('.stat-tiles > div', { hasText: 'Reviews today' }).locator('dd')).toHaveText('3');
  await expect(cards.stats().locator('.stat-tiles > div', { hasText: 'Retention' }).locator('dd').first()).toHaveText('—');
  await expect(cards.forecast()).toHaveAttribute('aria-label', 'Cards due in the next 30 days: 3');
  await cards.stats().scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(ARTIFACTS, 'cards-stats.png') });
});

test('the seed exam question: answer with C, see why, what each option costs, rate Good', async ({ app, page }) => {
  const cards = new CardsPage(page);
  await cards.open();
  await cards.expandTo(DECK);
  const newBefore = await cards.count(DECK, 'New');
  await cards.study(DECK);
  for (let i = 0; i < 3; i++) await cards.reviewByKeys(3);
  await expect(cards.front()).toHaveText(CHOICE);
  await expect(cards.card().getByRole('list', { name: 'Options' }).getByRole('button')).toHaveCount(4);
  await page.screenshot({ path: path.join(ARTIFACTS, 'cards-review-front.png') });

  await page.keyboard.press('c');
  await expect(cards.card().locator('.verdict')).toHaveText('C is correct.');
  await expect(cards.card().locator('.choice.right')).toContainText('✓ right answer');
  await expect(cards.card().locator('.explanation')).toHaveCount(4);
  await expect(cards.card()).toContainText('P3 인스턴스는 GPU 기반으로 불필요하고');
  await expect(cards.card()).toContainText('SageMaker Processing with R5 instance');
  const costs = page.getByRole('region', { name: 'Scenario costs' });
  await expect(costs.locator('.scenario-line')).toHaveText([
    /^Today — \$673\.06\/month/,
    /^Option A — \$285\.56\/month/,
    /^Option B — \$391\.77\/month/,
    /^Option C — \$45\.10\/month/,
    /^Option D — \$111\.82\/month/,
  ]);
  await expect(costs.locator('.scenario.cheapest')).toHaveCount(1);
  await expect(costs.locator('.scenario.cheapest')).toContainText('Option C — $45.10/month★ cheapest');
  // A right pick suggests Good.
  await expect(cards.rating('Good')).toBeFocused();
  await expect(cards.card().getByRole('link', { name: 'Open note' })).toHaveAttribute(
    'href',
    `#/note/${encodeURIComponent('aws/cost-sagemaker-processing-optimization.md')}`,
  );
  // The view scrolls inside <main>, so a full-page shot would not show more: make the window tall.
  await page.setViewportSize({ width: 1280, height: 1640 });
  await page.screenshot({ path: path.join(ARTIFACTS, 'cards-review.png') });
  await page.setViewportSize({ width: 1280, height: 860 });

  await cards.rating('Good').click();
  await expect(cards.progress()).toHaveText(/^4 done/);
  await page.reload();
  await cards.decks().waitFor();
  await cards.expandTo(DECK);
  expect(await cards.count(DECK, 'New')).toBe(newBefore - 4);
  // A fresh session starts after the four reviewed cards: the question is no longer new.
  await cards.study(DECK);
  await expect(cards.front()).not.toHaveText(CHOICE);
  await expect(cards.front()).not.toHaveText(FIRST);
});

test('undo (button and Ctrl+Z) brings reviewed cards back; after Again the note’s links are offered', async ({ app, page }) => {
  const cards = new CardsPage(page);
  await cards.open();
  await cards.expandTo(DECK);
  const newBefore = await cards.count(DECK, 'New');
  await cards.study(DECK);
  await expect(cards.undoButton()).toBeDisabled();
  await cards.reviewByKeys(3);
  await expect(cards.front()).toHaveText(SECOND);
  await cards.showAnswer().click();
  await cards.rating('Again').click();
  await expect(cards.front()).toHaveText(THIRD);
  const readNext = page.getByRole('complementary', { name: 'Read next' });
  await expect(readNext).toContainText('You missed a card from cost-sagemaker-processing-optimization');
  const links = readNext.getByRole('listitem').getByRole('link');
  await expect(links.first()).toBeVisible();
  expect(await links.count()).toBeLessThanOrEqual(5);
  await expect(links.first()).toHaveAttribute('href', /^#\/note\//);

  await cards.undoButton().click();
  await expect(cards.front()).toHaveText(SECOND);
  await expect(cards.showAnswer()).toBeVisible();
  await expect(cards.progress()).toHaveText(/^1 done/);
  await expect(readNext).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(cards.front()).toHaveText(FIRST);
  await expect(cards.progress()).toHaveText(/^0 done/);
  await expect(cards.undoButton()).toBeDisabled();

  await page.reload();
  await cards.decks().waitFor();
  await cards.expandTo(DECK);
  expect(await cards.count(DECK, 'New')).toBe(newBefore);
  await expect(cards.heatmap()).toHaveAttribute('aria-label', /: 0 in all, 0 today$/);
});

test('cloze: the gap, then the hidden words marked; a wrong pick suggests Again; the summary counts the session', async ({ app, page }) => {
  const cards = new CardsPage(page);
  await cards.open();
  await cards.study('service/s3');
  for (let i = 0; i < 5; i++) await cards.reviewByKeys(3);
  await expect(cards.card().locator('.cloze-gap')).toHaveText('[...]');
  await expect(cards.front()).toHaveText('접근 패턴을 예측할 수 없는 데이터에는 [...]을 쓴다.');
  await page.keyboard.press('Space');
  await expect(cards.card().locator('mark')).toHaveText('S3 Intelligent-Tiering');
  await expect(cards.card().locator('.card-back')).toHaveText('접근 패턴을 예측할 수 없는 데이터에는 S3 Intelligent-Tiering을 쓴다.');
  await page.keyboard.press('3');
  await expect(cards.front()).toHaveText(/^An ML team stores raw clickstream data/);
  await cards.card().getByRole('button', { name: /^B/ }).click();
  await expect(cards.card().locator('.verdict')).toHaveText('B is not correct: the answer is A.');
  await expect(cards.card().locator('.choice.wrong')).toContainText('✗ your pick');
  await expect(cards.rating('Again')).toBeFocused();
  // Enter confirms the suggestion, as Space would on the focused button.
  await page.keyboard.press('Enter');
  // The Again is saved before the next key: the same card comes back first, so its front alone
  // cannot tell that the review went through.
  await expect(cards.progress()).toHaveText(/^7 done/);
  // Every card is still learning (Good: a 10-minute step; Again: 1 minute): they come back, the
  // one rated Again first; Easy graduates each.
  await expect(cards.summary()).toHaveCount(0);
  await expect(cards.front()).toHaveText(/^An ML team stores raw clickstream data/);
  for (let i = 0; i < 7; i++) await cards.reviewByKeys(4);
  await expect(cards.summary()).toBeVisible();
  await expect(cards.summary().locator('.summary-line')).toHaveText(/^7 cards studied, 14 answers in .*; 1 relearned\.$/);
  await expect(cards.summary().locator('.summary-counts > div')).toHaveText(['Again1', 'Hard0', 'Good6', 'Easy7']);
  await expect(page.getByRole('complementary', { name: 'Read next' })).toContainText('s3-storage-classes-ml');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: path.join(ARTIFACTS, 'cards-summary-dark.png') });
});

/** Serves a fresh copy of the vault with its own app data folder (settings, fallback logs). */
async function serveWithOwnData(): Promise<{ served: Served; done: () => Promise<void> }> {
  const vault = await tempVault();
  const saved = process.env.CAIRN_DATA_DIR;
  process.env.CAIRN_DATA_DIR = `${vault}-data`;
  try {
    const served = await serve(vault);
    return {
      served,
      done: async () => {
        await stop(served);
        await rm(vault, { recursive: true, force: true });
        await rm(`${vault}-data`, { recursive: true, force: true });
      },
    };
  } finally {
    if (saved === undefined) delete process.env.CAIRN_DATA_DIR;
    else process.env.CAIRN_DATA_DIR = saved;
  }
}

test('a card rated Again comes back before "Session complete"; the deck counts follow without a reload', async ({ app, page }) => {
  const cards = new CardsPage(page);
  await cards.open();
  await cards.study('service/s3');
  // The first card is rated Again; Easy graduates every other new card at once.
  const again = await cards.front().textContent();
  await cards.reviewByKeys(1);
  await expect(cards.front()).not.toHaveText(again!);
  const fronts: string[] = [];
  while (!(await cards.summary().isVisible()) && fronts.length < 12) {
    fronts.push((await cards.front().textContent())!);
    await cards.reviewByKeys(4);
  }
  // It came back once, last (its 1-minute step, learnt ahead when nothing else was left).
  expect(fronts.filter((f) => f === again)).toHaveLength(1);
  expect(fronts.at(-1)).toBe(again);
  await expect(cards.summary()).toBeVisible();
  await expect(cards.summary().locator('.summary-line')).toHaveText(/; 1 relearned\.$/);
  await page.getByRole('button', { name: 'Back to decks' }).first().click();
  await cards.expandTo('service/s3');
  expect(await cards.count('service/s3', 'New')).toBe(0);
  expect(await cards.count('service/s3', 'Learning')).toBe(0);

  // Again on a card of another deck: the deck table shows it learning, Study stays enabled.
  await cards.study(DECK);
  await page.keyboard.press('Space');
  await page.keyboard.press('1');
  await expect(cards.front()).toHaveText(SECOND);
  await page.getByRole('button', { name: 'Back to decks' }).first().click();
  await cards.expandTo(DECK);
  expect(await cards.count(DECK, 'Learning')).toBe(1);
  await expect(cards.deckRow(DECK).getByRole('button', { name: 'Study', exact: true })).toBeEnabled();
});

test('the daily new-card limit, set in the Flashcards view, holds across sessions', async ({ page }) => {
  const { served, done } = await serveWithOwnData();
  try {
    const app = new AppPage(page, served.url);
    await app.goto('#/cards');
    const cards = new CardsPage(page);
    await cards.decks().waitFor();
    expect(await cards.count('', 'New')).toBe(20);
    await cards.setNewCardsPerDay(2);
    await expect.poll(() => cards.count('', 'New')).toBe(2);
    await cards.study('');
    await cards.reviewByKeys(4);
    await cards.reviewByKeys(4);
    await expect(cards.summary()).toBeVisible();
    await expect(cards.summary().locator('.summary-line')).toHaveText(/^2 cards studied/);
    await page.getByRole('button', { name: 'Back to decks' }).first().click();
    expect(await cards.count('', 'New')).toBe(0);
    await expect(cards.deckRow('').getByRole('button', { name: 'Study', exact: true })).toBeDisabled();
    // The limit is kept for this vault: after a reload it still holds.
    await page.reload();
    await cards.decks().waitFor();
    expect(await cards.count('', 'New')).toBe(0);
    await expect(page.locator('.deck-limit')).toHaveText(/^New cards: 0 of \d+ today \(limit 2 a day\)\.$/);
  } finally {
    await done();
  }
});

test('"Export to Anki…" downloads an .apkg that Python’s sqlite3 reads: our note types, unique GUIDs', async ({ app, page }) => {
  const cards = new CardsPage(page);
  await cards.open();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export to Anki…' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^cairn-e2e-.*\.apkg$/);
  const saved = path.join(ARTIFACTS, 'export.apkg');
  await file.saveAs(saved);
  await expect(page.getByRole('status').filter({ hasText: /^ ?Saved .*\.apkg: \d+ notes, 0 images\.$/ })).toBeVisible();
  const script = `import json,sqlite3,sys,tempfile,zipfile,os
z=zipfile.ZipFile(sys.argv[1]);d=os.path.join(tempfile.mkdtemp(),'c');open(d,'wb').write(z.read('collection.anki2'))
c=sqlite3.connect(d);m=json.loads(c.execute('select models from col').fetchone()[0])
print(json.dumps([c.execute('select count(*),count(distinct guid) from notes').fetchone(),sorted(x['name'] for x in m.values())]))`;
  const { spawnSync } = await import('node:child_process');
  const r = spawnSync('python3', ['-c', script, saved], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [[notes, guids], types] = JSON.parse(r.stdout);
  expect(notes).toBeGreaterThan(20);
  expect(guids).toBe(notes);
  expect(types).toEqual(['Cairn Basic', 'Cairn Choice', 'Cairn Cloze']);
});

test('a review that cannot be written says so and keeps the card; it goes through once the disk is back', async ({ page }) => {
  // Tests run as root, so chmod cannot make a folder unwritable: a FILE where a folder must be
  // created does (ENOTDIR), for the vault's .cairn and for the app-data fallback alike.
  const vault = await tempVault();
  await writeFile(path.join(vault, '.cairn'), 'not a folder\n');
  const blocker = `${vault}-appdata`;
  await writeFile(blocker, 'not a folder\n');
  const saved = process.env.CAIRN_DATA_DIR;
  process.env.CAIRN_DATA_DIR = path.join(blocker, 'cairn');
  let served: Served;
  try {
    served = await serve(vault);
  } finally {
    if (saved === undefined) delete process.env.CAIRN_DATA_DIR;
    else process.env.CAIRN_DATA_DIR = saved;
  }
  try {
    const app = new AppPage(page, served.url);
    await app.goto('#/cards');
    const cards = new CardsPage(page);
    await cards.decks().waitFor();
    await cards.study(DECK);
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await expect(cards.alert()).toContainText(/^This review was not saved: no writable place for the review log: .*rate it again to retry\.$/);
    await expect(cards.front()).toHaveText(FIRST);
    await expect(cards.rating('Good')).toBeVisible();
    await expect(cards.progress()).toHaveText(/^0 done/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'cards-review-not-saved.png') });

    await rm(path.join(vault, '.cairn'));
    await cards.rating('Good').click();
    await expect(cards.front()).toHaveText(SECOND);
    await expect(cards.alert()).toHaveCount(0);
    const logs = await readdir(path.join(vault, '.cairn', 'reviews'));
    expect(logs).toHaveLength(1);
    const lines = (await readFile(path.join(vault, '.cairn', 'reviews', logs[0]), 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ type: 'review', rating: 3 });
  } finally {
    await stop(served);
    await rm(vault, { recursive: true, force: true });
    await rm(blocker, { force: true });
  }
});
