import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstByLocale, localeOrder } from './locale-order.ts';

// Titles with ties, case, accents, Hangul and digits: what a vault's names hold.
const title = fc.oneof(fc.constantFrom('a', 'A', 'b', 'é', 'e', '세이지', '노트북', '10', '2', 'a-b', 'a b', ''), fc.string({ maxLength: 4 }));

test('firstByLocale gives the first n of a stable sort by localeOrder, ties in their order', () => {
  fc.assert(
    fc.property(fc.array(title, { maxLength: 60 }), fc.integer({ min: 0, max: 70 }), (titles, n) => {
      const items = titles.map((t, i) => ({ t, i }));
      const want = [...items].sort((a, b) => localeOrder(a.t, b.t)).slice(0, n);
      assert.deepEqual(
        firstByLocale(items, n, (x) => x.t),
        want,
      );
    }),
  );
});
