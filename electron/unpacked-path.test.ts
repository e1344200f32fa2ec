import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { unpackedPath } from './unpacked-path.ts';

test('a path inside app.asar maps to app.asar.unpacked; others stay as they are', () => {
  const packaged = path.join(path.sep, 'opt', 'Cairn', 'resources', 'app.asar', 'out');
  assert.equal(unpackedPath(packaged), path.join(path.sep, 'opt', 'Cairn', 'resources', 'app.asar.unpacked', 'out'));
  const source = path.join(path.sep, 'work', 'cairn', 'out');
  assert.equal(unpackedPath(source), source);
  // Only a whole path component counts: a folder merely named like it is left alone.
  const lookalike = path.join(path.sep, 'home', 'me', 'my-app.asar-notes', 'out');
  assert.equal(unpackedPath(lookalike), lookalike);
});
