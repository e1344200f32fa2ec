import { SEED, expect, test } from './fixtures.ts';

test('Back and Forward put the note where it was scrolled, also after a reload', async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  await expect(app.markdown()).toContainText('SageMaker Processing');
  await app.main().hover();
  await expect
    .poll(async () => {
      await page.mouse.wheel(0, 300);
      return app.mainScrollTop();
    })
    .toBeGreaterThanOrEqual(1500);
  await app.main().evaluate((el) => el.scrollTo({ top: 1500 }));
  await expect.poll(() => app.mainScrollTop()).toBe(1500);
  // The outline and links stay in view beside a long note: follow a backlink from there.
  const backlink = app.section('Backlinks').getByRole('link').first();
  await expect(backlink).toBeInViewport();
  const target = await backlink.textContent();
  await backlink.click();
  await expect(app.noteTitle()).toHaveText(target!);
  expect(await app.mainScrollTop()).toBe(0);

  await page.keyboard.press('Alt+ArrowLeft');
  await expect(app.noteTitle()).toHaveText('cost-sagemaker-processing-optimization');
  await expect.poll(() => app.mainScrollTop()).toBeGreaterThanOrEqual(1450);
  expect(Math.abs((await app.mainScrollTop()) - 1500)).toBeLessThanOrEqual(50);

  await page.getByRole('button', { name: 'Forward' }).click();
  await expect(app.noteTitle()).toHaveText(target!);
  await expect.poll(() => app.mainScrollTop()).toBe(0);

  await page.goBack();
  await expect(app.noteTitle()).toHaveText('cost-sagemaker-processing-optimization');
  await page.reload();
  await expect(app.noteTitle()).toHaveText('cost-sagemaker-processing-optimization');
  await expect.poll(() => app.mainScrollTop()).toBeGreaterThanOrEqual(1450);
  expect(Math.abs((await app.mainScrollTop()) - 1500)).toBeLessThanOrEqual(50);
});

test('Back reopens the sidebar tab and the narrow-window panel the entry had', async ({ app, page }) => {
  await page.setViewportSize({ width: 900, height: 800 });
  await app.goto(`#/note/${encodeURIComponent('aws/aws-ml-cost-map.md')}`);
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
  await page.getByRole('tab', { name: 'Tags' }).click();
  const toggle = page.getByRole('button', { name: 'Outline & links' });
  await toggle.click();
  await expect(page.getByRole('complementary', { name: 'Outline and links' })).toBeVisible();
  await app.section('Outgoing links').getByRole('link').first().click();
  await expect(app.noteTitle()).not.toHaveText('aws-ml-cost-map');
  // The new note keeps the panels as they are; change them there.
  await page.getByRole('tab', { name: 'Notes' }).click();
  await toggle.click();
  await expect(page.getByRole('complementary', { name: 'Outline and links' })).toBeHidden();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
  await expect(page.getByRole('tab', { name: 'Tags' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('complementary', { name: 'Outline and links' })).toBeVisible();
});
