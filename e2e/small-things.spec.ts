import { rm } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from './fixtures.ts';

const MAP = 'aws/aws-ml-cost-map.md';

test('one problem is "1 problem"; a vault problem opens its note at the line', async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent(MAP)}`);
  await expect(page.locator('.note-diagnostics summary')).toHaveText('1 problem in this note');
  await app.goto('#/');
  await page.getByText(/problems? found while reading the vault/).click();
  const problem = page.locator('.diagnostics li', { hasText: 'future-topic-eks-cost' });
  const link = problem.getByRole('link', { name: /^aws\/aws-ml-cost-map\.md:\d+$/ });
  const line = Number((await link.textContent())!.split(':')[1]);
  await link.click();
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
  await expect(page).toHaveURL(new RegExp(`line=${line}$`));
  const target = app.markdown().locator('.line-target');
  await expect(target).toHaveCount(1);
  await expect(target).toBeInViewport();
  // The marked heading is the last one at or before the problem's line.
  expect(await target.getAttribute('data-heading')).toBeTruthy();
  await expect(app.markdown().locator('a.is-unresolved', { hasText: 'future-topic-eks-cost' }).first()).toBeInViewport();
});

test('a favicon, and no request of this app answered 404', async ({ app, page }) => {
  const missing: string[] = [];
  page.on('response', (r) => r.status() === 404 && missing.push(r.url()));
  await app.goto();
  await app.goto(`#/note/${encodeURIComponent(MAP)}`);
  await expect(app.noteTitle()).toBeVisible();
  await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', /^data:image\/png;base64,/);
  expect(missing).toEqual([]);
});

test('search results follow the vault: a deleted note leaves them', async ({ app, served, page }) => {
  await app.search('savings plan');
  const titles = app.searchResults().locator('.hit-title');
  await expect(titles.filter({ hasText: /^sagemaker-savings-plans$/ })).toHaveCount(1);
  await rm(path.join(served.vault, 'aws/cost/sagemaker-savings-plans.md'));
  await expect(titles.filter({ hasText: /^sagemaker-savings-plans$/ })).toHaveCount(0);
  await expect(titles.first()).toBeVisible();
  void page;
});
