import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fc from 'fast-check';
import { FileIndex, isNormalPath, resolveLink } from './resolve-link.ts';

const files = new FileIndex([
  'Note.md',
  'a/Note.md',
  'a/b/Note.md',
  'x/Other.md',
  'y/deep/Other.md',
  'z/Other.md',
  'a/Beside.md',
  'c/Beside.md',
  'img/diagram.png',
  '한글/세이지메이커.md',
]);

describe('resolveLink (electron/domain/README.md §1 order)', () => {
  const cases: Array<[string, string, string, string | null, boolean]> = [
    // [name, link path, from note, expected target, ambiguous]
    ['1) exact vault path wins over the note beside', 'Note', 'a/b/x.md', 'Note.md', false],
    ['1) exact path with .md', 'a/Note.md', 'z/q.md', 'a/Note.md', false],
    ['1) exact path is case-insensitive', 'A/NOTE', 'z/q.md', 'a/Note.md', false],
    ['2) relative to the linking note folder', 'Beside', 'c/from.md', 'c/Beside.md', false],
    ['2) ../ relative path', '../c/Beside', 'a/from.md', 'c/Beside.md', false],
    ['3) shortest path ending in /link, reported ambiguous', 'Other', 'q.md', 'x/Other.md', true],
    ['3) alphabetical among equal lengths', 'Beside', 'q.md', 'a/Beside.md', true],
    ['3) partial folder path', 'deep/Other', 'q.md', 'y/deep/Other.md', false],
    ['attachments resolve to the file', 'diagram.png', 'q.md', 'img/diagram.png', false],
    ['Korean names, NFD input', '세이지메이커'.normalize('NFD'), 'q.md', '한글/세이지메이커.md', false],
    ['unresolved', 'Missing', 'q.md', null, false],
    ['escape out of the vault never resolves', '../../etc/passwd', 'a/q.md', null, false],
    ['a leading slash is the vault root', '/x/Other', 'q.md', 'x/Other.md', false],
    ['empty path is the note itself', '', 'a/q.md', 'a/q.md', false],
  ];
  for (const [name, link, from, target, ambiguous] of cases) {
    test(name, () => {
      const r = resolveLink(link, from, files);
      assert.equal(r.target, target);
      assert.equal(r.ambiguous, ambiguous);
    });
  }

  test('name collisions follow file additions and removals', () => {
    const idx = new FileIndex(['p/Dup.md']);
    assert.deepEqual(resolveLink('Dup', 'q.md', idx), { target: 'p/Dup.md', ambiguous: false, candidates: [] });
    idx.add('o/Dup.md');
    assert.equal(resolveLink('Dup', 'q.md', idx).ambiguous, true);
    idx.remove('p/Dup.md');
    assert.deepEqual(resolveLink('Dup', 'q.md', idx), { target: 'o/Dup.md', ambiguous: false, candidates: [] });
  });
});

test('property: a path resolveLink takes for normal (isNormalPath) is what path.posix.normalize gives, alone and joined to a folder', () => {
  const segment = fc.constantFrom('.', '..', '', 'a', 'Note', 'note.md', '노트', 'x y', '...', '.hidden', 'b.', 'ü');
  const folder = fc.constantFrom('', 'a', 'a/b', '노트/폴더');
  fc.assert(
    fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), folder, (segments, dir) => {
      const p = segments.join('/').replace(/^\/+/, '');
      if (!isNormalPath(p)) return;
      assert.equal(path.posix.normalize(p), p);
      const joined = dir === '' ? p : `${dir}/${p}`;
      assert.equal(path.posix.normalize(path.posix.join(dir, p)), joined);
    }),
    { numRuns: 3000 },
  );
  // And the ones it does not take: each has something normalize changes.
  for (const p of ['./a', 'a/./b', 'a/..', '..', '.', 'a//b', 'a/../b']) assert.equal(isNormalPath(p), false, p);
});
