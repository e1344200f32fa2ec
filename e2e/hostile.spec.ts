// Untrusted notes in the real renderer: no script runs, nothing is fetched from outside, no
// element sneaks into the page.
import path from 'node:path';
import { rm, rm as rmFile, symlink } from 'node:fs/promises';
import { request as playwrightRequest } from '@playwright/test';
import { buildHostileVault, SECRET_WORD } from './hostile/build-hostile-vault.ts';
import { ARTIFACTS, expect, serve, stop, test } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

const HOSTILE_NOTES = [
  'overlay.md',
  'xss.md',
  'html-in-links.md',
  'escape-links.md',
  'deep-nesting.md',
  'binary.md',
  'invalid-utf8.md',
  'bad-yaml.md',
  'alias-bomb.md',
  'table-10k.md',
];

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
        const bad = md?.querySelectorAll(
          'script, iframe, object, embed, form, input, style, link, meta, base, svg, math, dialog, [popover], [onerror], [onload], [onclick], [ontoggle], [style], ' +
            '[poster], [background], video[src], audio[src], source[src], track[src], img[src^="data:image/svg"], [class~="overlay"], [class~="switcher"], #root, #switcher-list',
        );
        const jsLinks = [...(md?.querySelectorAll('a') ?? [])].filter((a) => /^(javascript|data|vbscript):/i.test(a.getAttribute('href') ?? ''));
        return {
          bad: [...(bad ?? [])].map((e) => e.outerHTML.slice(0, 80)),
          jsLinks: jsLinks.length,
          pwned: (window as { __pwned?: unknown }).__pwned ?? null,
        };
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
    await expect(page.getByRole('tree', { name: 'Notes' })).not.toContainText('secret-link');
    await expect(page.getByRole('tree', { name: 'Notes' })).not.toContainText('loop');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    expect(outside).toEqual([]);
  } finally {
    await stop(served);
    await rm(path.dirname(hostile.vault), { recursive: true, force: true });
  }
});

test('a note dressed as the app cannot cover it: the top bar and sidebar stay on top, the fake dialog stays in the note column', async ({ page }) => {
  test.setTimeout(90_000);
  const hostile = await buildHostileVault();
  const served = await serve(hostile.vault);
  try {
    const app = new AppPage(page, served.url);
    await app.goto(`#/note/${encodeURIComponent('overlay.md')}`);
    await expect(app.markdown()).toContainText('fakeuicanary');
    await expect(app.markdown().getByText('Your session has expired')).toBeVisible();
    await page.screenshot({ path: path.join(ARTIFACTS, 'hostile-overlay.png') });
    const probe = await page.evaluate(() => {
      const md = document.querySelector('article.note .markdown')!;
      const box = md.getBoundingClientRect();
      const hit = (sel: string) => {
        const r = document.querySelector(sel)!.getBoundingClientRect();
        const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { inNote: !!el && md.contains(el), inTarget: !!el && !!el.closest(sel) };
      };
      // Every element of the note is laid out inside the note column (nothing fixed to the window).
      const escaped = [...md.querySelectorAll('*')].filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1);
      });
      const callout = md.querySelector('.callout')?.className ?? '';
      return {
        topbar: hit('header.topbar'),
        sidebar: hit('.sidebar, aside'),
        escaped: escaped.map((e) => e.outerHTML.slice(0, 60)),
        callout,
        ids: [...md.querySelectorAll('[id]')].map((e) => e.id),
      };
    });
    expect(probe.topbar).toEqual({ inNote: false, inTarget: true });
    expect(probe.sidebar).toEqual({ inNote: false, inTarget: true });
    expect(probe.escaped).toEqual([]);
    // The renderer's own classes survive; ids are DOMPurify-prefixed, never the app's.
    expect(probe.callout).toBe('callout callout-warning');
    expect(probe.ids.every((id) => id.startsWith('user-content-'))).toBe(true);
    // The app is still usable: the top bar's link and the sidebar take clicks.
    await page.getByRole('tab', { name: 'Notes' }).click();
    await page.getByRole('link', { name: 'Flashcards' }).click();
    await expect(page).toHaveURL(/#\/cards$/);
  } finally {
    await stop(served);
    await rm(path.dirname(hostile.vault), { recursive: true, force: true });
  }
});

test('an image swapped for a link to an outside file after the scan is not served', async ({ page }) => {
  test.setTimeout(90_000);
  const hostile = await buildHostileVault();
  const served = await serve(hostile.vault);
  try {
    const app = new AppPage(page, served.url);
    await app.goto(`#/note/${encodeURIComponent('image.md')}`);
    const img = app.markdown().locator('img');
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(1);
    const before = await page.request.get(`${served.origin}file/swap.png`);
    expect(before.status()).toBe(200);
    await rmFile(path.join(hostile.vault, 'swap.png'));
    await symlink(path.join(hostile.outside, 'secret.png'), path.join(hostile.vault, 'swap.png'));
    const after = await page.request.get(`${served.origin}file/swap.png`);
    expect(after.status()).toBe(404);
    expect((await after.body()).includes(SECRET_WORD)).toBe(false);
    await page.reload();
    await expect(app.markdown()).toContainText('image-note-word');
    // Whether the watcher has dropped the image by now (a link instead of an <img>) or not, nothing is shown.
    await expect
      .poll(() => page.locator('article.note .markdown img').evaluateAll((imgs) => imgs.filter((i) => (i as HTMLImageElement).naturalWidth > 0).length))
      .toBe(0);
  } finally {
    await stop(served);
    await rm(path.dirname(hostile.vault), { recursive: true, force: true });
  }
});

test('token hand-off: the printed code becomes an HttpOnly cookie; a fresh GET / carries no credential', async ({ page, browser }) => {
  test.setTimeout(90_000);
  const hostile = await buildHostileVault();
  const served = await serve(hostile.vault);
  try {
    const code = new URL(served.url).searchParams.get('code')!;
    // Another local program fetching the page learns nothing, and cannot call the API.
    const stranger = await playwrightRequest.newContext();
    const fresh = await stranger.get(served.origin);
    expect(fresh.status()).toBe(200);
    expect(fresh.headers()['set-cookie']).toBeUndefined();
    const html = await fresh.text();
    expect(html).not.toContain(code);
    expect(html).not.toMatch(/cairn-token|cairn-session/);
    expect((await stranger.post(`${served.origin}api/noteList`, { data: {}, headers: { origin: served.origin.slice(0, -1) } })).status()).toBe(403);

    // The user opens the printed URL: signed in, the code leaves the address bar, script cannot read the cookie.
    const app = new AppPage(page, served.url);
    await app.goto();
    expect(page.url()).not.toContain('code=');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: expect.stringMatching(/^cairn-session-\d+$/), httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(html).not.toContain(cookie!.value);
    expect(await page.evaluate(() => document.cookie)).toBe('');
    expect((await stranger.get(`${served.origin}?code=${code}`, { maxRedirects: 0 })).headers()['set-cookie']).toBeUndefined();

    // Reload and a new tab keep working.
    await page.reload();
    await expect(page.getByRole('tree', { name: 'Notes' })).toContainText('image');
    const tab = await page.context().newPage();
    await new AppPage(tab, served.origin).goto(`#/note/${encodeURIComponent('image.md')}`);
    await expect(tab.locator('article.note .markdown')).toContainText('image-note-word');

    // A browser that never opened the printed URL gets the page, and a clear "not signed in".
    const other = await browser.newContext();
    const outsider = await other.newPage();
    await outsider.goto(`${served.origin}#/note/${encodeURIComponent('image.md')}`);
    await expect(outsider.getByRole('alert').filter({ hasText: 'not signed in' }).first()).toBeVisible();
    await other.close();
    await stranger.dispose();
  } finally {
    await stop(served);
    await rm(path.dirname(hostile.vault), { recursive: true, force: true });
  }
});
