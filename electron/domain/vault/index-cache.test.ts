import { describe, test, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, truncate, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withBody } from './note-bodies.ts';
import { Vault } from './vault.ts';
import { INDEX_VERSION, cacheFolderOf } from './index-cache.ts';
import { noteDetails } from './note-details.ts';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../notes');
const QUERIES = ['인스턴스를', '메이커', 'optimiz', 'tag:service 비용 절감', '"spot instance"', 'ri-optimization', 'nan-note', 'zz'];
/** A whole second: a file can be given exactly this mtime again (utimes keeps ms, stat has ns). */
const PINNED = 1_700_000_000;

let vaultDir: string;
let cacheDir: string;
const at = (rel: string) => path.join(vaultDir, rel);

/** Rewrites a note with text of the same length and puts its mtime back: the cache cannot tell. */
async function rewriteUnnoticed(rel: string, from: string, to: string): Promise<void> {
  assert.equal(Buffer.byteLength(from), Buffer.byteLength(to));
  const text = await readFile(at(rel), 'utf8');
  assert.ok(text.includes(from));
  await writeFile(at(rel), text.replace(from, to));
  await utimes(at(rel), PINNED, PINNED);
}

/** The notes as data, bodies in (a note read from the cache reads its body from the file). */
const sortedNotes = (v: Vault) =>
  v
    .allNotes()
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map(withBody);
const answers = (v: Vault) => QUERIES.map((q) => [v.search.search(q, 50), v.switcher.search(q)]);
/** Everything a user can ask of every note: its details (links, backlinks with their context,
 *  unlinked mentions, tags, diagnostics), a search and a quick switch by its title, and the tags. */
const everything = (v: Vault) => ({
  notes: sortedNotes(v).map((n) => [noteDetails(v, n.id), v.search.search(n.title, 20), v.switcher.search(n.title, 10)]),
  tags: [...v.tagTree()].map(([k, t]) => [k, t.tag, [...t.ids].sort()]).sort(),
  answers: answers(v),
});

beforeEach(async () => {
  vaultDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-cache-vault-'));
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-cache-'));
  await cp(NOTES, vaultDir, { recursive: true });
  // Frontmatter JSON cannot carry (NaN, Infinity, -0), a broken one, and undecodable bytes.
  await writeFile(at('nan-note.md'), '---\nratio: .nan\nbig: .inf\nzero: -0.0\ntags: [x/y]\n---\nmarker-word nan\n');
  await writeFile(at('bad-yaml.md'), '---\ntags: [oops\n---\nstill indexed\n');
  await writeFile(at('latin1.md'), new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x23, 0x74, 0x61, 0x67]));
  for (const e of await readdir(vaultDir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) await utimes(path.join(e.parentPath, e.name), PINNED, PINNED);
  }
});

afterEach(async () => {
  await rm(vaultDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

async function savedCache(): Promise<Vault> {
  const cold = await Vault.open(vaultDir, { cacheDir });
  await cold.saveCache();
  return cold;
}

describe('index cache', () => {
  test('a warm open has the same notes, diagnostics and search answers as a cold one', async () => {
    const cold = await savedCache();
    const warm = await Vault.open(vaultDir, { cacheDir });
    assert.deepStrictEqual(sortedNotes(warm), sortedNotes(cold));
    assert.deepStrictEqual(warm.getNote('nan-note.md')!.frontmatter, { ratio: NaN, big: Infinity, zero: -0, tags: ['x/y'] });
    const codes = (v: Vault) =>
      v
        .diagnostics()
        .map((d) => `${d.id} ${d.code}`)
        .sort();
    assert.deepEqual(codes(warm), codes(cold));
    assert.deepEqual(answers(warm), answers(cold));
    assert.equal(warm.origin.fromCache, warm.allNotes().length, 'every note came from the cache');
    assert.equal(warm.origin.read, 0);
    assert.equal(warm.origin.notice, null);
  });

  test('on the whole shipped vault, a warm start answers exactly as a cold index: search, links, backlinks, tags', async () => {
    const cold = await savedCache();
    const warm = await Vault.open(vaultDir, { cacheDir });
    assert.ok(warm.origin.fromCache === warm.allNotes().length && warm.origin.fromCache > 10, 'the shipped vault came from the cache');
    assert.deepStrictEqual(everything(warm), everything(cold));
  });

  test('after a cold open the cache save swaps the switcher for its imported copy, which answers the same and follows later changes', async () => {
    const cold = await Vault.open(vaultDir, { cacheDir });
    const built = cold.switcher;
    assert.equal(built.imported, false);
    const before = everything(cold);
    await cold.saveCache({ swapSwitcher: true });
    assert.notEqual(cold.switcher, built);
    assert.equal(cold.switcher.imported, true);
    assert.deepStrictEqual(everything(cold), before);
    // Later changes reach the copy.
    await writeFile(at('renamed-late.md'), '---\naliases: [Swapped Copy Alias]\n---\n# late\n');
    await cold.fileChanged(at('renamed-late.md'));
    assert.deepEqual(
      cold.switcher.search('swapped copy').map((h) => h.id),
      ['renamed-late.md'],
    );
  });

  test('a save without swapSwitcher (a CLI command, which exits after it) leaves the built switcher', async () => {
    const cold = await Vault.open(vaultDir, { cacheDir });
    const built = cold.switcher;
    await cold.saveCache();
    assert.equal(cold.switcher, built);
  });

  test('a switcher changed while the cache is written is kept as it is (no copy of an older state)', async () => {
    const cold = await Vault.open(vaultDir, { cacheDir });
    const built = cold.switcher;
    await writeFile(at('during-save.md'), '# During Save Marker\n');
    const saving = cold.saveCache({ swapSwitcher: true });
    // Taken in once the snapshot is made, while the cache's sections are written (fileChanged
    // reads with blocking calls, so it is done before this line ends).
    const change = cold.fileChanged(at('during-save.md'));
    await change;
    await saving;
    assert.equal(cold.switcher, built);
    assert.deepEqual(
      cold.switcher.search('during save marker').map((h) => h.id),
      ['during-save.md'],
    );
  });

  test('a file whose size changed (same mtime) is read again', async () => {
    await savedCache();
    const text = await readFile(at('nan-note.md'), 'utf8');
    await writeFile(at('nan-note.md'), text.replace('marker-word', 'longer-fresh-word'));
    await utimes(at('nan-note.md'), PINNED, PINNED);
    const warm = await Vault.open(vaultDir, { cacheDir });
    assert.equal(warm.origin.read, 1);
    assert.deepEqual(
      warm.search.search('longer-fresh-word').map((h) => h.id),
      ['nan-note.md'],
    );
    assert.deepEqual(warm.search.search('marker-word'), []);
  });

  test('a file with the same size and mtime comes from the cache, unread', async () => {
    await savedCache();
    await rewriteUnnoticed('nan-note.md', 'marker-word', 'fresh-words');
    const warm = await Vault.open(vaultDir, { cacheDir });
    assert.deepEqual(
      warm.search.search('marker-word').map((h) => h.id),
      ['nan-note.md'],
      'the cached text',
    );
    await utimes(at('nan-note.md'), PINNED + 1, PINNED + 1);
    const later = await Vault.open(vaultDir, { cacheDir });
    assert.deepEqual(
      later.search.search('fresh-words').map((h) => h.id),
      ['nan-note.md'],
      'a new mtime is a change',
    );
    assert.deepEqual(later.search.search('marker-word'), []);
  });

  test('a file whose time was put back by utimes is unchanged; one saved a millisecond later is read again', async () => {
    // A save stamps nanoseconds; utimes puts a time back cut to the microsecond (libuv), so the
    // time read back is not the one saved (the bench's edits put times back so).
    const { stat } = await import('node:fs/promises');
    await writeFile(at('nan-note.md'), 'first text with oldword');
    const saved = await stat(at('nan-note.md'));
    await savedCache();
    await writeFile(at('nan-note.md'), 'other text with newword');
    await utimes(at('nan-note.md'), saved.atimeMs / 1000, saved.mtimeMs / 1000);
    const warm = await Vault.open(vaultDir, { cacheDir });
    assert.equal(warm.origin.read, 0);
    await utimes(at('nan-note.md'), saved.atimeMs / 1000, (saved.mtimeMs + 1) / 1000);
    const later = await Vault.open(vaultDir, { cacheDir });
    assert.equal(later.origin.read, 1);
    assert.deepEqual(
      later.search.search('newword').map((h) => h.id),
      ['nan-note.md'],
    );
  });

  test('changed and new files are read again, deleted ones dropped', async () => {
    await savedCache();
    await writeFile(at('nan-note.md'), 'a longer text with changedword in it');
    await writeFile(at('aws/new-note.md'), '---\naliases: [brand-new]\n---\nnewword 인스턴스를');
    await unlink(at('bad-yaml.md'));
    const warm = await Vault.open(vaultDir, { cacheDir });
    assert.deepEqual(
      warm.search.search('changedword').map((h) => h.id),
      ['nan-note.md'],
    );
    assert.deepEqual(warm.search.search('marker-word'), []);
    assert.deepEqual(
      warm.search.search('newword').map((h) => h.id),
      ['aws/new-note.md'],
    );
    assert.equal(warm.switcher.search('brand-new')[0]?.id, 'aws/new-note.md');
    assert.equal(warm.getNote('bad-yaml.md'), undefined);
    assert.deepEqual(warm.search.search('still indexed'), []);
    assert.ok(!warm.diagnostics().some((d) => d.id === 'bad-yaml.md'));
    const cold = await Vault.open(vaultDir);
    assert.deepStrictEqual(sortedNotes(warm), sortedNotes(cold));
    assert.deepEqual(answers(warm), answers(cold));
  });

  test('a warm vault follows later changes like a cold one', async () => {
    await savedCache();
    const warm = await Vault.open(vaultDir, { cacheDir });
    await writeFile(at('nan-note.md'), 'now about glacier 인스턴스');
    await warm.fileChanged(at('nan-note.md'));
    warm.fileDeleted(at('latin1.md'));
    assert.deepEqual(
      warm.search
        .search('glacier')
        .map((h) => h.id)
        .includes('nan-note.md'),
      true,
    );
    assert.deepEqual(warm.search.search('marker-word'), []);
    await unlink(at('latin1.md'));
    const cold = await Vault.open(vaultDir);
    assert.deepEqual(answers(warm), answers(cold));
    await warm.saveCache();
    assert.deepEqual(answers(await Vault.open(vaultDir, { cacheDir })), answers(cold));
  });

  const tagsOf = (v: Vault) => [...v.tagTree()].map(([k, t]) => [k, t.tag, [...t.ids].sort()]).sort();
  const switchAll = (v: Vault, titles: string[]) => titles.map((t) => v.switcher.search(t, 10));

  test('a warm open lists the notes, their tags and the quick switcher from the light sections, before any note is read', async () => {
    const cold = await savedCache();
    const titles = cold.allNotes().map((n) => n.title);
    // The notes section is damaged: the first step must not need it (and the vault is then read cold).
    const folder = cacheFolderOf(cacheDir, cold.root);
    const manifest = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    const data = path.join(folder, manifest.data);
    const bytes = await readFile(data);
    const [offset, length] = manifest.sections.notes;
    bytes[offset + (length >> 1)] ^= 0xff;
    await writeFile(data, bytes);
    let first = null as { stage: string; notesRead: number; ids: string[]; tagsKnown: boolean; tags: unknown; switched?: unknown } | null;
    let filled: Promise<void> | null = null;
    const warm = await Vault.open(vaultDir, {
      cacheDir,
      onNames: (v) => {
        first = { stage: v.stage, notesRead: v.allNotes().length, ids: v.noteIds().sort(), tagsKnown: v.tagsKnown(), tags: tagsOf(v) };
        filled = v.switcherFilled.then(() => void (first!.switched = v.stage === 'names' ? switchAll(v, titles) : 'too late'));
      },
    });
    await filled;
    const f = first!;
    assert.equal(f.stage, 'names');
    assert.equal(f.notesRead, 0, 'no note was read or decoded yet');
    assert.deepEqual(
      f.ids,
      sortedNotes(cold).map((n) => n.id),
    );
    assert.equal(f.tagsKnown, true, 'every file unchanged: the cached tags');
    assert.deepEqual(f.tags, tagsOf(cold));
    assert.deepStrictEqual(f.switched, switchAll(cold, titles), 'the switcher answered as a cold index, from the cached entries');
    // The damaged notes section: a notice, every note read from its file, the same answers.
    assert.match(warm.origin.notice ?? '', /^The index cache is damaged/);
    assert.equal(warm.origin.fromCache, 0);
    assert.deepStrictEqual(everything(warm), everything(cold));
  });

  test('a note changed since the cache is listed by name, its tags unknown until it is read', async () => {
    await savedCache();
    await writeFile(at('nan-note.md'), '---\ntags: [fresh/tag]\naliases: [Nanny]\n---\nnew text');
    let tagsKnown: boolean | null = null;
    let byAlias: unknown = null;
    let byName: unknown = null;
    let filled: Promise<void> | null = null;
    const warm = await Vault.open(vaultDir, {
      cacheDir,
      onNames: (v) => {
        tagsKnown = v.tagsKnown();
        filled = v.switcherFilled.then(() => {
          byAlias = v.switcher.search('Nanny', 5).map((h) => h.id);
          byName = v.switcher.search('nan-note', 5)[0]?.id;
        });
      },
    });
    await filled;
    assert.equal(tagsKnown, false);
    assert.equal(byName, 'nan-note.md', 'found by its file name before it is read');
    assert.deepEqual(byAlias, [], 'its new alias is not known before it is read');
    assert.deepEqual(warm.switcher.search('Nanny', 5)[0]?.id, 'nan-note.md', 'and once read, by its alias');
    assert.ok(warm.tagTree().has('fresh/tag'));
  });

  /** Flips the byte in the middle of one section of the data file (the manifest says where). */
  const flipInSection = (name: string) => async (folder: string, data: string) => {
    const m = JSON.parse(await readFile(path.join(folder, 'manifest.json'), 'utf8'));
    const [offset, length] = m.sections[name];
    const bytes = await readFile(data);
    bytes[offset + (length >> 1)] ^= 0xff;
    await writeFile(data, bytes);
  };
  const damage: Array<[string, (folder: string, data: string) => Promise<void>]> = [
    ['a truncated data file', async (_f, data) => truncate(data, 100)],
    [
      'a flipped byte',
      async (_f, data) => {
        const bytes = await readFile(data);
        bytes[bytes.length >> 1] ^= 0xff;
        await writeFile(data, bytes);
      },
    ],
    ["a flipped byte in the quick switcher's section (read before the notes)", flipInSection('switcher')],
    ['a flipped byte in the bodies (left in the file, and read from it when asked for)', flipInSection('bodies')],
    ['a missing data file', async (_f, data) => unlink(data)],
    ['a manifest that is not JSON', async (f) => writeFile(path.join(f, 'manifest.json'), '{"version": 1, "da')],
    [
      'another INDEX_VERSION',
      async (f) => {
        const m = JSON.parse(await readFile(path.join(f, 'manifest.json'), 'utf8'));
        await writeFile(path.join(f, 'manifest.json'), JSON.stringify({ ...m, version: INDEX_VERSION + 1 }));
      },
    ],
    [
      'sections out of range',
      async (f) => {
        const m = JSON.parse(await readFile(path.join(f, 'manifest.json'), 'utf8'));
        await writeFile(path.join(f, 'manifest.json'), JSON.stringify({ ...m, sections: { ...m.sections, bodies: [0, m.bytes * 2] } }));
      },
    ],
  ];
  for (const [what, harm] of damage) {
    test(`${what}: the cache is ignored and the vault indexed cold`, async () => {
      await savedCache();
      const folder = cacheFolderOf(cacheDir, (await Vault.open(vaultDir)).root);
      const data = (await readdir(folder)).find((f) => f.endsWith('.bin'))!;
      await harm(folder, path.join(folder, data));
      // Were the cache used, this same-size, same-mtime change would go unseen.
      await rewriteUnnoticed('nan-note.md', 'marker-word', 'fresh-words');
      const vault = await Vault.open(vaultDir, { cacheDir });
      assert.equal(vault.origin.fromCache, 0);
      assert.match(vault.origin.notice ?? '', /^The index cache .*indexed again\.$/, 'a one-line notice says why');
      if (what.includes('flipped byte')) assert.match(vault.origin.notice ?? '', /^The index cache is damaged/, 'and says it is damaged');
      assert.deepEqual(
        vault.search.search('fresh-words').map((h) => h.id),
        ['nan-note.md'],
      );
      assert.deepEqual(answers(vault), answers(await Vault.open(vaultDir)));
      await vault.saveCache();
      assert.deepEqual(answers(await Vault.open(vaultDir, { cacheDir })), answers(vault), 'a new cache replaces the broken one');
    });
  }

  test('without a cacheDir nothing is cached', async () => {
    const vault = await Vault.open(vaultDir);
    await assert.rejects(vault.saveCache(), /without a cacheDir/);
    assert.deepEqual(await readdir(cacheDir), []);
  });
});
