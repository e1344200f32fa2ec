// Full-text search through the search panel of the browser host: typos still find the note, and
// the count is the number of notes that match, not the request's limit, also when it is counted
// after the first page.
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, ROOT, expect, serve, stop, tempVault, test } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

test('a query with a typo finds the note it means', async ({ app, page }) => {
  await app.search('sagemkaer savigns plan');
  const first = app.searchResults().first();
  await expect(first).toContainText('sagemaker-savings-plans');
  await expect(first.locator('mark').first()).toBeVisible();
  await first.click();
  await expect(app.noteTitle()).toHaveText('sagemaker-savings-plans');
  await page.screenshot({ path: path.join(ARTIFACTS, 'search-typo.png'), fullPage: false });
});

test('a word typed in part finds the note that has it only in its body, marked in the snippet', async ({ app }) => {
  // `bottleneck` is in the body of aws-ml-cost-map alone, in no name, heading or tag.
  await app.search('bottlen');
  const first = app.searchResults().first();
  await expect(first).toContainText('aws-ml-cost-map');
  await expect(first.locator('mark').first()).toHaveText(/^bottlen/i);
});

test('a Korean question finds the note that answers it; the count is the real number of hits', async ({ app, page }) => {
  await app.search('노트북 비용을 줄이는 방법');
  await expect(app.searchResults().first()).toContainText('sagemaker-notebook-instances');
  const shown = await app.searchResults().count();
  await expect(page.locator('.result-count')).toHaveText(`${shown} notes`);
  expect(shown).toBeLessThan(200);
});

test('a word in hundreds of notes: the first page at once, then the real count; "Show more" brings the next page', async ({ page }) => {
  // More notes than the ranking reads per field (150): the page comes first and its total is a
  // lower bound; the real count follows from a second request.
  const vault = await tempVault(path.join(ROOT, 'e2e/search-vault'));
  for (let i = 0; i < 320; i++) await writeFile(path.join(vault, `budget-${i}.md`), `# Budget ${i}\nThe budget alarm of account ${i}.`);
  const served = await serve(vault);
  try {
    const app = new AppPage(page, served.url);
    await app.goto();
    await app.search('budget');
    const count = page.locator('.result-count');
    await expect(count).toHaveText('320 notes · showing the first 30');
    await page.getByRole('button', { name: 'Show 30 more' }).click();
    await expect(count).toHaveText('320 notes · showing the first 60');
    await page.screenshot({ path: path.join(ARTIFACTS, 'search-count.png'), fullPage: false });
    // A new query starts at one page again.
    await app.search('budget alarm');
    await expect(count).toHaveText('320 notes · showing the first 30');
  } finally {
    await stop(served);
    await rm(vault, { recursive: true, force: true });
  }
});
