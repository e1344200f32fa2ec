import { SEED, expect, test } from './fixtures.ts';

test('the file tree is walked and notes opened with the arrow keys and type-ahead alone', async ({ app, page }) => {
  const tree = app.fileTree();
  const item = (name: string) => tree.getByRole('treeitem', { name, exact: true });
  // The tab is on screen before the list has loaded; Tab pressed earlier would pass the tree by.
  await expect(item('aws')).toBeVisible();
  await page.getByRole('tab', { name: 'Notes' }).focus();
  await page.keyboard.press('Tab');
  await expect(item('aws')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item('aws')).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(item('aws')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(item('cost')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item('cost')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowDown');
  await expect(item('data')).toBeFocused();
  await page.keyboard.press('ArrowLeft'); // data is open: closes it
  await page.keyboard.press('ArrowLeft'); // then to its parent
  await expect(item('aws')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('cost-sagemaker-processing-optimization')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.noteTitle()).toHaveText('cost-sagemaker-processing-optimization');
  await expect(item('cost-sagemaker-processing-optimization')).toHaveAttribute('aria-selected', 'true');
  // Focus stayed in the tree: type the start of a name, then Enter.
  await expect(item('cost-sagemaker-processing-optimization')).toBeFocused();
  await page.keyboard.type('aws-m');
  await expect(item('aws-ml-cost-map')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item('aws')).toBeFocused();
  await page.keyboard.type('aws-m');
  await page.keyboard.press('Enter');
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
});

test('sidebar tabs follow the arrow keys, one tab stop', async ({ app, page }) => {
  void app;
  const tab = (name: string) => page.getByRole('tab', { name });
  await tab('Notes').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Tags')).toBeFocused();
  await expect(tab('Tags')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel')).toContainText('#');
  await page.keyboard.press('End');
  await expect(tab('Search')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Notes')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('Search')).toHaveAttribute('aria-selected', 'true');
  await expect(tab('Notes')).toHaveAttribute('tabindex', '-1');
});

test('on a slow machine, keys right after an arrow, Ctrl+Shift+F or a command go where it put the focus', async ({ app, page }) => {
  const tab = (name: string) => page.getByRole('tab', { name });
  const tree = page.getByRole('tree', { name: 'Tags' });
  // Frames 400 ms apart, as on a loaded machine: the keys come before the next one.
  await page.evaluate(() => {
    window.requestAnimationFrame = (cb) => window.setTimeout(() => cb(performance.now()), 400) as unknown as number;
  });
  await tab('Notes').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem').first()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(tree.getByRole('treeitem').first()).toBeFocused();
  await page.waitForTimeout(600);
  await expect(tree.getByRole('treeitem').first()).toBeFocused();
  // The search panel focuses its box when it mounts; an arrow keeps the tab all the same.
  await tab('Tags').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(600);
  await expect(tab('Search')).toBeFocused();
  // Ctrl+Shift+F from the note, and a word typed at once: it lands in the search box.
  await app.main().focus();
  await page.keyboard.press('Control+Shift+F');
  await page.keyboard.type('spot');
  await expect(app.searchBox).toHaveValue('spot');
  // "Show tags" from the command palette, run from the note, and a Tab at once: into the tag tree.
  await app.main().focus();
  await page.keyboard.press('Control+P');
  await page.keyboard.type('Show tags');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(tree.getByRole('treeitem').first()).toBeFocused();
});

test('the command palette lists every command with its shortcut and runs one; focus comes back', async ({ app, page }) => {
  await page.getByRole('tab', { name: 'Notes' }).focus();
  await page.keyboard.press('Control+P');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await expect(palette.getByRole('combobox')).toBeFocused();
  const options = palette.getByRole('option');
  await expect(options.filter({ hasText: 'Go to note…' })).toContainText('Ctrl+O');
  await expect(options.filter({ hasText: 'Search notes' })).toContainText('Ctrl+Shift+F');
  await expect(options.filter({ hasText: 'Show all commands' })).toContainText('Ctrl+P');
  expect(await options.count()).toBeGreaterThanOrEqual(10);
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('tab', { name: 'Notes' })).toBeFocused();

  await page.keyboard.press('Control+P');
  await page.keyboard.type('tags');
  await expect(options).toHaveText([/Show tags/]);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Tags' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'Tags' })).toBeFocused();

  await page.keyboard.press('Control+P');
  await page.keyboard.type('graph');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/graph$/);
  void app;
});

test('Esc in the quick switcher gives focus back; the skip link reaches the note in two keys', async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  await page.getByRole('button', { name: 'Forward' }).focus();
  await page.keyboard.press('Control+O');
  await expect(page.getByRole('dialog', { name: 'Quick switcher' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Forward' })).toBeFocused();

  await page.reload();
  await expect(app.noteTitle()).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Skip to the note' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app.main()).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect.poll(() => app.mainScrollTop()).toBeGreaterThan(200);
});

test('a key that scrolls the note while its place is being restored after a reload is not undone', async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  await expect(app.noteTitle()).toBeVisible();
  // The unlinked mentions come late: the restore of the place (the top) waits while they load.
  let held = 0;
  await page.route('**/api/noteMentions', async (route) => {
    held++;
    await new Promise((r) => setTimeout(r, 2500));
    await route.continue();
  });
  await page.reload();
  await expect(app.noteTitle()).toBeVisible();
  await expect.poll(() => held).toBe(1);
  await app.main().focus();
  await page.keyboard.press('PageDown');
  await expect.poll(() => app.mainScrollTop()).toBeGreaterThan(200);
  await expect(page.getByText('Looking for mentions…')).toHaveCount(0, { timeout: 8000 });
  await page.waitForTimeout(300);
  expect(await app.mainScrollTop()).toBeGreaterThan(200);
});
