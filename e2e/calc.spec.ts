import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, SEED, expect, test } from './fixtures.ts';
import type { AppPage } from './pages/AppPage.ts';
import { CalcPage } from './pages/CalcPage.ts';

const PREP = 'Data preparation per day';
const SPOT_NOTE = 'aws/sagemaker/sagemaker-managed-spot-training.md';
const NO_CALC_NOTE = 'aws/data/s3-storage-classes-ml.md';

/** Opens a note and waits until its calculators have been asked for (answered, panel or not). */
async function openNote(app: AppPage, page: Page, id: string): Promise<CalcPage> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/noteCalculators'));
  await app.goto(`#/note/${encodeURIComponent(id)}`);
  await answered;
  return new CalcPage(page);
}

test('seed note: C is cheapest, B breaks the memory need; a slider recomputes, is kept, and resets', async ({ app, page }) => {
  const calc = await openNote(app, page, SEED);
  await expect(calc.panel.getByRole('heading', { name: 'Cost calculator' })).toBeVisible();
  await expect(calc.title()).toHaveText('Notebook always on vs. SageMaker Processing for data preparation');

  await expect(calc.monthly('C')).toHaveText('$45.10');
  await expect(calc.scenario('C').getByText('cheapest')).toBeVisible();
  await expect(calc.chartRow('C')).toContainText('cheapest');
  await expect(calc.monthly('today')).toHaveText('$673.06');
  await expect(calc.scenario('today')).toContainText('baseline');
  await expect(calc.scenario('C')).toContainText('−93.3%');
  await expect(calc.scenario('B')).toContainText('ml.p3.2xlarge has 61 GiB < 64 GiB required');
  await expect(calc.chartRow('B')).toContainText('ml.p3.2xlarge has 61 GiB < 64 GiB required');
  await expect(calc.scenario('B').getByText('cheapest')).toHaveCount(0);
  await expect(calc.panel).toContainText('Prices as of 2026-09-24');
  await expect(calc.panel.locator('.calc-catalog')).toContainText(/single-source|confirmed/);
  await expect(calc.slider(PREP)).toHaveValue('2');
  await calc.screenshot(path.join(ARTIFACTS, 'calc-default.png'));

  const math = await calc.showMath('C');
  await expect(math).toContainText('60 h × $0.605/h = $36.30');
  await expect(math).toContainText('176 h × $0.05/h = $8.80');
  await expect(math.locator('.calc-confidence').first()).toHaveText(/official|confirmed|single-source|assumption/);

  const barBefore = await calc.barWidth('C');
  await calc.nudge(PREP, 'ArrowRight', 4); // step 0.5: 2 → 4 h a day
  await expect(calc.slider(PREP)).toHaveValue('4');
  await expect(calc.monthly('C')).toHaveText('$81.40');
  await expect(math).toContainText('120 h × $0.605/h = $72.60');
  await expect.poll(() => calc.barWidth('C')).not.toBe(barBefore);
  await expect(calc.field(PREP)).toContainText('h/day');
  await expect(calc.field(PREP).getByRole('spinbutton')).toHaveValue('4');
  await calc.screenshot(path.join(ARTIFACTS, 'calc-prep-4h.png'));

  await page.reload();
  await expect(calc.slider(PREP)).toHaveValue('4');
  await expect(calc.monthly('C')).toHaveText('$81.40');

  await calc.reset().click();
  await expect(calc.slider(PREP)).toHaveValue('2');
  await expect(calc.monthly('C')).toHaveText('$45.10');
  await page.reload();
  await expect(calc.monthly('C')).toHaveText('$45.10');
  await expect(calc.slider(PREP)).toHaveValue('2');
});

test('saved inputs the calculator no longer accepts fall back to the defaults, said once', async ({ app, page }) => {
  await openNote(app, page, SEED);
  await page.evaluate((note) => {
    const key = `cairn.calc.inputs:${JSON.stringify(note)}:sagemaker-workload-separation`;
    localStorage.setItem(key, JSON.stringify({ processingInstance: 'ml.r5.999xlarge', prepHoursPerDay: 4 }));
  }, SEED);
  await page.reload();
  const calc = new CalcPage(page);
  await expect(calc.panel).toContainText('saved inputs no longer fit');
  await expect(calc.monthly('C')).toHaveText('$45.10');
  await expect(calc.slider(PREP)).toHaveValue('2');
  await page.reload();
  await expect(calc.monthly('C')).toHaveText('$45.10');
  await expect(calc.panel).not.toContainText('saved inputs no longer fit');
});

test('a slow answer for an older slider position does not overwrite a newer one', async ({ app, page }) => {
  const calc = await openNote(app, page, SEED);
  await expect(calc.monthly('C')).toHaveText('$45.10');
  // Hold back the answer for 2.5 h a day so it arrives after the answer for 4 h.
  let held = 0;
  await page.route('**/api/noteCalculators', async (route) => {
    const body = route.request().postData() ?? '';
    if (body.includes('"prepHoursPerDay":2.5')) {
      held++;
      await new Promise((r) => setTimeout(r, 1500));
    }
    await route.continue();
  });
  await calc.nudge(PREP, 'ArrowRight', 1);
  await expect.poll(() => held).toBe(1);
  await expect(calc.monthly('C')).toHaveText('$45.10'); // the previous figures stay while waiting
  await calc.nudge(PREP, 'ArrowRight', 3);
  await expect(calc.monthly('C')).toHaveText('$81.40');
  await page.waitForTimeout(1800); // the held answer has arrived by now
  await expect(calc.monthly('C')).toHaveText('$81.40');
  await expect(calc.slider(PREP)).toHaveValue('4');
});

test('copy as cost block puts a cost block with the shown inputs on the clipboard', async ({ app, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const calc = await openNote(app, page, SEED);
  await calc.nudge(PREP, 'ArrowRight', 4);
  await expect(calc.monthly('C')).toHaveText('$81.40');
  await calc.copyButton('C').click();
  await expect(calc.scenario('C').getByRole('status')).toHaveText('Copied');
  const text = await page.evaluate(() => navigator.clipboard.readText());
  expect(text).toMatch(/^```cost\n/);
  expect(text).toMatch(/prepHoursPerDay:[\s\S]*default: 4\b/);
});

test('without a clipboard the cost block is shown selected for copying by hand', async ({ app, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  await page.reload(); // the app is already loaded: init scripts apply from the next document on
  const calc = await openNote(app, page, SEED);
  await calc.copyButton('C').click();
  const area = calc.scenario('C').getByRole('textbox', { name: /^Cost block/ });
  await expect(area).toBeVisible();
  await expect(area).toHaveValue(/^```cost\n[\s\S]*ml\.r5\.2xlarge/);
  await expect(area).toHaveJSProperty('readOnly', true);
  const selected = await area.evaluate((el: HTMLTextAreaElement) => el.selectionEnd - el.selectionStart === el.value.length && document.activeElement === el);
  expect(selected).toBe(true);
});

test('another note shows its own calculator; a note without one shows no panel', async ({ app, page }) => {
  const calc = await openNote(app, page, SPOT_NOTE);
  await expect(calc.title()).toHaveText('Managed Spot Training vs on-demand training');
  await expect(calc.monthly('on-demand')).toHaveText('$306.00');
  await expect(calc.scenario('spot')).toContainText('cheapest');
  await calc.select('Training instance').selectOption('ml.m5.xlarge');
  await expect(calc.monthly('on-demand')).toHaveText('$18.40');
  await expect(calc.slider(PREP)).toHaveCount(0);

  await openNote(app, page, NO_CALC_NOTE);
  await expect(app.noteTitle()).toHaveText('s3-storage-classes-ml');
  await expect(calc.panel).toHaveCount(0);
});

const OWN_BLOCK = [
  '',
  '```cost',
  'title: Ten hours of training, spot or not',
  'inputs:',
  '  hours: {type: number, label: Training hours, default: 10, min: 0, max: 100, step: 1, unit: h}',
  '  doubled: {type: boolean, label: Twice the hours on demand, default: false}',
  'scenarios:',
  '  - id: od',
  '    label: On-demand',
  "    lines: [{component: training, instance: ml.m5.xlarge, hours: 'hours * (doubled ? 2 : 1)'}]",
  '  - id: spot',
  '    label: Spot',
  '    lines: [{component: training, instance: ml.m5.xlarge, hours: hours, pricing: {type: spot, discount: 0.5}}]',
  'baseline: od',
  '```',
  '',
].join('\n');

test("a note's own cost block and a matching calculator file show as tabs; a block added on disk appears", async ({ app, page, served }) => {
  await appendFile(path.join(served.vault, SPOT_NOTE), OWN_BLOCK);
  const calc = await openNote(app, page, SPOT_NOTE);
  const tabs = calc.panel.getByRole('tab');
  await expect(tabs).toHaveText(['Ten hours of training, spot or not', 'Managed Spot Training vs on-demand training']);
  await expect(tabs.first()).toHaveAttribute('aria-selected', 'true');
  await expect(calc.monthly('od')).toHaveText('$2.30'); // 10 h × $0.23/h
  await calc.panel.getByRole('checkbox', { name: 'Twice the hours on demand' }).check();
  await expect(calc.monthly('od')).toHaveText('$4.60');
  await tabs.nth(1).click();
  await expect(calc.title()).toHaveText('Managed Spot Training vs on-demand training');
  await expect(calc.monthly('on-demand')).toHaveText('$306.00');
  await page.keyboard.press('ArrowLeft');
  await expect(calc.title()).toHaveText('Ten hours of training, spot or not');
  await expect(tabs.first()).toBeFocused();

  await openNote(app, page, NO_CALC_NOTE);
  await expect(calc.panel).toHaveCount(0);
  await appendFile(path.join(served.vault, NO_CALC_NOTE), OWN_BLOCK);
  await expect(calc.title()).toHaveText('Ten hours of training, spot or not');
  await expect(calc.monthly('spot')).toHaveText('$1.15');
});

test('a broken calculator definition is shown in the panel with its file and line', async ({ app, page, served }) => {
  const broken =
    'id: broken\ntitle: Broken\nregion: us-east-1\nappliesTo:\n  tags: [service/s3]\ninputs:\n  hours:\n    type: number\n    default: nope\nscenarios: []\n';
  await writeFile(path.join(served.vault, 'calculators/broken.cost.yaml'), broken);
  const calc = await openNote(app, page, NO_CALC_NOTE);
  await expect(calc.panel.getByRole('alert')).toContainText('calculators/broken.cost.yaml:9: inputs.hours.default');
  await expect(calc.panel.getByRole('alert')).toContainText('calculators/broken.cost.yaml:10: scenarios');
  await calc.screenshot(path.join(ARTIFACTS, 'calc-broken-definition.png'));
});

test('at 900 px wide the panel still fits the note column, light and dark', async ({ app, page }) => {
  await page.setViewportSize({ width: 900, height: 900 });
  const calc = await openNote(app, page, SEED);
  await expect(calc.monthly('C')).toHaveText('$45.10');
  await (await calc.showMath('C')).scrollIntoViewIfNeeded();
  const overflow = await calc.panel.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await calc.screenshot(path.join(ARTIFACTS, 'calc-900px.png'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await calc.screenshot(path.join(ARTIFACTS, 'calc-900px-dark.png'));
});
