import { SEED, expect, test } from './fixtures.ts';
import { CalcPage } from './pages/CalcPage.ts';

const PREP = 'Data preparation per day';

test('out-of-range typing shows a message under the field and keeps the last valid value', async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  const calc = new CalcPage(page);
  const box = calc.field(PREP).getByRole('spinbutton');
  await expect(calc.monthly('C')).toHaveText('$45.10');
  for (const typed of ['30', '-5']) {
    await box.fill(typed);
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    const message = calc.panel.getByRole('alert');
    await expect(message).toHaveText(`${PREP} must be from 0 h/day to 24 h/day; kept 2 h/day.`);
    await expect(box).toHaveAccessibleDescription(/must be from 0 h\/day to 24 h\/day/);
    await expect(calc.slider(PREP)).toHaveValue('2');
    await expect(calc.monthly('C')).toHaveText('$45.10');
  }
  await box.fill('3');
  await expect(box).not.toHaveAttribute('aria-invalid');
  await expect(calc.panel.getByRole('alert')).toHaveCount(0);
  await expect(calc.slider(PREP)).toHaveValue('3');
});

test("the baseline's mark never crosses a price label in the chart", async ({ app, page }) => {
  await app.goto(`#/note/${encodeURIComponent(SEED)}`);
  const calc = new CalcPage(page);
  await expect(calc.chartRow('C')).toBeVisible();
  // At 4 h a day scenario B costs just under the baseline: its figure would sit on the mark.
  for (const [hours, width] of [
    ['2', 1280],
    ['4', 1280],
    ['4', 900],
  ] as const) {
    await calc.field(PREP).getByRole('spinbutton').fill(hours);
    await expect(calc.slider(PREP)).toHaveValue(hours);
    await page.setViewportSize({ width, height: 860 });
    const crossings = await calc.chart().evaluate((svg) => {
      const out: string[] = [];
      const rules = [...svg.querySelectorAll('.calc-baseline-rule')].map((r) => r.getBoundingClientRect());
      for (const t of svg.querySelectorAll('text')) {
        const b = t.getBoundingClientRect();
        for (const r of rules) if (r.left <= b.right && b.left <= r.right && r.top < b.bottom && b.top < r.bottom) out.push(t.textContent ?? '');
      }
      return out;
    });
    expect(crossings, `${hours} h a day, ${width} px`).toEqual([]);
  }
});
