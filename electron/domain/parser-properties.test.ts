// Property tests (fast-check): the note parser, the link resolver and the query parser never
// throw on any input and keep their invariants.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseNote } from './notes/parse-note.ts';
import { FileIndex, resolveLink } from './links/resolve-link.ts';
import { parseQuery } from './search/parse-query.ts';
import { SearchIndex } from './search/search-index.ts';

// Markdown-ish text: the characters that matter to the parsers, mixed with Hangul and noise.
const piece = fc.oneof(
  fc.constantFrom(
    '#',
    '##',
    '# ',
    '[[',
    ']]',
    '|',
    '![[',
    '](',
    ')',
    '[',
    ']',
    '`',
    '```',
    '~~~',
    '%%',
    '<!--',
    '-->',
    '$',
    '$$',
    '---',
    '\n',
    ' ',
    '^',
    '#1984',
    '#태그를',
    'tags: [a, b]',
    'aliases: x',
    ':',
    '\\',
    '../',
    '%2F',
    '\u2014',
    '\uFEFF',
    '\u0000',
  ),
  fc.string(),
  fc.constantFrom('세이지메이커', '인스턴스를', 'Note', 'a/b', 'café'),
);
const markdown = fc.array(piece, { maxLength: 60 }).map((parts) => parts.join(''));

test('parseNote never throws and keeps its invariants', () => {
  fc.assert(
    fc.property(markdown, (text) => {
      const note = parseNote('dir/n.md', text);
      const lines = text.split('\n').length;
      for (const tag of note.tags) {
        assert.ok(tag.length > 0 && !/\s/.test(tag) && !tag.startsWith('#'), `tag ${JSON.stringify(tag)}`);
        assert.ok(!/^[0-9/]+$/.test(tag), `numeric tag ${tag}`);
      }
      for (const h of note.headings) assert.ok(h.level >= 1 && h.level <= 6 && h.line >= 1 && h.line <= lines);
      for (const l of note.links) {
        assert.ok(['wikilink', 'embed', 'markdown'].includes(l.kind));
        assert.ok(l.line >= 1 && l.line <= lines, `link line ${l.line} of ${lines}`);
        assert.ok(text.normalize('NFC').includes(l.raw), 'raw is a slice of the note');
      }
      assert.equal(new Set(note.tags.map((t) => t.toLowerCase())).size, note.tags.length, 'tags are unique case-insensitively');
    }),
    { numRuns: 1500 },
  );
});

test('resolveLink never throws; a target is always a vault file and never escapes', () => {
  const ids = ['a.md', 'x/a.md', 'x/y/b.md', 'Case.md', 'case.md', '한글.md', 'img/p.png'];
  const files = new FileIndex(ids);
  const linkPath = fc
    .array(fc.oneof(fc.constantFrom('..', '.', '/', 'a', 'x', 'y', 'b', '.md', 'Case', '한글', '\\', '\0', 'img', 'p.png'), fc.string({ maxLength: 4 })), {
      maxLength: 8,
    })
    .map((p) => p.join(''));
  fc.assert(
    fc.property(linkPath, fc.constantFrom(...ids), (p, from) => {
      const r = resolveLink(p, from, files);
      if (r.target !== null) assert.ok(ids.includes(r.target), `${p} → ${r.target}`);
      assert.ok(!r.ambiguous || r.target !== null);
    }),
    { numRuns: 3000 },
  );
});

test('parseQuery never throws; tags are lower-case without # or spaces', () => {
  fc.assert(
    fc.property(
      fc.array(fc.oneof(fc.constantFrom('tag:', '#', '"', ' ', 'tag:A/B', '#1984', '인스턴스'), fc.string()), { maxLength: 20 }).map((p) => p.join('')),
      (q) => {
        const parsed = parseQuery(q);
        for (const t of parsed.tags) assert.ok(t === t.toLowerCase() && !/\s/.test(t) && !t.startsWith('#'), t);
        for (const p of parsed.phrases) assert.ok(!p.includes('"'));
      },
    ),
    { numRuns: 2000 },
  );
});

test('search never throws on any query and every hit exists', () => {
  const idx = new SearchIndex();
  for (const [id, text] of [
    ['a.md', '# 세이지메이커\n인스턴스를 #tag'],
    ['b.md', 'café processing "quoted"'],
  ])
    idx.put(parseNote(id, text));
  fc.assert(
    fc.property(fc.string({ maxLength: 40 }), (q) => {
      for (const h of idx.search(q)) assert.ok(['a.md', 'b.md'].includes(h.id));
    }),
    { numRuns: 1500 },
  );
});
