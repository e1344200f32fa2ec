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
    // Readable in the narrow column: drawn at full size, not scaled down to fit (12 px text's line box).
    expect(Math.min(...labels.map((l) => l.bottom - l.top)), `depth ${depth}`).toBeGreaterThanOrEqual(13);
    const clashes: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) if (overlapping(labels[i], labels[j])) clashes.push(`${labels[i].text} × ${labels[j].text}`);
      for (const d of dots) if (d.node !== labels[i].node && overlapping(labels[i], d)) clashes.push(`${labels[i].text} under the dot of ${d.text}`);
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

test('the global graph: every note on a canvas, filtered by tag and folder, walked and opened by keyboard', async ({ app, page }) => {
  await app.goto('#/graph');
  const view = page.getByRole('region', { name: 'Graph of all notes' });
  const status = view.getByRole('status');
  await expect(status).toHaveText(/^16 notes, \d+ links$/);
  const all = Number(/(\d+) links/.exec((await status.textContent())!)![1]);
  expect(all).toBeGreaterThan(30);
  // Something was drawn: the canvas is not blank.
  const inked = await view.locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(500);
  await page.screenshot({ path: path.join(ARTIFACTS, 'global-graph.png') });

  await view.getByRole('combobox', { name: 'Folder' }).selectOption('aws/sagemaker');
  await expect(status).toHaveText(/^7 notes, \d+ links$/);
  await view.getByRole('combobox', { name: 'Folder' }).selectOption('');
  await view.getByRole('combobox', { name: 'Tag' }).selectOption('moc');
  await expect(status).toHaveText(/^1 note, 0 links$/);
  await view.getByRole('combobox', { name: 'Tag' }).selectOption('');
  await expect(status).toHaveText(/^16 notes/);

  await view.getByRole('application').focus();
  await page.keyboard.press('ArrowRight');
  const chosen = view.locator('#graph-selected');
  await expect(chosen).toHaveText(/^Selected: .+\. Enter opens it\.$/);
  await page.keyboard.press('ArrowDown');
  const title = /^Selected: (.+)\. Enter/.exec((await chosen.textContent())!)![1];
  await page.keyboard.press('Enter');
  await expect(app.noteTitle()).toHaveText(title);
});
