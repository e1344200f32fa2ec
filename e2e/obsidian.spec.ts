// Obsidian syntax through the browser host, on the fixture vault e2e/obsidian-vault/: math,
// Mermaid, footnotes, folding callouts, aligned tables, block links and property links — with
// the CSP kept: every test fails on any Content-Security-Policy violation (console or event).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ARTIFACTS, ROOT, expect, serve, stop, tempVault, test as base, type Served } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

const test = base.extend<{ vault: Served; reader: AppPage; csp: string[] }>({
  vault: async ({}, use) => {
    const dir = await tempVault(path.join(ROOT, 'e2e/obsidian-vault'));
    const served = await serve(dir);
    await use(served);
    await stop(served);
    await rm(dir, { recursive: true, force: true });
  },
  csp: async ({ page }, use) => {
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(`console: ${m.text()}`);
    });
    await page.exposeFunction('__cairnCsp', (v: string) => violations.push(`event: ${v}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { __cairnCsp(v: string): void }).__cairnCsp(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    await use(violations);
  },
  reader: async ({ page, vault, csp }, use) => {
    const app = new AppPage(page, vault.url);
    await app.goto();
    await use(app);
    await page.waitForTimeout(300);
    expect(csp, 'no CSP violation').toEqual([]);
  },
});

const open = async (app: AppPage, id: string) => {
  await app.goto(`#/note/${encodeURIComponent(id)}`);
  await expect(app.noteTitle()).toHaveText(id.replace(/^.*\//, '').replace(/\.md$/, ''));
};
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `obsidian-${name}.png`) });

test('math: KaTeX MathML inline and display, \\\\ kept as a row break, bad formulas as error boxes', async ({ reader, page }) => {
  await open(reader, 'Math.md');
  const md = reader.markdown();
  await expect(md.locator('span.katex math')).toHaveCount(3);
  await expect(md.locator('.math-display math[display="block"] mtable mtr')).toHaveCount(2);
  const box = await md.locator('.math-display math').boundingBox();
  expect(box!.height, 'two rows of a display formula').toBeGreaterThan(40);
  // \frac{1}{, the endless macro, and `#` (a macro parameter, an error in TeX too).
  await expect(md.locator('.math-error')).toHaveCount(3);
  await expect(md.locator('.math-error').first()).toContainText('Math error');
  await expect(md).toContainText('Prices such as $5 and $6 stay text.');
  await expect(md.getByText('#math-tag')).toBeVisible();
  await shot(page, 'math');
});

test('mermaid: a diagram drawn as a sanitised SVG image, a broken one as an error box', async ({ reader, page }) => {
  await open(reader, 'Diagrams.md');
  const img = reader.markdown().locator('figure.mermaid-diagram img');
  await expect(img).toHaveCount(1, { timeout: 20_000 });
  await expect(img).toHaveAttribute('src', /^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
  expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0)).toBe(true);
  const src = decodeURIComponent((await img.getAttribute('src'))!);
  expect(src).toContain('Search');
  expect(src, "Mermaid's own stylesheet is kept inside the image").toMatch(/<style>#cairn-diagram-1\{/);
  expect(src).not.toMatch(/<script|onload=|onclick=|foreignObject|href="(?!#)/i);
  await expect(reader.markdown().locator('.diagram-error')).toHaveCount(1);
  await expect(reader.markdown()).toContainText('The note goes on after a broken diagram.');
  await shot(page, 'mermaid');
});

test('a huge diagram is refused with an error box and the note still renders', async ({ reader, page }) => {
  await open(reader, 'Huge diagram.md');
  await expect(reader.markdown().locator('.diagram-error')).toBeVisible({ timeout: 20_000 });
  await expect(reader.markdown()).toContainText('The note still renders after it.');
  await shot(page, 'mermaid-huge');
});

test('footnotes: references, the list, back-references that scroll both ways', async ({ reader, page }) => {
  await open(reader, 'Footnotes.md');
  const md = reader.markdown();
  await expect(md.locator('sup.footnote-ref')).toHaveCount(3);
  await expect(md.locator('section.footnotes li')).toHaveCount(3);
  await expect(md.locator('.footnote-backref')).toHaveCount(3);
  await expect(md.locator('section.footnotes li').nth(2)).toContainText('Inline footnotes need no definition');
  await md.locator('sup.footnote-ref a').first().click();
  await expect(md.locator('section.footnotes li').first()).toBeInViewport();
  await expect(page).toHaveURL(/#\/note\/Footnotes\.md$/);
  await md.locator('.footnote-backref').first().click();
  await expect(md.locator('sup.footnote-ref').first()).toBeInViewport();
  await shot(page, 'footnotes');
});

test('callouts: a folded callout opens on click; nested, every type with its icon', async ({ reader, page }) => {
  await open(reader, 'Callouts.md');
  const md = reader.markdown();
  const faq = md.locator('details[data-callout="faq"]').first();
  await expect(faq).not.toHaveAttribute('open');
  await expect(faq.locator('.callout-content')).toBeHidden();
  await shot(page, 'callout-folded');
  await faq.locator('summary').click();
  await expect(faq).toHaveAttribute('open');
  await expect(faq.locator('.callout-content')).toBeVisible();
  await expect(faq).toContainText('The answer is hidden until the title is clicked.');
  await expect(md.locator('details[data-callout="tip"] .callout[data-callout="warning"]')).toBeVisible();
  for (const type of ['note', 'abstract', 'info', 'todo', 'success', 'question', 'failure', 'danger', 'bug', 'example', 'quote']) {
    const icon = md.locator(`[data-callout="${type}"] .callout-icon`).first();
    expect(await icon.evaluate((el) => getComputedStyle(el).maskImage), type).toMatch(/url\(/);
  }
  await shot(page, 'callout-open');
});

test('tables: columns aligned by class, image sizes inside cells, zero CSP errors', async ({ reader, page }) => {
  await open(reader, 'Tables.md');
  const table = reader.markdown().locator('table');
  const align = (sel: string) =>
    table
      .locator(sel)
      .first()
      .evaluate((el) => getComputedStyle(el).textAlign);
  expect(await align('th.align-left')).toBe('left');
  expect(await align('th.align-center')).toBe('center');
  expect(await align('td.align-right')).toBe('right');
  expect(await table.locator('[style]').count()).toBe(0);
  const images = table.locator('img.embed-image');
  await expect(images).toHaveCount(2);
  await expect(images.nth(0)).toHaveAttribute('width', '100');
  await expect(images.nth(1)).toHaveAttribute('height', '20');
  await expect.poll(() => images.nth(0).evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
  await expect(table.getByRole('link', { name: 'home' })).toBeVisible();
  await expect(reader.markdown().locator('mark strong')).toHaveText('bold');
  await shot(page, 'table');
});

test('block links: [[#^id]] scrolls to the block and highlights it; the marker is hidden', async ({ reader, page }) => {
  await open(reader, 'Blocks.md');
  const md = reader.markdown();
  const block = md.locator('[data-block="key-point"]');
  await expect(block).not.toBeInViewport();
  await expect(md).not.toContainText('^key-point');
  await md.getByRole('link', { name: 'key-point', exact: true }).click();
  await expect(block).toBeInViewport();
  await expect(block).toHaveClass(/is-flashed/);
  await shot(page, 'block-link');
});

test('a block link from another note opens the note at the block', async ({ reader }) => {
  await open(reader, 'Embeds.md');
  await expect(reader.markdown().locator('.embed').first()).toContainText('The key point of this note');
  await reader.markdown().getByRole('link', { name: 'Blocks › key-point' }).last().click();
  await expect(reader.noteTitle()).toHaveText('Blocks');
  const block = reader.markdown().locator('[data-block="key-point"]');
  await expect(block).toBeInViewport();
  await expect(block).toHaveClass(/is-flashed/);
});

test('properties: links in frontmatter are links, values shown by type, counted as backlinks', async ({ reader, page }) => {
  await open(reader, 'Home.md');
  const props = page.locator('.properties');
  await expect(props.locator('[data-property="related"] a')).toHaveText('Math');
  await expect(props.locator('[data-property="categories"] a')).toHaveText(['Callouts', 'the tables']);
  await expect(props.locator('[data-property="source"] a')).toHaveText('the key point');
  await expect(props.locator('[data-property="source"] .is-unresolved')).toHaveText('Missing note');
  await expect(props.locator('[data-property="reviewed"] input[type="checkbox"]')).toBeChecked();
  await expect(props.locator('[data-property="rating"]')).toHaveText('4');
  await expect(props.locator('[data-property="created"] time')).toHaveAttribute('datetime', '2025-08-22');
  await expect(reader.markdown()).toContainText('Names should avoid the characters # | ^ : %% [[ ]]');
  await expect(reader.markdown().getByRole('link', { name: 'Footnotes' })).toBeVisible();
  await shot(page, 'properties');
  await props.locator('[data-property="related"] a').click();
  await expect(reader.noteTitle()).toHaveText('Math');
  await expect(reader.section('Backlinks').getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(reader.section('Backlinks')).toContainText('related: Math');
});
