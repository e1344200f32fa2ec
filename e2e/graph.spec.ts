import path from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures.ts';
import { GraphPage, overlapping } from './pages/GraphPage.ts';

const MAP = 'aws/aws-ml-cost-map.md';

test('no two graph labels overlap on the map note, at depth 1, 2 and 3; none lies under a dot', async ({ app, page }) => {
  const graph = new GraphPage(page);
  await app.goto(`#/note/${encodeURIComponent(MAP)}`);
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
  for (const depth of ['1', '2', '3']) {
    await graph.local().getByRole('combobox', { name: 'Depth' }).selectOption(depth);
    await expect(graph.local().locator('svg text').first()).toBeVisible();
    await expect.poll(async () => (await graph.labelRects()).length).toBeGreaterThan(10);
    const labels = await graph.labelRects();
    const dots = await graph.dotRects();
    expect(labels.every((l) => l.right - l.left > 0 && l.bottom - l.top > 0)).toBe(true);
    const clashes: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) if (overlapping(labels[i], labels[j])) clashes.push(`${labels[i].text} × ${labels[j].text}`);
      for (const d of dots) if (d.text !== labels[i].text && overlapping(labels[i], d)) clashes.push(`${labels[i].text} under the dot of ${d.text}`);
    }
    expect(clashes, `depth ${depth}`).toEqual([]);
  }
  await graph.local().scrollIntoViewIfNeeded();
  await graph.local().screenshot({ path: path.join(ARTIFACTS, 'local-graph-depth-3.png') });
  await graph.local().getByRole('button', { name: 'Larger' }).click();
  await page.screenshot({ path: path.join(ARTIFACTS, 'local-graph-large.png') });
});

test('the local graph: hover lights the neighbours, a click or Enter opens a note, wheel zooms', async ({ app, page }) => {
  const graph = new GraphPage(page);
  await app.goto(`#/note/${encodeURIComponent(MAP)}`);
  const node = graph.node('sagemaker-savings-plans');
  await node.hover();
  await expect(node).toHaveClass(/lit/);
  await expect(graph.node('aws-ml-cost-map')).toHaveClass(/lit/);
  const svg = graph.local().locator('svg');
  const before = await graph.labelRects();
  await svg.hover({ position: { x: 40, y: 40 } });
  await page.mouse.wheel(0, -400);
  await expect.poll(async () => (await graph.labelRects())[0].right - (await graph.labelRects())[0].left).toBeGreaterThan(before[0].right - before[0].left + 1);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  // Keyboard: the nodes are in the tab order.
  await graph.node('sagemaker-savings-plans').focus();
  await page.keyboard.press('Enter');
  await expect(app.noteTitle()).toHaveText('sagemaker-savings-plans');
  await graph.node('aws-ml-cost-map').click();
  await expect(app.noteTitle()).toHaveText('aws-ml-cost-map');
});
