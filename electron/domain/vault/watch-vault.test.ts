import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Vault, type VaultChange } from './vault.ts';
import { watchVault } from './watch-vault.ts';

/** Waits until `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the index follows writes, renames and deletes on disk', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-watch-'));
  try {
    await writeFile(path.join(dir, 'a.md'), '# A\nlinks to [[b]]');
    const vault = await Vault.open(dir);
    const changes: VaultChange[] = [];
    const watcher = watchVault(vault, (c) => changes.push(c));
    await watcher.ready;
    const hits = (q: string) => vault.search.search(q).map((h) => h.id);

    await writeFile(path.join(dir, 'b.md'), '# B\nfreshly-written words');
    await eventually(() => hits('freshly').includes('b.md'), 'new note indexed');
    assert.deepEqual(
      vault
        .links()
        .backlinks('b.md')
        .map((b) => b.id),
      ['a.md'],
      'the new note resolves the old link',
    );

    await writeFile(path.join(dir, 'b.md'), '# B\nrewritten-content');
    await eventually(() => hits('rewritten').includes('b.md') && hits('freshly').length === 0, 'change indexed');

    await mkdir(path.join(dir, 'sub'));
    await rename(path.join(dir, 'b.md'), path.join(dir, 'sub', 'renamed.md'));
    await eventually(() => hits('rewritten').join() === 'sub/renamed.md', 'rename followed');
    assert.equal(vault.getNote('b.md'), undefined);
    assert.equal(vault.links().outgoing('a.md')[0]?.target, null, '[[b]] no longer resolves');

    await rm(path.join(dir, 'sub', 'renamed.md'));
    await eventually(() => hits('rewritten').length === 0, 'delete followed');
    await watcher.close();
    assert.deepEqual(
      changes.map((c) => `${c.kind} ${c.id}`),
      [
        'add b.md',
        'change b.md',
        ...changes
          .slice(2, 4)
          .map((c) => `${c.kind} ${c.id}`)
          .sort(),
        'delete sub/renamed.md',
      ],
    );
    assert.ok(changes.some((c) => c.kind === 'delete' && c.id === 'b.md') && changes.some((c) => c.kind === 'add' && c.id === 'sub/renamed.md'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
