import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { collectGarbage } from './collect-garbage.ts';

test('collectGarbage collects what nothing holds, and leaves no gc() behind for other code', async () => {
  // The test runner starts without --expose-gc, as the app and `cairn serve` do.
  const hadGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  let held: { words: string[] } | null = { words: Array.from({ length: 1e5 }, (_, i) => `word ${i}`) };
  const ref = new WeakRef(held);
  held = null;
  // A WeakRef's target lives until the job that made it ends.
  await new Promise((r) => setImmediate(r));
  await collectGarbage();
  assert.equal(ref.deref(), undefined, 'collected');
  assert.equal(typeof (globalThis as { gc?: unknown }).gc === 'function', hadGc, 'global gc() as it was');
  await collectGarbage();
});

test('collectGarbage compacts an old generation left with free space on every page', async () => {
  const oldSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!;
  // Many small objects, promoted to the old generation by a first collection, then every other
  // one let go: each page is left half empty, which V8's own heuristics do not compact.
  let objects = Array.from({ length: 300_000 }, (_, i) => ({ i, word: `w${i}`, list: [i] }));
  await collectGarbage();
  objects = objects.filter((o) => o.i % 2 === 0);
  await collectGarbage();
  const { space_size: size, space_used_size: used } = oldSpace();
  const freeMB = (size - used) / 1048576;
  assert.ok(objects.length === 150_000 && freeMB < 8, `old generation: ${(size / 1048576).toFixed(1)} MB of pages for ${(used / 1048576).toFixed(1)} MB used`);
});
