import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TermCounter, Vocabulary } from './spelling.ts';

/** Each note's distinct terms, as SearchIndex.put gives them. */
const vocabularyOf = (notes: string[][]) => {
  const v = new Vocabulary();
  for (const terms of notes) v.add(terms);
  return v;
};

describe('Vocabulary.completions (the body is searched by prefix through them)', () => {
  test('the commonest longer words that begin with the term, most first', () => {
    const v = vocabularyOf([
      ['instance', 'instant', 'inside'],
      ['instance', 'instant'],
      ['instance', 'install', 'in'],
      ['인스턴스', 'instance'],
    ]);
    assert.deepEqual(v.completions('inst', 2), ['instance', 'instant']);
    assert.deepEqual(v.completions('in', 8), ['instance', 'instant', 'inside', 'install']);
    assert.deepEqual(v.completions('i', 1), ['instance'], 'one letter reads every start that begins with it');
    assert.deepEqual(v.completions('instance', 8), [], 'the term itself is not a completion');
    assert.deepEqual(v.completions('인스', 8), [], 'Hangul is searched by syllable pairs, not completed');
    assert.deepEqual(v.completions('zz', 8), []);
  });

  test('a word seen later is a completion at once', () => {
    const v = vocabularyOf([['spot']]);
    assert.deepEqual(v.completions('sp', 8), ['spot']);
    v.add(['spotlight']);
    assert.deepEqual(v.completions('sp', 8), ['spot', 'spotlight']);
  });

  test('the same answer whatever order the words came in, and after a snapshot', () => {
    const words = fc.array(fc.constantFrom('sa', 'sag', 'sage', 'sagemaker', 'savings', 'save', 'saved', 'spot', 's3'), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(words, { minLength: 1, maxLength: 12 }),
        fc.constantFrom('s', 'sa', 'sag', 'sav'),
        fc.integer({ min: 1, max: 4 }),
        (notes, term, max) => {
          const sets = notes.map((n) => [...new Set(n)]);
          const a = vocabularyOf(sets);
          const b = vocabularyOf([...sets].reverse());
          const want = a.completions(term, max);
          assert.deepEqual(b.completions(term, max), want);
          assert.deepEqual(Vocabulary.from(a.toJSON()).completions(term, max), want);
          for (const w of want) assert.ok(w.startsWith(term) && w.length > term.length);
        },
      ),
    );
  });
});

describe('Vocabulary.remove (a note changed or deleted takes its terms back)', () => {
  test('a term left in no note is no correction or completion any more; one still in a note stays', () => {
    const v = vocabularyOf([
      ['sagemaker', 'spotlight', 'savings'],
      ['sagemaker', 'savings'],
    ]);
    v.remove(['sagemaker', 'spotlight', 'savings']);
    assert.deepEqual(v.completions('spo', 8), [], 'spotlight was in the removed note only');
    assert.deepEqual(v.corrections('spotlihgt'), []);
    assert.deepEqual(v.completions('sa', 8), ['savings', 'sagemaker'], 'as common: the shorter first');
    assert.deepEqual(v.corrections('sagemkaer'), ['sagemaker']);
    v.remove(['sagemaker', 'savings']);
    assert.equal(v.size, 0);
    assert.deepEqual(v.completions('sa', 8), []);
    v.remove(['never-added']);
    assert.equal(v.size, 0, 'a term it never had is ignored');
  });

  test('adding notes and removing some gives the vocabulary of the notes left', () => {
    const word = fc.constantFrom('instance', 'instant', 'install', '인스턴스', 'spot', 'spotlight', 'sagemaker', 'savings', 'save');
    const notes = fc.array(fc.uniqueArray(word, { maxLength: 6 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(notes, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.constantFrom('in', 'ins', 'sp', 'sa', 's'), (terms, gone, term) => {
        const v = vocabularyOf(terms);
        terms.forEach((t, i) => gone[i] && v.remove(t));
        const left = vocabularyOf(terms.filter((_, i) => !gone[i]));
        assert.deepEqual(new Map(v.toJSON()), new Map(left.toJSON()));
        assert.deepEqual(v.completions(term, 3), left.completions(term, 3));
        for (const typo of ['instanse', 'spotlihgt', 'savigns']) assert.deepEqual(new Set(v.corrections(typo, 9)), new Set(left.corrections(typo, 9)));
      }),
    );
  });
});

describe('Vocabulary.merging (a cold open counts terms on the parse threads)', () => {
  test('counts taken in parts, each over ascending notes, make the vocabulary of adding every note in order', () => {
    const word = fc.constantFrom('instance', 'instant', '인스턴스', 'spot', 'sagemaker', 'cost', '비용', 'ml', 'gpu', 'savings');
    const notes = fc.array(fc.uniqueArray(word, { maxLength: 6 }), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(notes, fc.array(fc.nat(2), { minLength: 40, maxLength: 40 }), (terms, threadOf) => {
        // Notes numbered 1, 2, 3…, each counted by one of three threads (as batches reach whichever is free).
        const counters = [new TermCounter(), new TermCounter(), new TermCounter()];
        terms.forEach((t, i) => counters[threadOf[i]].add(i + 1, t));
        const merged = Vocabulary.merging(counters.map((c) => c.take()));
        const sequential = vocabularyOf(terms);
        // The same terms, counts and order (the order decides ties in the spelling pass).
        assert.deepStrictEqual(merged.toJSON(), sequential.toJSON());
        assert.deepStrictEqual(merged, sequential);
      }),
    );
  });
});
