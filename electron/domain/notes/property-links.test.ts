import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseNote } from './parse-note.ts';
import { FileIndex } from '../links/resolve-link.ts';
import { contextAt, LinkGraph } from '../links/link-graph.ts';

const linksOf = (yaml: string) =>
  parseNote('n.md', `---\n${yaml}\n---\nbody`).links.map(({ path, subpath, display, line, property }) => ({ path, subpath, display, line, property }));

describe('property links (links in frontmatter values)', () => {
  const cases: Array<[string, string, object[]]> = [
    ['quoted string', 'related: "[[Some note]]"', [{ path: 'Some note', subpath: null, display: null, line: 2, property: 'related' }]],
    ['single-quoted with display', "up: '[[Parent|the parent]]'", [{ path: 'Parent', subpath: null, display: 'the parent', line: 2, property: 'up' }]],
    ['unquoted (YAML reads a list in a list)', 'up: [[Parent]]', [{ path: 'Parent', subpath: null, display: null, line: 2, property: 'up' }]],
    [
      'list items, quoted and not',
      'categories:\n  - "[[Clippings]]"\n  - [[Topic|shown]]\n  - plain text',
      [
        { path: 'Clippings', subpath: null, display: null, line: 3, property: 'categories' },
        { path: 'Topic', subpath: null, display: 'shown', line: 4, property: 'categories' },
      ],
    ],
    [
      'flow list of quoted links',
      'see: ["[[A]]", "[[B#Head]]"]',
      [
        { path: 'A', subpath: null, display: null, line: 2, property: 'see' },
        { path: 'B', subpath: 'Head', display: null, line: 2, property: 'see' },
      ],
    ],
    [
      'links inside longer text',
      'source: "from [[Book#^p1|p. 1]] and [[Other]]"',
      [
        { path: 'Book', subpath: '^p1', display: 'p. 1', line: 2, property: 'source' },
        { path: 'Other', subpath: null, display: null, line: 2, property: 'source' },
      ],
    ],
    [
      'the same link twice gets both lines',
      'a: "[[X]]"\nb: "[[X]]"',
      [
        { path: 'X', subpath: null, display: null, line: 2, property: 'a' },
        { path: 'X', subpath: null, display: null, line: 3, property: 'b' },
      ],
    ],
    ['a YAML comment is no link', '# [[Commented]]\nk: v', []],
    ['numbers, dates and booleans hold none', 'n: 3\nd: 2024-01-02\nb: true', []],
  ];
  for (const [name, yaml, expected] of cases) test(name, () => assert.deepEqual(linksOf(yaml), expected));

  test('broken YAML yields no property links and keeps body links', () => {
    const note = parseNote('n.md', '---\nrelated: "[[A]]\n  bad: [\n---\n[[B]]');
    assert.deepEqual(
      note.links.map((l) => l.path),
      ['B'],
    );
  });

  test('property links count as outgoing links and backlinks, with the property as context', () => {
    const a = parseNote('a.md', '---\nrelated: "[[b]]"\n---\nno body link');
    const b = parseNote('b.md', 'target');
    const graph = LinkGraph.build([a, b], new FileIndex(['a.md', 'b.md']));
    assert.deepEqual(
      graph.outgoing('a.md').map((l) => l.target),
      ['b.md'],
    );
    assert.deepEqual(
      graph.backlinks('b.md').map((l) => ({ ...l, context: contextAt(a, l.line) })),
      [{ id: 'a.md', line: 2, context: 'related: b' }],
    );
  });

  test('backlink context shows links as the reader does, never a raw ^', () => {
    const a = parseNote('a.md', 'see [[b#^blk]], [[b#Head]] and [[b#^x|shown]]');
    const graph = LinkGraph.build([a, parseNote('b.md', 'x')], new FileIndex(['a.md', 'b.md']));
    assert.deepEqual(
      graph.backlinks('b.md').map((l) => contextAt(a, l.line)),
      ['see b › blk, b › Head and shown'],
    );
  });
});
