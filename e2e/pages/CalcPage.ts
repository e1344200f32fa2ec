import type { Locator, Page } from '@playwright/test';

/** The cost calculator panel of the open note, as a user sees it. */
export class CalcPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Cost calculator' });
  }

  title(): Locator {
    return this.panel.locator('.calc-title');
  }

  slider(label: string): Locator {
    return this.panel.getByRole('slider', { name: label, exact: true });
  }

  /** The slider's field: label, slider, exact value and unit. */
  field(label: string): Locator {
    return this.panel.locator('.calc-field').filter({ has: this.page.getByRole('slider', { name: label, exact: true }) });
  }

  select(label: string): Locator {
    return this.panel.getByRole('combobox', { name: label, exact: true });
  }

  /** A scenario's rows in the table (figures, then math and copy button). */
  scenario(id: string): Locator {
    return this.panel.locator(`table tbody[data-scenario="${id}"]`);
  }

  monthly(id: string): Locator {
    return this.scenario(id).locator('.calc-monthly');
  }

  chart(): Locator {
    return this.panel.getByRole('img', { name: 'Monthly cost per scenario' });
  }

  chartRow(id: string): Locator {
    return this.chart().locator(`g[data-scenario="${id}"]`);
  }

  async barWidth(id: string): Promise<string | null> {
    return this.chartRow(id).locator('rect.calc-bar').getAttribute('width');
  }

  /** Opens "Show the math" of a scenario and returns the disclosure. */
  async showMath(id: string): Promise<Locator> {
    const details = this.scenario(id).locator('details.calc-math');
    if ((await details.getAttribute('open')) === null) await details.getByText('Show the math').click();
    return details;
  }

  copyButton(id: string): Locator {
    return this.scenario(id).getByRole('button', { name: /^Copy as cost block/ });
  }

  reset(): Locator {
    return this.panel.getByRole('button', { name: 'Reset', exact: true });
  }

  /**
   * Screenshots the whole panel. It sits in the note's scrolling column and is often taller than
   * the window, which an element screenshot would cut: the window grows to fit it for the shot.
   */
  async screenshot(file: string): Promise<void> {
    const size = this.page.viewportSize()!;
    const box = await this.panel.boundingBox();
    await this.page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.ceil(box?.height ?? 0) + 160) });
    await this.panel.screenshot({ path: file });
    await this.page.setViewportSize(size);
  }

  /** Moves a slider from the keyboard, as a user would: focus, then arrow keys (one step each). */
  async nudge(label: string, key: 'ArrowRight' | 'ArrowLeft', times: number): Promise<void> {
    await this.slider(label).focus();
    for (let i = 0; i < times; i++) await this.page.keyboard.press(key);
  }
}
