// Any query string answers without throwing (issue: control characters, 10k characters, lone
// surrogates, regex metacharacters, only punctuation), on an index holding real notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNote } from '../notes/parse-note.ts';
import { SearchIndex } from './search-index.ts';

const idx = new SearchIndex();
idx.put(
  parseNote(
    'a.md',
    '---\ntags: [service/ec2]\naliases: [인스턴스 유형]\n---\n# 세이지메이커 노트북\nSavings Plans cut the cost of ml.m5.large instances by (up to) 64%.',
  ),
);
idx.put(parseNote('b.md', '# Regex $^.*+?()[]{}|\\\nS3버킷을 만들고 "quoted" text, 줄이려면 -minus tag:#2024'));

const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u001f', '\ud800', '\udfff', '"', '-', '#', ':', '*', '(', '[', '\\', '|', '$', '^', ' ', '인', 'a', '\u200b'),
    maxLength: 60,
  }),
  fc.constantFrom(
    'x'.repeat(10_000),
    '인스턴스 '.repeat(2_000),
    '"'.repeat(999),
    '-'.repeat(50),
    'tag:',
    'tag:#',
    '#',
    '""',
    '-""',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: regex metacharacters typed as a query, `${` included
    '.*+?^${}()|[]\\',
    '\ud800\udc00\ud800',
    '!!!???',
  ),
);

test('any query answers without throwing, with valid hits', () => {
  fc.assert(
    fc.property(hostile, fc.integer({ min: -5, max: 300 }), (q, limit) => {
      const { hits, total } = idx.searchWithTotal(q, limit);
      assert.ok(total >= hits.length);
      for (const h of hits) assert.ok(['a.md', 'b.md'].includes(h.id) && typeof h.snippet === 'string');
      idx.candidates(q);
    }),
    { numRuns: 400 },
  );
});
