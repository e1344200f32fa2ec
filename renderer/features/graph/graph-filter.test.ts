import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GlobalGraph } from '../../../electron/contract.ts';
import { filterGraph, folders, tags } from './graph-filter.ts';

const graph: GlobalGraph = {
  nodes: [
    { id: 'aws/cost/plans.md', title: 'plans', tags: ['service/sagemaker', 'exam'] },
    { id: 'aws/map.md', title: 'map', tags: ['MOC'] },
    { id: 'aws/ec2/spot.md', title: 'spot', tags: ['service/ec2'] },
    { id: 'readme.md', title: 'readme', tags: [] },
  ],
  edges: [
    { from: 'aws/map.md', to: 'aws/cost/plans.md' },
    { from: 'aws/map.md', to: 'aws/ec2/spot.md' },
    { from: 'readme.md', to: 'aws/map.md' },
  ],
};

test('folders and tags list every level, sorted', () => {
  assert.deepEqual(folders(graph), ['aws', 'aws/cost', 'aws/ec2']);
  assert.deepEqual(tags(graph), ['exam', 'MOC', 'service', 'service/ec2', 'service/sagemaker']);
});

test('a tag filter keeps nested tags; a folder filter keeps subfolders; edges follow the nodes', () => {
  const byTag = filterGraph(graph, { tag: 'Service', folder: '' });
  assert.deepEqual(byTag.ids, ['aws/cost/plans.md', 'aws/ec2/spot.md']);
  assert.equal(byTag.links.length, 0);
  const byFolder = filterGraph(graph, { tag: '', folder: 'aws' });
  assert.deepEqual(byFolder.ids, ['aws/cost/plans.md', 'aws/map.md', 'aws/ec2/spot.md']);
  assert.deepEqual([...byFolder.links], [1, 0, 1, 2]);
  assert.deepEqual(byFolder.adjacency, [[1], [0, 2], [1]]);
  assert.equal(filterGraph(graph, { tag: '', folder: 'aws/c' }).ids.length, 0);
  assert.equal(filterGraph(graph, { tag: '', folder: '' }).ids.length, 4);
});
