import type { Locator, Page } from '@playwright/test';

/** The Exam view as a user sees it: exam plans, practice tests, the card browser. */
export class ExamPage {
  constructor(readonly page: Page) {}

  async open(tab: 'Exam plan' | 'Practice test' | 'Card browser' = 'Exam plan'): Promise<void> {
    await this.page.getByRole('banner').getByRole('link', { name: 'Exam', exact: true }).click();
    await this.page.getByRole('heading', { name: 'Exam', level: 1 }).waitFor();
    await this.page.getByRole('navigation', { name: 'Exam tools' }).getByRole('link', { name: tab }).click();
  }

  examForm(): Locator {
    return this.page.getByRole('form', { name: 'Set an exam' });
  }

  async setExam(deck: string, date: string, target = '0.90'): Promise<void> {
    const form = this.examForm();
    await form.getByLabel('Deck').selectOption(deck);
    await form.getByLabel('Exam day').fill(date);
    await form.getByLabel('Target retention').fill(target);
    await form.getByRole('button', { name: 'Save exam' }).click();
  }

  exam(deck: string): Locator {
    return this.page.getByRole('region', { name: `Exam of #${deck}` });
  }

  /** A figure of a plan's tiles ("Days left", "Not yet introduced", …). */
  tile(region: Locator, name: string): Locator {
    return region.locator('dt', { hasText: name }).locator('xpath=following-sibling::dd');
  }

  chart(region: Locator): Locator {
    return region.getByRole('img', { name: /^Plan for #/ });
  }

  practiceForm(): Locator {
    return this.page.getByRole('form', { name: 'Practice test' });
  }

  question(): Locator {
    return this.page.getByRole('article', { name: /^Question \d+ of \d+$/ });
  }

  results(): Locator {
    return this.page.getByRole('region', { name: 'Practice test results' });
  }

  browserSearch(): Locator {
    return this.page.getByRole('form', { name: 'Filter cards' }).getByLabel('Search');
  }

  browserRows(): Locator {
    return this.page.getByRole('table', { name: 'Cards' }).locator('tbody tr');
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}
