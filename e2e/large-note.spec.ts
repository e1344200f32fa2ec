// A 1 MB note opens quickly: its first part paints at once, the rest follows. The time is
// measured in the page and written to e2e/artifacts/timings.json (a report, not a timed test:
// the bound asserted here only catches a renderer that waits for the whole note).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTIFACTS, ROOT, SEED, expect, test } from './fixtures.ts';

async function oneMegabyteNote(): Promise<string> {
  const seed = (await readFile(path.join(ROOT, 'notes', SEED), 'utf8')).split('---').slice(2).join('---');
  let body = '# Big note\n';
  for (let i = 0; Buffer.byteLength(body) < 1024 * 1024; i++) {
    body += `\n## Section ${i}\n${seed.replace(/^#/gm, '###')}\n[[sagemaker-savings-plans]] #tag${i}\n`;
  }
  return body + '\n## The very end\nlast-line-of-the-big-note\n';
}

test('a 1 MB note opens in its first part at once and then shows the rest', async ({ app, page, served }) => {
  await writeFile(path.join(served.vault, 'big.md'), await oneMegabyteNote());
  await app.goto();
  await expect(page.getByRole('tree', { name: 'Notes' })).toContainText('big');
  const timings: number[] = [];
  for (let run = 0; run < 3; run++) {
    await app.goto();
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      location.hash = '#/note/big.md';
      await new Promise<void>((resolve) => {
        const check = () =>
          document.querySelector('h1.note-title')?.textContent === 'big' && document.querySelector('article.note .markdown h2')
            ? resolve()
            : requestAnimationFrame(check);
        check();
      });
      return performance.now() - t0;
    });
    timings.push(Math.round(ms));
  }
  await expect(app.markdown().last()).toContainText('last-line-of-the-big-note', { timeout: 30_000 });
  await writeFile(path.join(ARTIFACTS, 'timings.json'), JSON.stringify({ openOneMegabyteNoteMs: timings }, null, 2));
  console.log(`1 MB note, time to first paint (ms): ${timings.join(', ')}`);
  expect(Math.min(...timings)).toBeLessThan(1000);
});
