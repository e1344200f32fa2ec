import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Vault, VaultError } from './vault.ts';
import { noteDetails } from './note-details.ts';
import { resolveInVault } from './scan-vault.ts';

let dir: string;
let outside: string;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-vault-'));
  outside = await mkdtemp(path.join(os.tmpdir(), 'cairn-outside-'));
  await writeFile(path.join(outside, 'secret.md'), '# secret outside the vault');
  const w = (rel: string, data: string | Uint8Array) =>
    mkdir(path.dirname(path.join(dir, rel)), { recursive: true }).then(() => writeFile(path.join(dir, rel), data));
  await w('good.md', '---\ntags: [a/b]\naliases: [Goodie]\n---\n# Good\nLinks to [[bad-yaml]] and [[Missing]]. Also [[dup]].');
  await w('bad-yaml.md', '---\ntags: [oops\n---\n# Still indexed\nsearchable-word here, mentions Goodie in text.');
  await w('binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  await w('empty.md', '');
  await w('latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x23, 0x74, 0x61, 0x67]));
  await w('big.md', '# Big\n' + 'lorem ipsum dolor sit amet 인스턴스 비용\n'.repeat(140_000) + 'needle-at-the-end\n');
  await w('x/dup.md', 'one');
  await w('y/dup.md', 'two');
  await w('.obsidian/hidden.md', '# not a note');
  await w('pic.png', 'not really a png');
  await symlink(outside, path.join(dir, 'escape'));
  await symlink(dir, path.join(dir, 'loop'));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('opening in steps', () => {
  test('the first step lists every note by its file name before any is read; the switcher finds them by name', async () => {
    let first = null as { stage: string; read: number; ids: string[]; tagsKnown: boolean; diagnostics: string[] } | null;
    let switched: Promise<unknown> | null = null;
    const progress: Array<[number, string]> = [];
    const vault = await Vault.open(dir, {
      onProgress: (done, _total, stage) => progress.push([done, stage]),
      onNames: (v) => {
        first = {
          stage: v.stage,
          read: progress.filter(([d]) => d > 0).length,
          ids: v.noteIds(),
          tagsKnown: v.tagsKnown(),
          diagnostics: v.diagnostics().map((d) => d.code),
        };
        switched = v.switcherFilled.then(() => [v.stage, v.switcher.search('latin1', 3).map((h) => h.id), v.switcher.search('Goodie', 3).map((h) => h.id)]);
      },
    });
    const f = first!;
    assert.equal(f.stage, 'names');
    assert.equal(f.read, 0, 'no note read yet');
    assert.deepEqual(
      f.ids,
      vault.allNotes().map((n) => n.id),
      'every note, in the order it is read',
    );
    assert.equal(f.tagsKnown, false, 'tags are not known before the notes are read');
    assert.deepEqual(f.diagnostics.sort(), ['SYMLINK_SKIPPED', 'SYMLINK_SKIPPED'], 'only what the folder walk found');
    assert.deepEqual(await switched, ['names', ['latin1.md'], []], 'by file name; an alias only once read');
    assert.equal(vault.stage, 'full');
    assert.deepEqual(
      vault.switcher.search('Goodie', 3).map((h) => h.id),
      ['good.md'],
    );
  });

  test('a stage gate holds the open before the notes are read and before the full text, until it lets go', async () => {
    const asked: string[] = [];
    const gate = () => {
      let resolve!: () => void;
      return { promise: new Promise<void>((r) => (resolve = r)), resolve: () => resolve() };
    };
    const gates = { read: gate(), full: gate() };
    let vault: Vault | null = null;
    const opened = Vault.open(dir, {
      onNames: (v) => (vault = v),
      stageGate: (next) => {
        asked.push(next);
        return gates[next].promise;
      },
    });
    const turns = () => new Promise((r) => setTimeout(r, 50));
    await turns();
    assert.equal(vault!.stage, 'names');
    assert.equal(vault!.allNotes().length, 0, 'no note read while held');
    gates.read.resolve();
    await vault!.listed;
    await turns();
    assert.equal(vault!.stage, 'read');
    assert.equal(vault!.fullText, false, 'the full text is not reported while held');
    assert.deepEqual(asked, ['read', 'full']);
    gates.full.resolve();
    await vault!.searchable;
    assert.equal(vault!.stage, 'full');
    assert.deepEqual(
      (await opened).search.search('needle-at-the-end').map((h) => h.id),
      ['big.md'],
    );
  });
});

describe('Vault on a vault of broken notes', () => {
  test('opens without throwing and reports each bad file', async () => {
    const vault = await Vault.open(dir);
    const ids = vault
      .allNotes()
      .map((n) => n.id)
      .sort();
    assert.deepEqual(ids, ['bad-yaml.md', 'big.md', 'binary.md', 'empty.md', 'good.md', 'latin1.md', 'x/dup.md', 'y/dup.md']);
    const codes = vault.diagnostics().map((d) => `${d.id} ${d.code}`);
    for (const expected of [
      'bad-yaml.md YAML_ERROR',
      'binary.md BINARY_FILE',
      'latin1.md INVALID_UTF8',
      'good.md UNRESOLVED_LINK',
      'good.md AMBIGUOUS_LINK',
      'escape SYMLINK_SKIPPED',
      'loop SYMLINK_SKIPPED',
    ]) {
      assert.ok(codes.includes(expected), `${expected} in ${codes.join(', ')}`);
    }
  });

  test('a note with broken YAML is still searchable; a 5 MB note is indexed to its end', async () => {
    const vault = await Vault.open(dir);
    assert.deepEqual(
      vault.search.search('searchable-word').map((h) => h.id),
      ['bad-yaml.md'],
    );
    assert.deepEqual(
      vault.search.search('needle-at-the-end').map((h) => h.id),
      ['big.md'],
    );
    assert.deepEqual(
      vault.search.search('binary').map((h) => h.id),
      ['binary.md'],
      'binary files are found by name',
    );
  });

  test('nothing outside the vault is read: symlinks are not followed', async () => {
    const vault = await Vault.open(dir);
    assert.deepEqual(vault.search.search('secret'), []);
    assert.equal(
      vault.allFileIds().some((id) => id.startsWith('escape') || id.startsWith('loop')),
      false,
    );
  });

  test('dot-folders hold no notes', async () => {
    const vault = await Vault.open(dir);
    assert.equal(vault.getNote('.obsidian/hidden.md'), undefined);
  });

  test('backlinks and unlinked mentions', async () => {
    const vault = await Vault.open(dir);
    const d = noteDetails(vault, 'bad-yaml.md')!;
    assert.deepEqual(
      d.backlinks.map((b) => [b.id, b.context]),
      [['good.md', 'Links to bad-yaml and Missing. Also dup.']],
    );
    const good = noteDetails(vault, 'good.md')!;
    assert.deepEqual(
      good.unlinkedMentions.map((m) => [m.id, m.name]),
      [['bad-yaml.md', 'Goodie']],
    );
    assert.deepEqual(
      good.links.map((l) => l.target),
      ['bad-yaml.md', null, 'x/dup.md'],
    );
  });

  test('findNote by id, id without .md, title and alias', async () => {
    const vault = await Vault.open(dir);
    for (const ref of ['good.md', 'good', 'GOOD', 'goodie']) assert.equal(vault.findNote(ref)?.id, 'good.md', ref);
  });

  test('a missing vault is a VaultError', async () => {
    await assert.rejects(Vault.open(path.join(dir, 'nope')), (e) => e instanceof VaultError && e.code === 'VAULT_NOT_FOUND');
  });

  test('ids that leave the vault are refused', () => {
    for (const bad of ['../x.md', '/etc/passwd', 'a/../../x.md', '.obsidian/x.md', 'a\0b.md', '']) assert.equal(resolveInVault(dir, bad), null, bad);
    assert.equal(resolveInVault(dir, 'a/b.md'), path.join(dir, 'a/b.md'));
  });
});

describe('an edit on disk', () => {
  test('a burst of saves is taken into the full text once they pause, not after each', async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'cairn-burst-'));
    try {
      await writeFile(path.join(d, 'a.md'), 'nothing yet');
      await writeFile(path.join(d, 'b.md'), 'nothing yet');
      const vault = await Vault.open(d);
      // The index as it is, without the flush a search does first.
      const indexed = (word: string) => (vault as unknown as { text: { search(q: string): Array<{ id: string }> } }).text.search(word).map((h) => h.id);
      await writeFile(path.join(d, 'a.md'), 'zqalpha');
      await vault.fileChanged(path.join(d, 'a.md'));
      await new Promise((r) => setTimeout(r, 100));
      await writeFile(path.join(d, 'b.md'), 'zqbravo');
      await vault.fileChanged(path.join(d, 'b.md'));
      await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(indexed('zqalpha'), [], 'the first save waits while saves go on');
      await new Promise((r) => setTimeout(r, 600));
      assert.deepEqual([indexed('zqalpha'), indexed('zqbravo')], [['a.md'], ['b.md']], 'both taken in once the saves paused');
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });

  test('shows its backlink and unlinked mention at once; a search right after finds its text', async () => {
    const d = await mkdtemp(path.join(os.tmpdir(), 'cairn-edit-'));
    try {
      await writeFile(path.join(d, 'Target Note.md'), '# Target\nbody');
      await writeFile(path.join(d, 'Other.md'), '# Other\nnothing yet');
      await writeFile(path.join(d, 'Linker.md'), '# Linker\nnothing yet');
      const vault = await Vault.open(d);
      await writeFile(path.join(d, 'Other.md'), '# Other\nmentions target note in plain text, and zqfreshword');
      await writeFile(path.join(d, 'Linker.md'), '# Linker\nlinks [[Target Note]]');
      await vault.fileChanged(path.join(d, 'Other.md'));
      await vault.fileChanged(path.join(d, 'Linker.md'));
      // The full-text index takes the edits a moment later; the note view does not wait for it.
      const view = noteDetails(vault, 'Target Note.md')!;
      assert.deepEqual(
        view.backlinks.map((b) => b.id),
        ['Linker.md'],
      );
      assert.deepEqual(
        view.unlinkedMentions.map((m) => m.id),
        ['Other.md'],
      );
      assert.deepEqual(
        vault.search.search('zqfreshword').map((h) => h.id),
        ['Other.md'],
      );
      await rm(path.join(d, 'Other.md'));
      vault.fileDeleted(path.join(d, 'Other.md'));
      assert.deepEqual(noteDetails(vault, 'Target Note.md')!.unlinkedMentions, []);
      assert.deepEqual(vault.search.search('zqfreshword'), []);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});

test('open with the search warm-up answers every query as an open without it', async () => {
  const notes = path.resolve(import.meta.dirname, '../../../notes');
  const plain = await Vault.open(notes);
  const warmed = await Vault.open(notes, { warmUp: true });
  assert.equal(warmed.stage, 'full');
  const queries = [...plain.search.warmingUp(30), 'sagemaker', '인스턴스를', '"spot instance"', 'tag:service', 'notbook'];
  for (const q of queries) assert.deepEqual(warmed.search.searchWithTotal(q, 30), plain.search.searchWithTotal(q, 30), q);
});

test('diagnostics follow the notes: a link fixed, a note added and one deleted on disk change them', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cairn-diag-'));
  try {
    await writeFile(path.join(root, 'a.md'), 'See [[Missing]].');
    await writeFile(path.join(root, 'b.md'), 'Fine.');
    const vault = await Vault.open(root);
    const codes = () => vault.diagnostics().map((d) => `${d.id} ${d.code}`);
    assert.deepEqual(codes(), ['a.md UNRESOLVED_LINK']);
    await writeFile(path.join(root, 'Missing.md'), 'Now it exists.');
    await vault.fileChanged(path.join(root, 'Missing.md'));
    assert.deepEqual(codes(), []);
    await writeFile(path.join(root, 'b.md'), 'Broken [[Nowhere]].');
    await vault.fileChanged(path.join(root, 'b.md'));
    assert.deepEqual(codes(), ['b.md UNRESOLVED_LINK']);
    await rm(path.join(root, 'Missing.md'));
    vault.fileDeleted(path.join(root, 'Missing.md'));
    assert.deepEqual(codes().sort(), ['a.md UNRESOLVED_LINK', 'b.md UNRESOLVED_LINK']);
    assert.equal(vault.noteCount(), 2);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test('changes on disk go into the full text one at a time, other work running between, and a search finds each', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cairn-turns-'));
  try {
    for (const n of ['a', 'b', 'c']) await writeFile(path.join(root, `${n}.md`), `# ${n}\nbefore`);
    const vault = await Vault.open(root);
    const log: string[] = [];
    const text = (vault as unknown as { text: { put: (note: { id: string }) => void } }).text;
    const put = text.put.bind(text);
    text.put = (note) => {
      put(note);
      log.push(`put ${note.id}`);
      setImmediate(() => log.push('turn'));
    };
    for (const n of ['a', 'b', 'c']) {
      await writeFile(path.join(root, `${n}.md`), `# ${n}\nafter${n}`);
      await vault.fileChanged(path.join(root, `${n}.md`));
    }
    while (log.filter((l) => l === 'turn').length < 3) await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(log, ['put a.md', 'turn', 'put b.md', 'turn', 'put c.md', 'turn']);
    for (const n of ['a', 'b', 'c'])
      assert.deepEqual(
        vault.search.search(`after${n}`).map((h) => h.id),
        [`${n}.md`],
      );
  } finally {
    await rm(path.join(root), { recursive: true, force: true });
  }
});

test('from the cache, an edited note (text, then a name) leaves its old search and switcher entries until the vault is quiet, then they are swept', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'cairn-sweep-'));
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-sweep-cache-'));
  try {
    for (const n of ['a', 'b']) await writeFile(path.join(root, `${n}.md`), `# ${n}\nbefore${n}`);
    await (await Vault.open(root, { cacheDir })).saveCache();
    const vault = await Vault.open(root, { cacheDir });
    assert.equal(vault.origin.fromCache, 2);
    const text = (vault as unknown as { text: { deadCount: number } }).text;
    // Its text first: the switcher's entry stays as it is (the names are the same).
    await writeFile(path.join(root, 'a.md'), '# a\nrewritten');
    await vault.fileChanged(path.join(root, 'a.md'));
    assert.equal(vault.switcher.deadCount, 0);
    // Then a name too: the switcher's entry is replaced.
    await writeFile(path.join(root, 'a.md'), '---\naliases: [another-name]\n---\n# a\nrewritten');
    await vault.fileChanged(path.join(root, 'a.md'));
    assert.deepEqual(
      vault.switcher.search('another-name').map((h) => h.alias),
      ['another-name'],
    );
    assert.deepEqual(vault.search.search('beforea'), []);
    assert.deepEqual(
      vault.search.search('rewritten').map((h) => h.id),
      ['a.md'],
    );
    assert.equal(text.deadCount, 1);
    assert.equal(vault.switcher.deadCount, 1);
    const since = Date.now();
    while ((text.deadCount > 0 || vault.switcher.deadCount > 0) && Date.now() - since < 10_000) await new Promise((r) => setTimeout(r, 100));
    assert.equal(text.deadCount, 0);
    assert.equal(vault.switcher.deadCount, 0);
    assert.ok(Date.now() - since >= 2500, 'not before the vault was quiet');
    assert.deepEqual(
      vault.search.search('rewritten').map((h) => h.id),
      ['a.md'],
    );
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(cacheDir, { recursive: true, force: true });
  }
});
