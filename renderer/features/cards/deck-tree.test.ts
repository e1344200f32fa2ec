import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DeckCounts } from '../../../electron/contract.ts';
import { nestDecks, studyable, visibleDecks } from './deck-tree.ts';

const deck = (name: string, n = 1): DeckCounts => ({ deck: name, new: n, learning: 0, due: 0, unseen: n, total: n });

test('nests sub-tags under their parent, leaves out the whole vault', () => {
  const roots = nestDecks([deck(''), deck('service', 3), deck('service/s3'), deck('service/ec2', 2), deck('exam')]);
  assert.deepEqual(
    roots.map((r) => r.path),
    ['exam', 'service'],
  );
  assert.deepEqual(
    roots[1].children.map((c) => [c.name, c.counts.new]),
    [
      ['ec2', 2],
      ['s3', 1],
    ],
  );
});

test('only expanded decks show their children', () => {
  const roots = nestDecks([deck('a'), deck('a/b'), deck('a/b/c'), deck('d')]);
  const rows = (open: string[]) => visibleDecks(roots, new Set(open)).map((r) => `${r.depth}:${r.node.path}`);
  const cases: Array<[string[], string[]]> = [
    [[], ['0:a', '0:d']],
    [['a'], ['0:a', '1:a/b', '0:d']],
    [
      ['a', 'a/b'],
      ['0:a', '1:a/b', '2:a/b/c', '0:d'],
    ],
    [['a/b'], ['0:a', '0:d']],
  ];
  for (const [open, want] of cases) assert.deepEqual(rows(open), want, open.join());
});

test('a deck is studyable when it has new, learning or due cards', () => {
  assert.equal(studyable({ deck: 'x', new: 1, learning: 2, due: 3, unseen: 1, total: 9 }), 6);
  assert.equal(studyable({ deck: 'x', new: 0, learning: 0, due: 0, unseen: 4, total: 9 }), 0);
});
