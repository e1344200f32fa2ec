// The bench's FlexSearch anchor must do the work it stands for: an index that holds nothing
// would still print a time. Checked on the shipped vault.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { flexsearchEngine } from './flexsearch-engine.ts';

const NOTES = path.join(import.meta.dirname, '../../../notes');

describe('bench anchors on the shipped vault', () => {
  test('FlexSearch with its defaults finds a note by a word of its text and by its tag', async () => {
    const e = flexsearchEngine();
    await e.coldIndex(NOTES, '');
    assert.ok(e.search!('checkpoint').includes('aws/ec2/spot-interruption-handling.md'));
    // FlexSearch's tag filter is an exact match: the tag as written in the frontmatter.
    const tagged = e.search!('tag:service/ec2 spot');
    assert.ok(tagged.length > 0);
    assert.ok(tagged.includes('aws/ec2/spot-interruption-handling.md'));
    assert.deepEqual(e.search!('zqnosuchword'), []);
  });

  test('FlexSearch takes in a changed note, and the old text is gone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-anchor-'));
    try {
      await cp(NOTES, dir, { recursive: true });
      const e = flexsearchEngine();
      await e.coldIndex(dir, '');
      const abs = path.join(dir, 'aws/ec2/spot-interruption-handling.md');
      await writeFile(abs, `${await readFile(abs, 'utf8')}\n\nzqanchorword\n`);
      await e.fileChanged!(abs);
      assert.deepEqual(e.search!('zqanchorword'), ['aws/ec2/spot-interruption-handling.md']);
      await writeFile(abs, '# Emptied\n');
      await e.fileChanged!(abs);
      assert.deepEqual(e.search!('zqanchorword'), []);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
