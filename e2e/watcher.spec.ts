// The file watcher at the system's limit of watches (README.md, "How it is built"): a vault of many
// folders can need more watches than Linux allows one user (fs.inotify.max_user_watches), a limit
// all of the user's programs share. The app walks the vault for changes instead: it must say that
// edits on disk show late, show them, and go on working.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, serve, SEED, stop, tempVault, test } from './fixtures.ts';
import { AppPage } from './pages/AppPage.ts';

/** Runs `cairn serve` in a user namespace of its own whose limit is `watches` watches: the
 *  limit counts there and in the namespace above, so the rest of the machine keeps its own. */
const underWatchLimit = (watches: number) => [
  'unshare',
  '--user',
  '--map-root-user',
  'sh',
  '-c',
  `echo ${watches} > /proc/sys/user/max_inotify_watches && exec "$@"`,
  'sh',
];

const canLimit =
  spawnSync('sh', [
    '-c',
    `${underWatchLimit(5)
      .map((a) => `'${a}'`)
      .join(' ')} true`,
  ]).status === 0;

test('at the system limit of watches, the top bar and the terminal say edits on disk show late; a note written on disk shows; the app works on', async ({
  page,
}) => {
  if (!canLimit) console.log('no user namespaces here (unshare --user failed): the watch-limit e2e test is SKIPPED');
  test.skip(!canLimit, 'user namespaces are not available on this machine');
  const vault = await tempVault();
  // A watch per folder: more folders than the limit.
  for (let i = 0; i < 6; i++) await mkdir(path.join(vault, `folder-${i}`));
  const served = await serve(vault, undefined, { watching: false, wrap: underWatchLimit(5) });
  try {
    const app = new AppPage(page, served.url);
    await app.goto();
    const notice = page.locator('.index-notice');
    const said =
      "Changes made outside Cairn show within about 5 s, not at once: the system's limit on watched folders was reached, so Cairn walks the vault for them. Raise it (on Linux: sudo sysctl fs.inotify.max_user_watches=524288), then reopen the vault for them to show at once.";
    // The top bar shows its start; a click (or Enter) opens the whole line below it.
    await expect(notice.locator('summary')).toHaveText(said);
    await notice.locator('summary').click();
    await expect(notice.locator('.index-notice-full')).toHaveText(said);
    await expect(notice.locator('.index-notice-full')).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: 'e2e/artifacts/watch-limit-notice.png' });
    // A click elsewhere closes it, and so does Esc.
    await page.locator('main').click({ position: { x: 400, y: 400 } });
    await expect(notice.locator('.index-notice-full')).toBeHidden();
    await notice.locator('summary').click();
    await expect(notice.locator('.index-notice-full')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(notice.locator('.index-notice-full')).toBeHidden();
    // Said once in the terminal too.
    await expect.poll(() => served.errors().match(/system's limit on watched folders/g)?.length ?? 0).toBe(1);
    // A note written on disk shows in the list after a walk, without a reload, in a new folder too.
    await mkdir(path.join(vault, 'folder-new'));
    await writeFile(path.join(vault, 'folder-new', 'walked-in.md'), '# Walked in\n\nFound by a walk of the vault.\n');
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByRole('tree', { name: 'Notes' })).toContainText('walked-in', { timeout: 15_000 });
    // The vault answers as before.
    await app.goto(`#/note/${encodeURIComponent(SEED)}`);
    await expect(app.noteTitle()).toContainText('cost-sagemaker-processing-optimization');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
  } finally {
    await stop(served);
    await rm(vault, { recursive: true, force: true });
  }
});
