import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NoteView } from '../../../electron/contract.ts';
import { readNextNotes } from './read-next.ts';

const link = (target: string | null) => ({ raw: `[[${target}]]`, kind: 'wikilink', target, subpath: null, display: null, line: 1, ambiguous: false });
const note = (links: Array<string | null>, backlinks: string[] = []) =>
  ({ id: 'a/self.md', links: links.map(link), backlinks: backlinks.map((id) => ({ id, title: `T ${id}`, line: 1, context: '' })) }) as unknown as NoteView;

test('outgoing links first, resolved notes only, each once, then backlinks, at most five', () => {
  const cases: Array<[NoteView, string[]]> = [
    [note(['a/x.md', null, 'a/x.md', 'img/p.png', 'a/self.md', 'b/y.md']), ['x', 'y']],
    [note([], ['c/z.md']), ['T c/z.md']],
    [note(['a/x.md'], ['a/x.md', 'c/z.md']), ['x', 'T c/z.md']],
    [note(['1.md', '2.md', '3.md', '4.md', '5.md', '6.md']), ['1', '2', '3', '4', '5']],
  ];
  for (const [n, want] of cases)
    assert.deepEqual(
      readNextNotes(n).map((r) => r.title),
      want,
    );
});
