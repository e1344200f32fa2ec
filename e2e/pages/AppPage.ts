import type { Locator, Page } from '@playwright/test';
import { QuickSwitcherPage } from './QuickSwitcherPage.ts';

/** The reader as a user sees it: sidebar (Notes, Tags, Search), note view, links panel, switcher. */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  async goto(hash = ''): Promise<void> {
    await this.page.goto(this.url + hash);
    await this.page.getByRole('tab', { name: 'Notes' }).waitFor();
  }

  /** A combobox (WAI-ARIA): its hits are the options of the listbox it controls. */
  get searchBox(): Locator {
    return this.page.getByRole('combobox', { name: 'Search notes' });
  }

  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+F');
    await this.searchBox.fill(query);
  }

  searchResults(): Locator {
    return this.page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
  }

  noteTitle(): Locator {
    return this.page.locator('h1.note-title');
  }

  markdown(): Locator {
    return this.page.locator('article.note .markdown');
  }

  tagChips(): Locator {
    return this.page.locator('.properties .tag-chip');
  }

  aliasChips(): Locator {
    return this.page.locator('.properties .alias-chip');
  }

  section(name: 'Outgoing links' | 'Backlinks' | 'Unlinked mentions' | 'Local graph'): Locator {
    return this.page.getByRole('region', { name });
  }

  async quickSwitch(text: string): Promise<void> {
    const switcher = await this.openSwitcher();
    await switcher.box.fill(text);
    await switcher.options.first().waitFor();
    await this.page.keyboard.press('Enter');
    await switcher.dialog.waitFor({ state: 'detached' });
  }

  async openSwitcher(): Promise<QuickSwitcherPage> {
    await this.page.keyboard.press('Control+O');
    const switcher = new QuickSwitcherPage(this.page);
    await switcher.box.waitFor();
    return switcher;
  }

  async openTagInTree(path: string[]): Promise<void> {
    await this.page.getByRole('tab', { name: 'Tags' }).click();
    const tree = this.page.getByRole('list', { name: 'Tags' });
    for (const part of path.slice(0, -1)) {
      const full = path.slice(0, path.indexOf(part) + 1).join('/');
      await tree.getByRole('button', { name: `Expand ${full}` }).click();
    }
    await tree.getByRole('button', { name: `#${path[path.length - 1]}`, exact: true }).click();
  }
}
