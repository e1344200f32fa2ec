import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, expect, test } from './fixtures.ts';
import { CardsPage } from './pages/CardsPage.ts';
import { ExamPage } from './pages/ExamPage.ts';

const day = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('set an exam date and see the plan, here and on the deck row', async ({ app, page }) => {
  const exam = new ExamPage(page);
  await exam.open();
  await expect(page).toHaveURL(/#\/exam$/);
  await expect(page.getByText('No exam set yet.')).toBeVisible();

  // A past date is refused with a message, and nothing is saved.
  await exam.setExam('exam/mla', day(-3));
  await expect(exam.examForm().getByRole('alert')).toContainText('is in the past');
  await expect(exam.exam('exam/mla')).toHaveCount(0);

  await exam.setExam('exam/mla', day(14));
  const plan = exam.exam('exam/mla');
  await expect(plan).toBeVisible();
  await expect(exam.tile(plan, 'Days left')).toHaveText('14');
  await expect(exam.tile(plan, 'Not yet introduced')).toContainText(/^71\b/);
  await expect(exam.tile(plan, 'Predicted retention at the exam')).toHaveText(/^(9\d|100)\.\d%$/);
  await expect(exam.chart(plan)).toHaveAttribute('aria-label', `Plan for #exam/mla: 15 days to ${day(14)}`);
  await expect(exam.chart(plan).locator('.plan-day')).toHaveCount(15);
  await page.screenshot({ path: path.join(ARTIFACTS, 'exam-plan.png'), fullPage: true });

  // Three days left: the 84 cards of #exam need more than 20 new a day, and the plan says so.
  await exam.setExam('exam', day(3));
  await expect(exam.exam('exam').getByRole('status')).toContainText('New cards a day raised from 20 to 28');

  const cards = new CardsPage(page);
  await cards.open();
  await cards.expandTo('exam/mla');
  await expect(cards.deckRow('exam/mla').getByRole('link', { name: 'Exam of #exam/mla' })).toHaveText(
    /^exam in 14 days · 71 not yet introduced · \d+\.\d% predicted/,
  );
});

test('take a 5-question practice test by keyboard: a score, and the deck counts do not move', async ({ app, page, served }) => {
  const cards = new CardsPage(page);
  await cards.open();
  const before = await Promise.all((['New', 'Learning', 'Due'] as const).map((k) => cards.count('', k)));

  const exam = new ExamPage(page);
  await exam.open('Practice test');
  const form = exam.practiceForm();
  await form.getByLabel('Deck').selectOption('exam/mla');
  await form.getByLabel('Questions').fill('5');
  await form.getByRole('button', { name: 'Start practice test' }).focus();
  await page.keyboard.press('Enter');
  for (let i = 1; i <= 5; i++) {
    await expect(exam.question()).toHaveAccessibleName(`Question ${i} of 5`);
    await page.keyboard.press(i % 2 ? 'a' : 'b');
    await expect(exam.question().locator('.choice.picked .choice-key')).toHaveText(i % 2 ? 'A' : 'B');
    await page.keyboard.press('Enter');
  }
  await expect(exam.results().getByRole('status').first()).toHaveText(/^Score: [0-5] \/ 5 \(\d+%\)$/);
  await expect(
    exam
      .results()
      .getByRole('table', { name: 'Score per tag' })
      .getByRole('row', { name: /#exam\/mla/ }),
  ).toContainText('5');
  await page.screenshot({ path: path.join(ARTIFACTS, 'exam-practice.png'), fullPage: true });

  await cards.open();
  expect(await Promise.all((['New', 'Learning', 'Due'] as const).map((k) => cards.count('', k)))).toEqual(before);

  // A deck whose notes hold no exam question: a clear message, not an empty screen.
  await writeFile(path.join(served.vault, 'plain.md'), '---\ntags: [only-basic]\n---\n# Plain\n\nWhat is S3::Object storage\n');
  await exam.open('Practice test');
  await expect(exam.practiceForm().getByLabel('Deck').locator('option', { hasText: '#only-basic' })).toHaveCount(1, { timeout: 15_000 });
  await exam.practiceForm().getByLabel('Deck').selectOption('only-basic');
  await exam.practiceForm().getByRole('button', { name: 'Start practice test' }).click();
  await expect(exam.practiceForm().getByRole('alert')).toContainText('has no multiple-choice questions');
});

test('the card browser finds a card and opens its note', async ({ app, page }) => {
  const exam = new ExamPage(page);
  await exam.open('Card browser');
  await expect(page.getByRole('status').filter({ hasText: /^88 of 88 cards/ })).toBeVisible();
  await exam.browserSearch().fill('Reserved Instance (RI)');
  await expect(exam.browserRows()).toHaveCount(1);
  const row = exam.browserRows().first();
  await expect(row).toContainText('Reserved Instance (RI)');
  await row.getByRole('button', { name: 'Suspend' }).click();
  await expect(row.getByRole('button', { name: 'Unsuspend' })).toBeVisible();
  await row.getByRole('link', { name: 'cost-sagemaker-processing-optimization' }).click();
  await expect(page).toHaveURL(/#\/note\/aws%2Fcost-sagemaker-processing-optimization\.md\?h=/);
  await expect(app.noteTitle()).toHaveText('cost-sagemaker-processing-optimization');
});

test('a type-in card shows the word diff of the typed answer', async ({ app, page }) => {
  const exam = new ExamPage(page);
  await exam.open();
  const typeIn = page.getByRole('form', { name: 'Type-in decks' });
  await typeIn.getByLabel('Deck').selectOption('service/sagemaker-processing');
  await typeIn.getByRole('button', { name: 'Answer by typing' }).click();
  await expect(page.getByRole('button', { name: 'Stop typing in #service/sagemaker-processing' })).toBeVisible();

  const cards = new CardsPage(page);
  await cards.open();
  await cards.study('service/sagemaker-processing');
  await expect(cards.front()).toHaveText('Reserved Instance (RI)');
  const box = page.getByRole('textbox', { name: 'Your answer' });
  await expect(box).toBeFocused();
  await page.keyboard.type('1-3년 약정을 통해 최대 50% 할인');
  await page.keyboard.press('Enter');
  const result = page.getByLabel('Answer comparison');
  await expect(result.getByRole('status')).toContainText('Not quite');
  await expect(result.locator('[data-kind="extra"]')).toHaveText(['50% ']);
  await expect(result.locator('[data-kind="missing"]').first()).toHaveText('75% ');
  await expect(result.locator('[data-kind="same"]').first()).toHaveText('1-3년 약정을 통해 최대 ');
  await page.screenshot({ path: path.join(ARTIFACTS, 'exam-typein.png'), fullPage: true });
  // Off the box, Space turns the card as usual.
  await page.keyboard.press('Space');
  await expect(cards.rating('Good')).toBeVisible();
});
