import { test } from 'node:test';
import assert from 'node:assert/strict';
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
