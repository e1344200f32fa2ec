import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Vault, type VaultChange } from './vault.ts';
import { watchNotice, watchVault } from './watch-vault.ts';

/** Waits until `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const backlinkIds = (vault: Vault, id: string) =>
  vault
    .links()
    .backlinks(id)
    .map((b) => b.id);

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
    assert.deepEqual(backlinkIds(vault, 'b.md'), ['a.md'], 'the new note resolves the old link');

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
    // A rename is a delete and an add, in either order; a write heard twice (its truncation and
    // its bytes, apart) is read twice.
    const seen = changes.map((c) => `${c.kind} ${c.id}`).filter((c, i, all) => c !== all[i - 1]);
    assert.deepEqual(
      [...seen.slice(0, 2), ...seen.slice(2, 4).sort(), ...seen.slice(4)],
      ['add b.md', 'change b.md', 'add sub/renamed.md', 'delete b.md', 'delete sub/renamed.md'],
    );
    assert.ok(changes.some((c) => c.kind === 'delete' && c.id === 'b.md') && changes.some((c) => c.kind === 'add' && c.id === 'sub/renamed.md'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('what changed between the open and the watcher is caught up by the time it is ready', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-watch-'));
  try {
    await writeFile(path.join(dir, 'a.md'), '# A\nlinks to [[b]] and [[c]]');
    await writeFile(path.join(dir, 'c.md'), '# C\nsoon-gone words');
    await writeFile(path.join(dir, 'd.md'), '# D\nold-wording here');
    const vault = await Vault.open(dir);
    // As the app does: the watcher starts once the full text is in, and the disk moved on meanwhile.
    await writeFile(path.join(dir, 'b.md'), '# B\nwritten-while-opening');
    await rm(path.join(dir, 'c.md'));
    await writeFile(path.join(dir, 'd.md'), '# D\nnew-wording, longer than before');
    const changes: VaultChange[] = [];
    const watcher = watchVault(vault, (c) => changes.push(c));
    try {
      await watcher.ready;
      const hits = (q: string) => vault.search.search(q).map((h) => h.id);
      assert.deepEqual(changes.map((c) => `${c.kind} ${c.id}`).sort(), ['add b.md', 'change d.md', 'delete c.md']);
      assert.deepEqual(hits('written-while-opening'), ['b.md']);
      assert.deepEqual(hits('soon-gone'), []);
      assert.deepEqual(hits('new-wording'), ['d.md']);
      assert.deepEqual(hits('old-wording'), []);
      assert.deepEqual(
        vault
          .links()
          .outgoing('a.md')
          .map((l) => l.target),
        ['b.md', null],
        '[[b]] now resolves, [[c]] no longer does',
      );
    } finally {
      await watcher.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a watcher failure is one line that says which changes will not show, and what to do', () => {
  const err = (code: string, message = `${code}: failed`) => Object.assign(new Error(message), { code });
  // @parcel/watcher's own words (no code), and Node's.
  for (const limit of [
    watchNotice(new Error("inotify_add_watch on '/v/notes/aws' failed: No space left on device")),
    watchNotice(err('ENOSPC', 'ENOSPC: System limit for number of file watchers reached, watch /v/a')),
  ]) {
    assert.match(limit, /^Changes made outside Cairn will not show until the vault is opened again: the system's limit on watched folders was reached\./);
    assert.match(limit, /sysctl fs\.inotify\.max_user_watches=/);
  }
  assert.match(watchNotice(new Error('Too many open files')), /too many files are open/);
  assert.match(watchNotice(err('EMFILE')), /too many files are open/);
  assert.match(watchNotice(err('ENFILE')), /too many files are open/);
  const other = watchNotice(err('EACCES', `EACCES: permission denied, watch /v/${'private/'.repeat(40)}`));
  assert.match(other, /watching them failed \(EACCES: permission denied, watch \/v\/private/);
  assert.ok(other.length < 300, 'one line, whatever the error says');
  const required = watchNotice(new Error("Cannot find module 'picomatch'\nRequire stack:\n- /app/node_modules/@parcel/watcher/wrapper.js"));
  assert.equal(required, "Changes made outside Cairn will not show until the vault is opened again: watching them failed (Cannot find module 'picomatch').");
  // Where the vault is walked for changes instead, the line says they show late, and how late.
  assert.equal(
    watchNotice(err('ENOSPC'), 5000),
    "Changes made outside Cairn show within about 5 s, not at once: the system's limit on watched folders was reached, so Cairn walks the vault for them. Raise it (on Linux: sudo sysctl fs.inotify.max_user_watches=524288), then reopen the vault for them to show at once.",
  );
  assert.equal(
    watchNotice(new Error("Cannot find module 'picomatch'"), 5000),
    "Changes made outside Cairn show within about 5 s, not at once: watching them failed (Cannot find module 'picomatch'), so Cairn walks the vault for them.",
  );
  assert.match(
    watchNotice(err('EMFILE'), 5000),
    /^Changes made outside Cairn show within about 5 s, not at once: too many files are open, so Cairn walks the vault for them\. Raise the limit on open files, then reopen the vault for them to show at once\.$/,
  );
});

const enospc = () => Object.assign(new Error('ENOSPC: System limit for number of file watchers reached'), { code: 'ENOSPC' });

test('where the vault cannot be watched, it is walked for changes: writes, new folders and deletes show; closing stops the walks', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-watch-'));
  try {
    await writeFile(path.join(dir, 'a.md'), '# A\nlinks to [[b]]');
    const vault = await Vault.open(dir);
    const changes: VaultChange[] = [];
    const errors: Error[] = [];
    let walks = 0;
    const catchUp = vault.catchUp.bind(vault);
    vault.catchUp = () => {
      walks++;
      return catchUp();
    };
    const watcher = watchVault(
      vault,
      (c) => changes.push(c),
      (e) => errors.push(e),
      { subscribe: () => Promise.reject(enospc()), pollMs: 50 },
    );
    await watcher.ready;
    assert.equal(errors.length, 1);
    assert.equal((errors[0] as Error & { code?: string }).code, 'ENOSPC');
    assert.equal(watcher.pollingEvery, 50, 'onError hears of the failure once the walks are set');
    const hits = (q: string) => vault.search.search(q).map((h) => h.id);
    await writeFile(path.join(dir, 'b.md'), '# B\npolledword');
    await eventually(() => hits('polledword').join() === 'b.md', 'a new note found by a walk');
    assert.deepEqual(backlinkIds(vault, 'b.md'), ['a.md']);
    await mkdir(path.join(dir, 'x', 'y'), { recursive: true });
    await writeFile(path.join(dir, 'x', 'y', 'deep.md'), 'deeppolled');
    await eventually(() => hits('deeppolled').join() === 'x/y/deep.md', 'a note in new folders');
    await rm(path.join(dir, 'b.md'));
    await eventually(() => hits('polledword').length === 0, 'a deleted note gone');
    assert.deepEqual(
      changes.map((c) => `${c.kind} ${c.id}`),
      ['add b.md', 'add x/y/deep.md', 'delete b.md'],
    );
    await watcher.close();
    const after = walks;
    await writeFile(path.join(dir, 'c.md'), 'afterclose');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(walks, after, 'no walk after close');
    assert.deepEqual(hits('afterclose'), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a watch that fails when it is made again for a new folder falls back to walks too', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-watch-'));
  try {
    await writeFile(path.join(dir, 'a.md'), '# A');
    const vault = await Vault.open(dir);
    const errors: Error[] = [];
    const real = (await import('@parcel/watcher')).subscribe;
    let subscriptions = 0;
    const watcher = watchVault(
      vault,
      () => {},
      (e) => errors.push(e),
      {
        subscribe: (root, heard, opts) => (++subscriptions === 1 ? real(root, heard, opts) : Promise.reject(enospc())),
        pollMs: 50,
      },
    );
    await watcher.ready;
    assert.equal(watcher.pollingEvery, null, 'watched at first');
    const hits = (q: string) => vault.search.search(q).map((h) => h.id);
    await mkdir(path.join(dir, 'new', 'inner'), { recursive: true });
    await eventually(() => watcher.pollingEvery === 50, 'walks once the new subscription failed');
    assert.equal(errors.length, 1);
    // The inner folder is not watched (the subscription failed): a walk finds its note.
    await writeFile(path.join(dir, 'new', 'inner', 'n.md'), 'innerword');
    await eventually(() => hits('innerword').join() === 'new/inner/n.md', 'a note in the folder the failed subscription left out');
    await watcher.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** A vault of one note `a.md` in `dir`, opened and watched; `hits` searches it. */
async function watched(dir: string, a: string) {
  await writeFile(path.join(dir, 'a.md'), a);
  const vault = await Vault.open(dir);
  const watcher = watchVault(vault, () => {});
  await watcher.ready;
  return { vault, watcher, hits: (q: string) => vault.search.search(q).map((h) => h.id) };
}

test('a folder moved in is read whole, its inner folders are watched, and ignored folders stay out', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-watch-'));
  const outside = await mkdtemp(path.join(os.tmpdir(), 'cairn-outside-'));
  try {
    const { vault, watcher, hits } = await watched(dir, '# A\nlinks to [[deep]]');
    // A tree made elsewhere and renamed in: the watcher hears of its top folder only.
    await mkdir(path.join(outside, 'tree', 'inner', 'deeper'), { recursive: true });
    await writeFile(path.join(outside, 'tree', 'top.md'), 'topword');
    await writeFile(path.join(outside, 'tree', 'inner', 'deeper', 'deep.md'), 'deepword');
    await rename(path.join(outside, 'tree'), path.join(dir, 'tree'));
    await eventually(() => hits('topword').length === 1 && hits('deepword').length === 1, 'the moved-in notes indexed');
    assert.deepEqual(backlinkIds(vault, 'tree/inner/deeper/deep.md'), ['a.md']);
    // An edit two folders down is heard (those folders were not watched by the first subscription).
    await writeFile(path.join(dir, 'tree', 'inner', 'deeper', 'deep.md'), 'changedword');
    await eventually(() => hits('changedword').join() === 'tree/inner/deeper/deep.md', 'an edit inside the moved-in tree');
    // `mkdir -p` and a note right away.
    await mkdir(path.join(dir, 'x', 'y', 'z'), { recursive: true });
    await writeFile(path.join(dir, 'x', 'y', 'z', 'quick.md'), 'quickword');
    await eventually(() => hits('quickword').length === 1, 'a note in a folder made a moment before');
    // Ignored folders, as the vault's own walk ignores them.
    await mkdir(path.join(dir, '.obsidian'));
    await writeFile(path.join(dir, '.obsidian', 'hidden.md'), 'hiddenword');
    await mkdir(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
    await writeFile(path.join(dir, 'node_modules', 'pkg', 'readme.md'), 'hiddenword');
    // A link to a folder outside is never followed (SECURITY.md), after the new folders too.
    await mkdir(path.join(outside, 'elsewhere'));
    await writeFile(path.join(outside, 'elsewhere', 'secret.md'), 'outsideword');
    await symlink(path.join(outside, 'elsewhere'), path.join(dir, 'link'));
    await writeFile(path.join(outside, 'elsewhere', 'secret.md'), 'outsideword again');
    // The whole tree deleted: its notes leave.
    await rm(path.join(dir, 'tree'), { recursive: true });
    await eventually(() => hits('topword').length === 0 && hits('changedword').length === 0, 'the deleted tree left');
    assert.deepEqual(hits('hiddenword'), []);
    assert.deepEqual(hits('outsideword'), []);
    assert.equal(vault.getNote('link/secret.md'), undefined);
    assert.equal(vault.getNote('.obsidian/hidden.md'), undefined);
    await watcher.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  }
});

test('new folders made while the watcher subscribes again are all watched, and closing lets every subscription go', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-watch-'));
  try {
    const { watcher, hits } = await watched(dir, '# A');
    // Folders a few at a time, some while a subscription is being made again.
    for (let i = 0; i < 6; i++) {
      await mkdir(path.join(dir, `f${i}`, 'inner'), { recursive: true });
      await writeFile(path.join(dir, `f${i}`, 'inner', 'n.md'), `burstword${i}`);
      await new Promise((r) => setTimeout(r, 40 * i));
    }
    await eventually(() => [0, 1, 2, 3, 4, 5].every((i) => hits(`burstword${i}`).length === 1), 'every note of the burst');
    // Each inner folder is watched: an edit in each is heard.
    for (let i = 0; i < 6; i++) await writeFile(path.join(dir, `f${i}`, 'inner', 'n.md'), `laterword${i}`);
    await eventually(() => [0, 1, 2, 3, 4, 5].every((i) => hits(`laterword${i}`).length === 1), 'every later edit');
    await watcher.close();
    // Closed: nothing is heard any more (no subscription left behind).
    await writeFile(path.join(dir, 'f0', 'inner', 'n.md'), 'afterclose');
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(hits('afterclose'), []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
