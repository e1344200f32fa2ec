import assert from 'node:assert/strict';
import { test } from 'node:test';
import { globalGraph, localGraph, type GraphLinks } from './graph-view.ts';

// a → b → c → d → e (a chain), f → a, b → pic.png, a → missing (unresolved), b → b.md#self
function chain(): GraphLinks {
  const out: Record<string, Array<string | null>> = {
    'a.md': ['b.md', null],
    'b.md': ['c.md', 'pic.png', 'b.md'],
    'c.md': ['d.md'],
    'd.md': ['e.md'],
    'f.md': ['a.md'],
  };
  const outgoing = new Map(Object.entries(out).map(([k, v]) => [k, v.map((target) => ({ target }))]));
  const incoming = new Map<string, Array<{ id: string }>>();
  for (const [from, targets] of Object.entries(out)) for (const t of targets) if (t && t !== from) incoming.set(t, [...(incoming.get(t) ?? []), { id: from }]);
  return { outgoing: (id) => outgoing.get(id) ?? [], backlinks: (id) => incoming.get(id) ?? [] };
}
const title = (id: string) => (id === 'missing.md' ? undefined : id.replace('.md', '').toUpperCase());

test('depth 1, 2 and 3 walk links both ways, nearest first', () => {
  const depths = (d: number) => Object.fromEntries(localGraph(chain(), 'c.md', d, title).nodes.map((n) => [n.id, n.depth]));
  assert.deepEqual(depths(1), { 'c.md': 0, 'd.md': 1, 'b.md': 1 });
  assert.deepEqual(depths(2), { 'c.md': 0, 'd.md': 1, 'b.md': 1, 'e.md': 2, 'a.md': 2 });
  assert.deepEqual(depths(3), { 'c.md': 0, 'd.md': 1, 'b.md': 1, 'e.md': 2, 'a.md': 2, 'f.md': 3 });
});

test('edges join kept notes once; attachments, self-links and unresolved links are no nodes', () => {
  const g = localGraph(chain(), 'b.md', 1, title);
  assert.deepEqual(g.nodes.map((n) => n.id).sort(), ['a.md', 'b.md', 'c.md']);
  assert.deepEqual(g.edges, [
    { from: 'b.md', to: 'c.md' },
    { from: 'a.md', to: 'b.md' },
  ]);
  assert.equal(g.nodes.find((n) => n.id === 'a.md')?.title, 'A');
});

test('a node cap keeps the nearest notes and counts the rest', () => {
  const g = localGraph(chain(), 'c.md', 3, title, 4);
  assert.deepEqual(
    g.nodes.map((n) => n.depth),
    [0, 1, 1, 2],
  );
  // a.md is left out at depth 2, so f.md (reached only through it) is never met.
  assert.equal(g.omitted, 1);
  assert.deepEqual(
    g.nodes.map((n) => n.id),
    ['c.md', 'd.md', 'b.md', 'e.md'],
  );
});

test('the global graph has every note, its tags, and links between notes only', () => {
  const notes = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md'].map((id) => ({ id, title: id, tags: id === 'a.md' ? ['x/y'] : [] }));
  const g = globalGraph(chain(), notes);
  assert.equal(g.nodes.length, 6);
  assert.deepEqual(g.nodes[0].tags, ['x/y']);
  assert.equal(g.edges.length, 5);
  assert.ok(g.edges.every((e) => e.to.endsWith('.md') && e.from !== e.to));
});
