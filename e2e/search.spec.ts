// Full-text search through the search panel of the browser host: typos still find the note, and
// the count is the number of notes that match, not the request's limit.
import path from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures.ts';

test('a query with a typo finds the note it means', async ({ app, page }) => {
  await app.search('sagemkaer savigns plan');
  const first = app.searchResults().first();
  await expect(first).toContainText('sagemaker-savings-plans');
  await expect(first.locator('mark').first()).toBeVisible();
  await first.click();
  await expect(app.noteTitle()).toHaveText('sagemaker-savings-plans');
  await page.screenshot({ path: path.join(ARTIFACTS, 'search-typo.png'), fullPage: false });
});

test('a Korean question finds the note that answers it; the count is the real number of hits', async ({ app, page }) => {
  await app.search('노트북 비용을 줄이는 방법');
  await expect(app.searchResults().first()).toContainText('sagemaker-notebook-instances');
  const shown = await app.searchResults().count();
  await expect(page.locator('.result-count')).toHaveText(`${shown} notes`);
  expect(shown).toBeLessThan(200);
});
