import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from './parse-note.ts';

const linksOf = (text: string) => parseNote('dir/source.md', text).links.map(({ kind, path, subpath, display }) => ({ kind, path, subpath, display }));

describe('link forms (electron/domain/README.md §1)', () => {
  const cases: Array<[string, string, object[]]> = [
    ['wikilink', '[[Note]]', [{ kind: 'wikilink', path: 'Note', subpath: null, display: null }]],
    ['with .md', '[[Note.md]]', [{ kind: 'wikilink', path: 'Note.md', subpath: null, display: null }]],
    ['folder path', '[[folder/Note]]', [{ kind: 'wikilink', path: 'folder/Note', subpath: null, display: null }]],
    ['display text', '[[Note|shown text]]', [{ kind: 'wikilink', path: 'Note', subpath: null, display: 'shown text' }]],
    ['heading', '[[Note#Heading two]]', [{ kind: 'wikilink', path: 'Note', subpath: 'Heading two', display: null }]],
    ['block', '[[Note#^block-id]]', [{ kind: 'wikilink', path: 'Note', subpath: '^block-id', display: null }]],
    ['same-note heading', '[[#Heading]]', [{ kind: 'wikilink', path: '', subpath: 'Heading', display: null }]],
    ['embed', '![[Note]]', [{ kind: 'embed', path: 'Note', subpath: null, display: null }]],
    ['table-escaped pipe', '| [[Note\\|shown]] |', [{ kind: 'wikilink', path: 'Note', subpath: null, display: 'shown' }]],
    ['markdown link, percent-decoded', '[text](folder/Note%20name.md)', [{ kind: 'markdown', path: 'folder/Note name.md', subpath: null, display: 'text' }]],
    ['markdown link with heading', '[t](a.md#Some%20Head)', [{ kind: 'markdown', path: 'a.md', subpath: 'Some Head', display: 't' }]],
    ['markdown link in angle brackets', '[t](<my note.md>)', [{ kind: 'markdown', path: 'my note.md', subpath: null, display: 't' }]],
    ['external URLs are not note links', '[w](https://aws.amazon.com) [m](mailto:a@b.c) [x](#local)', []],
    ['fenced code holds no link', '```\n[[Code]]\n```', []],
    ['inline code holds no link', '`[[Code]]` and ``[x](y.md)``', []],
    ['comment holds no link', '%%[[Hidden]]%%', []],
    ['Korean names', '[[세이지메이커 노트북]]', [{ kind: 'wikilink', path: '세이지메이커 노트북', subpath: null, display: null }]],
  ];
  for (const [name, text, expected] of cases) test(name, () => assert.deepEqual(linksOf(text), expected));

  test('links keep the order of appearance and their line numbers', () => {
    const note = parseNote('a.md', '---\ntitle: x\n---\nfirst [[B]]\n\nthen [c](C.md) and ![[D]]');
    assert.deepEqual(
      note.links.map((l) => [l.path, l.line]),
      [
        ['B', 4],
        ['C.md', 6],
        ['D', 6],
      ],
    );
  });

  test('block ids are collected', () => {
    assert.deepEqual(parseNote('a.md', 'A paragraph. ^para-1\n\n```\nx ^code\n```').blockIds, ['para-1']);
  });
});
