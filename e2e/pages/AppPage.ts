import type { Locator, Page } from '@playwright/test';
import { QuickSwitcherPage } from './QuickSwitcherPage.ts';

/** The reader as a user sees it: sidebar (Notes, Tags, Search), note view, links panel, switcher. */
export class AppPage {
  private signedIn = false;

  /** @param url the URL `cairn serve` printed (with its one-time sign-in code), or the bare page. */
  constructor(
    readonly page: Page,
    readonly url: string,
  ) {}

  /**
   * The first visit opens the printed URL, which signs the browser in and lands on the page without
   * the code; later visits go to the bare page, so a new hash stays a same-document navigation.
   */
  async goto(hash = ''): Promise<void> {
    const bare = new URL(this.url);
    bare.search = '';
    await this.page.goto((this.signedIn ? bare.href : this.url) + hash);
    this.signedIn = true;
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
    const tree = this.page.getByRole('tree', { name: 'Tags' });
    // A row is named "#name, N notes"; its chevron opens it, a click on the row filters.
    const row = (name: string) => tree.getByRole('treeitem', { name: new RegExp(`^#${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, \\d+ notes?$`) });
    for (const part of path.slice(0, -1)) {
      if ((await row(part).getAttribute('aria-expanded')) === 'false') await row(part).locator('.chevron').click();
    }
    await row(path[path.length - 1]).click();
  }
}
