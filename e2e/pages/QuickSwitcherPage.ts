import type { Locator, Page } from '@playwright/test';

/** The Ctrl/Cmd+O dialog: a combobox and the listbox of matching notes. */
export class QuickSwitcherPage {
  readonly dialog: Locator;
  readonly box: Locator;
  readonly options: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Quick switcher' });
    this.box = this.dialog.getByRole('combobox');
    this.options = this.dialog.getByRole('option');
  }

  /** The titles listed, in order. */
  async titles(): Promise<string[]> {
    return this.options.locator('.switch-title').allTextContents();
  }

  /** Puts `text` in the box the way a paste does: one input event, no keystrokes. */
  async paste(text: string): Promise<void> {
    await this.box.focus();
    await this.page.keyboard.insertText(text);
  }
}
