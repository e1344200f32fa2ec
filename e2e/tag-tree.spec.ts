import path from 'node:path';
import { ARTIFACTS, SEED, expect, test } from './fixtures.ts';

test('the tag tree is walked with the keys alone and filters by a nested tag', async ({ app, page }) => {
  const tree = page.getByRole('tree', { name: 'Tags' });
  const item = (name: string) => tree.getByRole('treeitem', { name: new RegExp(`^#${name}, \\d+ notes?$`) });
  await page.getByRole('tab', { name: 'Notes' }).focus();
  await page.keyboard.press('ArrowRight'); // the Tags tab
  await expect(tree.getByRole('treeitem').first()).toBeVisible(); // loaded: Tab would pass it by before
  await page.keyboard.press('Tab'); // one tab stop into the tree: its first row
  await expect(tree.getByRole('treeitem').first()).toBeFocused();
  await page.keyboard.type('c'); // type-ahead
  await expect(item('constraint')).toBeFocused();
  await expect(item('constraint')).toHaveAttribute('aria-expanded', 'false');
  // Top level only while closed; → opens, → again enters the first nested tag, ← back to the parent.
  const closedRows = await tree.getByRole('treeitem').count();
  await page.keyboard.press('ArrowRight');
  await expect(item('constraint')).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.getByRole('treeitem')).not.toHaveCount(closedRows);
  await page.keyboard.press('ArrowRight');
  await expect(item('cost-governance')).toBeFocused();
  await expect(item('cost-governance')).toHaveAttribute('aria-level', '2');
  await page.keyboard.press('ArrowLeft');
  await expect(item('constraint')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(item('constraint')).toHaveAttribute('aria-expanded', 'false');
  await expect(tree.getByRole('treeitem')).toHaveCount(closedRows);
  await page.keyboard.press('End');
  await expect(item('service')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(tree.getByRole('treeitem').first()).toBeFocused();
  await page.keyboard.type('c');
  await page.keyboard.press('ArrowDown');
  await expect(item('deployment')).toBeFocused();
  // Type-ahead: "s" jumps to #service; open it and type the start of a nested tag's name.
  await page.keyboard.type('s');
  await expect(item('service')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.type('sagemaker-p');
  await expect(item('sagemaker-processing')).toBeFocused();
  await page.screenshot({ path: path.join(ARTIFACTS, 'tag-tree-keyboard.png') });
  const count = /, (\d+) notes?$/.exec((await item('sagemaker-processing').getAttribute('aria-label'))!)![1];
  await page.keyboard.press('Enter');
  await expect(app.searchBox).toHaveValue('tag:service/sagemaker-processing');
  await expect(page.locator('.result-count')).toHaveText(`${count} ${count === '1' ? 'note' : 'notes'}`);
  const titles = await app.searchResults().locator('.hit-title').allTextContents();
  expect(titles).toContain(path.basename(SEED, '.md'));
});
