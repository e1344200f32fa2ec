import type { Locator, Page } from '@playwright/test';

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

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search notes' });
  }

  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+Shift+F');
    await this.searchBox.fill(query);
  }

  searchResults(): Locator {
    return this.page.getByRole('list', { name: 'Search results' }).getByRole('link');
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

  /** The scroller that holds the note (the window itself never scrolls). */
  main(): Locator {
    return this.page.locator('main#main');
  }

  async mainScrollTop(): Promise<number> {
    return this.main().evaluate((el) => el.scrollTop);
  }

  fileTree(): Locator {
    return this.page.getByRole('tree', { name: 'Notes' });
  }

  section(name: 'Outgoing links' | 'Backlinks' | 'Unlinked mentions' | 'Local graph'): Locator {
    return this.page.getByRole('region', { name });
  }

  async quickSwitch(text: string): Promise<void> {
    await this.page.keyboard.press('Control+O');
    const dialog = this.page.getByRole('dialog', { name: 'Quick switcher' });
    await dialog.getByRole('combobox').fill(text);
    await dialog.getByRole('option').first().waitFor();
    await this.page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
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
