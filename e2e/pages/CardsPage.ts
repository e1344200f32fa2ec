import type { Locator, Page } from '@playwright/test';

export type CountKind = 'New' | 'Learning' | 'Due';

/** The Flashcards view as a user sees it: decks with counts, statistics, a review session. */
export class CardsPage {
  constructor(readonly page: Page) {}

  /** Through the top bar, as a user would (the Electron menu's 'flashcards' goes to the same hash). */
  async open(): Promise<void> {
    await this.page.getByRole('banner').getByRole('link', { name: 'Flashcards' }).click();
    await this.heading().waitFor();
    await this.decks().waitFor();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Flashcards', level: 1 });
  }

  decks(): Locator {
    return this.page.getByRole('table', { name: 'Decks' });
  }

  /** '' or 'All cards' is the whole vault; otherwise the full tag path. */
  deckRow(deck: string): Locator {
    return this.decks().getByRole('row', { name: deck || 'All cards', exact: true });
  }

  /** Opens the parents of `deck` in the tree so its row shows. */
  async expandTo(deck: string): Promise<void> {
    const parts = deck.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      const toggle = this.decks().getByRole('button', { name: `Expand ${parent}`, exact: true });
      if (await toggle.count()) await toggle.click();
    }
  }

  /** The number in a deck's New / Learning / Due cell, read from its label ("New 14"). */
  async count(deck: string, kind: CountKind): Promise<number> {
    const label = await this.deckRow(deck)
      .getByLabel(new RegExp(`^${kind} \\d+$`))
      .getAttribute('aria-label');
    return Number(label!.split(' ')[1]);
  }

  async study(deck: string): Promise<void> {
    await this.expandTo(deck);
    await this.deckRow(deck).getByRole('button', { name: 'Study', exact: true }).click();
    await this.page.getByRole('article', { name: 'Card' }).waitFor();
  }

  card(): Locator {
    return this.page.getByRole('article', { name: 'Card' });
  }

  front(): Locator {
    return this.card().locator('.card-front').first();
  }

  showAnswer(): Locator {
    return this.page.getByRole('button', { name: 'Show answer', exact: true });
  }

  rating(label: 'Again' | 'Hard' | 'Good' | 'Easy'): Locator {
    return this.page.getByRole('group', { name: 'How well did you remember?' }).getByRole('button', { name: label, exact: true });
  }

  undoButton(): Locator {
    return this.page.getByRole('button', { name: 'Undo', exact: true });
  }

  /** Reviews counted in the session bar ("3 done · 11 left"). */
  async done(): Promise<number> {
    return Number(/^(\d+) done/.exec((await this.progress().textContent()) ?? '')?.[1] ?? NaN);
  }

  /** Space shows the answer, then a digit rates it; resolves once the review is recorded. */
  async reviewByKeys(rating: 1 | 2 | 3 | 4): Promise<void> {
    const done = await this.done();
    await this.page.keyboard.press('Space');
    await this.rating('Good').waitFor();
    await this.page.keyboard.press(String(rating));
    await this.page.waitForFunction((n) => document.querySelector('.session-progress')?.textContent?.startsWith(`${n} done`), done + 1);
  }

  progress(): Locator {
    return this.page.locator('.session-progress');
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }

  heatmap(): Locator {
    return this.page.getByRole('img', { name: /^Reviews in the last 365 days/ });
  }

  forecast(): Locator {
    return this.page.getByRole('img', { name: /^Cards due in the next 30 days/ });
  }

  stats(): Locator {
    return this.page.getByRole('region', { name: 'Statistics' });
  }

  /** Opens "Study settings", sets the daily limit of new cards and saves. */
  async setNewCardsPerDay(n: number): Promise<void> {
    const settings = this.page.locator('details.study-settings');
    if (!(await settings.getAttribute('open'))) await settings.locator('summary').click();
    await settings.getByLabel('New cards a day').fill(String(n));
    await settings.getByRole('button', { name: 'Save' }).click();
    await settings.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  }

  summary(): Locator {
    return this.page.getByRole('region', { name: 'Session complete' });
  }
}
