import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Fusion, intersect, WordCounter } from './fuse.ts';

// Lists as FlexSearch answers them: note numbers without repeats, in any order.
const list = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { maxLength: 40 });

test('intersect gives the numbers in every list, and leaves its scratch zero', () => {
  fc.assert(
    fc.property(fc.array(list, { minLength: 1, maxLength: 6 }), (lists) => {
      const seen = new Uint8Array(64);
      const got = intersect(lists, seen).sort((a, b) => a - b);
      const want = lists[0].filter((n) => lists.every((l) => l.includes(n))).sort((a, b) => a - b);
      assert.deepEqual(got, want);
      assert.ok(seen.every((v) => v === 0));
    }),
  );
});

test('WordCounter counts the notes holding at least `need` units, as a set per word, and zeroes its bits', () => {
  fc.assert(
    fc.property(fc.array(fc.array(list, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 4 }), (perWord, need) => {
      const bits = new Int32Array(64);
      const counter = new WordCounter(bits);
      perWord.forEach((fields, w) => {
        for (const ids of fields) counter.add(w, 'body', ids);
      });
      const units = perWord.map((_, w) => [w]);
      const holds = (n: number) => perWord.filter((fields) => fields.some((ids) => ids.includes(n))).length;
      const want = Array.from({ length: 64 }, (_, n) => n).filter((n) => holds(n) > 0 && holds(n) >= need).length;
      assert.equal(
        counter.count(units, need, () => true),
        want,
      );
      assert.ok(bits.every((v) => v === 0));
    }),
  );
});

test('Fusion.collect never offers `keep` a note lacking the `must` words, and keeps the others it takes', () => {
  fc.assert(
    fc.property(fc.array(list, { minLength: 2, maxLength: 3 }), fc.integer({ min: 0, max: 7 }), (perWord, mustBits) => {
      const must = mustBits & ((1 << perWord.length) - 1);
      const fusion = new Fusion();
      fusion.begin(perWord.length, new Int32Array(64));
      perWord.forEach((ids, w) => fusion.add(w, 'body', ids));
      const offered: number[] = [];
      const n = fusion.collect(
        perWord.map((_, w) => [w]),
        1,
        (num, found) => {
          assert.equal(found & must, must);
          offered.push(num);
          return num % 2 === 0;
        },
        must,
      );
      const holds = (num: number, w: number) => perWord[w].includes(num);
      const want = [...new Set(perWord.flat())].filter((num) => perWord.every((_, w) => !(must & (1 << w)) || holds(num, w)));
      assert.deepEqual(
        [...offered].sort((a, b) => a - b),
        want.sort((a, b) => a - b),
      );
      assert.equal(n, want.filter((num) => num % 2 === 0).length);
      fusion.release();
    }),
  );
});
