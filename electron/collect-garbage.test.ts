import { test } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import { collectGarbage } from './collect-garbage.ts';

const space = (name: string) => v8.getHeapSpaceStatistics().find((s) => s.space_name === name)!;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

// Both ways: through the inspector (the test runner has it, as the app and `cairn serve` do), and
// with `gc()` (Node built without the inspector).
for (const inspector of [true, false]) {
  const how = inspector ? 'through the inspector' : 'with gc()';

  test(`collectGarbage ${how} collects what nothing holds, and leaves no gc() behind for other code`, async () => {
    // The test runner starts without --expose-gc, as the app and `cairn serve` do.
    const hadGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
    let held: { words: string[] } | null = { words: Array.from({ length: 1e5 }, (_, i) => `word ${i}`) };
    const ref = new WeakRef(held);
    held = null;
    // A WeakRef's target lives until the job that made it ends.
    await new Promise((r) => setImmediate(r));
    await collectGarbage({ inspector });
    assert.equal(ref.deref(), undefined, 'collected');
    assert.equal(typeof (globalThis as { gc?: unknown }).gc === 'function', hadGc, 'global gc() as it was');
    await collectGarbage({ inspector });
  });

  test(`collectGarbage ${how} compacts an old generation left with free space on every page`, async () => {
    // Many small objects, promoted to the old generation by a first collection, then every other
    // one let go: each page is left half empty, which V8's own heuristics do not compact.
    let objects = Array.from({ length: 300_000 }, (_, i) => ({ i, word: `w${i}`, list: [i] }));
    await collectGarbage({ inspector });
    objects = objects.filter((o) => o.i % 2 === 0);
    await collectGarbage({ inspector });
    const { space_size: size, space_used_size: used } = space('old_space');
    assert.equal(objects.length, 150_000);
    assert.ok(size - used < 8 * 1048576, `old generation: ${mb(size)} of pages for ${mb(used)} used`);
  });
}

test('collectGarbage through the inspector gives back the young generation the work grew', async () => {
  // Objects that live a little while, as a search's do: the young generation grows to its most.
  let kept: Array<{ i: number; word: string }> = [];
  for (let round = 0; round < 30; round++) {
    for (let i = 0; i < 100_000; i++) kept.push({ i, word: `w${i}` });
    kept = kept.slice(-150_000);
  }
  const grown = space('new_space').physical_space_size;
  await collectGarbage();
  const after = space('new_space').physical_space_size;
  assert.ok(kept.length > 0 && after < grown / 4, `young generation: ${mb(grown)} → ${mb(after)}`);
});
