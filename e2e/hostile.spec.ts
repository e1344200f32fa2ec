// Untrusted notes in the real renderer: no script runs, nothing is fetched from outside, no
// element sneaks into the page.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildHostileVault, SECRET_WORD } from './hostile/build-hostile-vault.ts';
import { ARTIFACTS, expect, serve, test } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

const HOSTILE_NOTES = ['xss.md', 'html-in-links.md', 'escape-links.md', 'deep-nesting.md', 'binary.md', 'invalid-utf8.md', 'bad-yaml.md', 'alias-bomb.md', 'table-10k.md'];

test('hostile notes: no dialog, no outside request, no injected element', async ({ page }) => {
  test.setTimeout(120_000);
  const hostile = await buildHostileVault();
  const served = await serve(hostile.vault);
  try {
    const dialogs: string[] = [];
    const outside: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') outside.push(r.url());
    });
    const app = new AppPage(page, served.url);
    await app.goto();
    for (const id of HOSTILE_NOTES) {
      await app.goto(`#/note/${encodeURIComponent(id)}`);
      await expect(app.noteTitle()).toHaveText(id.replace(/\.md$/, ''));
      const injected = await page.evaluate(() => {
        const md = document.querySelector('article.note .markdown');
        const bad = md?.querySelectorAll('script, iframe, object, embed, form, input, style, link, meta, base, svg, math, [onerror], [onload], [onclick], [ontoggle], [style]');
        const jsLinks = [...(md?.querySelectorAll('a') ?? [])].filter((a) => /^(javascript|data|vbscript):/i.test(a.getAttribute('href') ?? ''));
        return { bad: [...(bad ?? [])].map((e) => e.outerHTML.slice(0, 80)), jsLinks: jsLinks.length, pwned: (window as { __pwned?: unknown }).__pwned ?? null };
      });
      expect(injected, id).toEqual({ bad: [], jsLinks: 0, pwned: null });
    }
    await app.goto(`#/note/${encodeURIComponent('xss.md')}`);
    await expect(app.markdown()).toContainText('hostile-survivor-word');
    await page.screenshot({ path: path.join(ARTIFACTS, 'hostile-xss.png') });
    // Clicking what used to be a javascript: link does nothing.
    await app.markdown().getByText('javascript link').click();
    // HTML in aliases and tags is shown as text.
    await app.goto(`#/note/${encodeURIComponent('html-in-links.md')}`);
    await expect(app.aliasChips().first()).toHaveText("<img src=x onerror=alert('alias')>");
    await app.search('tag:hostile');
    await expect(app.searchResults().first()).toBeVisible();
    // Nothing behind the symbolic links is listed or found.
    await app.search(SECRET_WORD);
    await expect(page.getByText(`No notes match`)).toBeVisible();
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByRole('list', { name: 'Notes' })).not.toContainText('secret-link');
    await expect(page.getByRole('list', { name: 'Notes' })).not.toContainText('loop');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
  } finally {
    served.process.kill('SIGTERM');
    await rm(path.dirname(hostile.vault), { recursive: true, force: true });
  }
});
