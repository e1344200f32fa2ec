import { SEED, expect, test } from './fixtures.ts';

test('the sidebar and the side panel resize by keyboard and drag, and keep their widths across launches', async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  const sidebarSep = page.getByRole('separator', { name: 'Resize the sidebar' });
  const sideSep = page.getByRole('separator', { name: 'Resize the outline and links panel' });
  const sidebar = page.locator('aside.sidebar');
  const side = page.locator('#note-side');
  await expect(sidebarSep).toHaveAttribute('aria-valuenow', '280');
  const before = (await sidebar.boundingBox())!.width;
  await sidebarSep.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(sidebarSep).toHaveAttribute('aria-valuenow', '312');
  expect(Math.round((await sidebar.boundingBox())!.width - before)).toBe(32);
  const sideBefore = (await side.boundingBox())!.width;
  await sideSep.focus();
  await page.keyboard.press('ArrowLeft'); // the panel is on the right: ← widens it
  await expect.poll(async () => Math.round((await side.boundingBox())!.width - sideBefore)).toBe(16);
  // Drag the sidebar's edge 40 px to the left.
  const box = (await sidebarSep.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 40, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await expect(sidebarSep).toHaveAttribute('aria-valuenow', '272');
  await page.reload();
  await expect(app.noteTitle()).toBeVisible();
  await expect(page.getByRole('separator', { name: 'Resize the sidebar' })).toHaveAttribute('aria-valuenow', '272');
  await expect(page.getByRole('separator', { name: 'Resize the outline and links panel' })).toHaveAttribute('aria-valuenow', '316');
});

test('below 1,100 px the outline and links are a drawer over the note, never a block under it', async ({ app, page }) => {
  await page.setViewportSize({ width: 1000, height: 800 });
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  await expect(app.noteTitle()).toBeVisible();
  const panel = page.getByRole('complementary', { name: 'Outline and links' });
  await expect(panel).toBeHidden();
  await expect(page.getByRole('region', { name: 'Cost calculator' })).toBeVisible(); // the note's last part
  // Both measured in one go: the note's text still arriving would otherwise race the two readings.
  const below = await page.locator('article.note').evaluate((el) => {
    const main = el.closest('main')!;
    return main.scrollHeight - (el.getBoundingClientRect().bottom - main.getBoundingClientRect().top + main.scrollTop);
  });
  expect(below).toBeLessThan(80); // nothing tall under the note
  await page.keyboard.press('Control+Shift+L');
  await expect(panel).toBeVisible();
  await expect(panel).toBeInViewport();
  expect(await panel.evaluate((el) => getComputedStyle(el).position)).toBe('fixed');
  await page.keyboard.press('Control+Shift+L');
  await expect(panel).toBeHidden();
});
