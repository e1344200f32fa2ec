// The notes' bodies are read from the index cache's data file, not held (note-bodies.ts): after a
// warm open, and after the save that follows a cold one; a note changed since keeps its own.
import assert from 'node:assert/strict';
import { readdirSync, readlinkSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, type TestContext, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ParsedNote } from '../notes/note-types.ts';
import { BodyFile, isStored, storeBody, withBody } from './note-bodies.ts';
import { Vault } from './vault.ts';

const NOTES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../notes');
let vaultDir: string;
let cacheDir: string;

beforeEach(async () => {
  vaultDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-bodies-vault-'));
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'cairn-bodies-cache-'));
  await cp(NOTES, vaultDir, { recursive: true });
});

afterEach(async () => {
  await rm(vaultDir, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

const bodies = (v: Vault) => new Map(v.allNotes().map((n) => [n.id, n.body]));

test('a warm open holds no body: each is read from the data file, and equals the cold one', async () => {
  const cold = await Vault.open(vaultDir, { cacheDir });
  assert.ok(cold.allNotes().length > 5);
  assert.ok(
    cold.allNotes().every((n) => !isStored(n)),
    'a cold open holds the bodies it read',
  );
  const expected = bodies(cold);
  await cold.saveCache();
  assert.ok(cold.allNotes().every(isStored), 'after the save, the cold vault lets them go too');
  assert.deepEqual(bodies(cold), expected);
  const warm = await Vault.open(vaultDir, { cacheDir });
  assert.equal(warm.origin.fromCache, expected.size);
  assert.ok(warm.allNotes().every(isStored));
  assert.deepEqual(bodies(warm), expected);
  assert.ok(
    [...expected.values()].some((b) => /[가-힣]/.test(b)),
    'Korean text comes back whole',
  );
  // What reads bodies works on them: search snippets, and the note's unlinked mentions.
  const hit = warm.search.search('SageMaker Processing', 5)[0];
  assert.ok(hit && /<mark>/i.test(hit.snippet), JSON.stringify(hit));
  // A copy as data has its body, and a spread of a stored note does not read it.
  const note = warm.allNotes()[0];
  assert.equal(withBody(note).body, expected.get(note.id));
  assert.equal(Object.hasOwn({ ...note }, 'body'), false);
});

test('a note changed after the save keeps its own body until the next save stores it', async () => {
  const vault = await Vault.open(vaultDir, { cacheDir });
  await vault.saveCache();
  const id = vault.allNotes()[0].id;
  await writeFile(path.join(vaultDir, id), '---\ntags: [x/y]\n---\nrewritten body with zebraword\n');
  await vault.fileChanged(path.join(vaultDir, id));
  const changed = vault.getNote(id)!;
  assert.equal(isStored(changed), false);
  assert.equal(changed.body, 'rewritten body with zebraword\n');
  await vault.saveCache();
  assert.equal(isStored(vault.getNote(id)!), true);
  assert.equal(vault.getNote(id)!.body, 'rewritten body with zebraword\n');
  const warm = await Vault.open(vaultDir, { cacheDir });
  assert.equal(warm.getNote(id)!.body, 'rewritten body with zebraword\n');
  assert.deepEqual(
    warm.search.search('zebraword').map((h) => h.id),
    [id],
  );
});

test('a note replaced while the cache is written keeps its own body (the new text)', async () => {
  const vault = await Vault.open(vaultDir, { cacheDir });
  const id = vault.allNotes()[1].id;
  const saving = vault.saveCache();
  await writeFile(path.join(vaultDir, id), 'written during the save\n');
  await vault.fileChanged(path.join(vaultDir, id));
  await saving;
  assert.equal(isStored(vault.getNote(id)!), false);
  assert.equal(vault.getNote(id)!.body, 'written during the save\n');
});

test('a body whose data file cannot be read comes from its note file; assigning a body keeps it', async () => {
  const data = path.join(cacheDir, 'bodies.bin');
  const text = 'first body\n두 번째';
  await writeFile(data, Buffer.from(`xx${text}`, 'utf16le'));
  const file = new BodyFile(data, 4, Int32Array.of(11, text.length), vaultDir);
  const id = 'aws/some-note.md';
  const note = { id, title: 'some-note' } as ParsedNote;
  const other = { id: 'gone.md', title: 'gone' } as ParsedNote;
  storeBody(note, file, 1);
  storeBody(other, file, 0);
  assert.equal(note.body, '두 번째');
  assert.equal(other.body, 'first body\n');
  assert.equal(file.read(2), null, 'no such body');
  file.close();
  await writeFile(path.join(vaultDir, id), '---\ntags: [a]\n---\nfrom the note file\n');
  assert.equal(note.body, 'from the note file\n', 'the file closed: read from the vault');
  assert.equal(other.body, '', 'and a note whose file is gone too has none');
  note.body = 'assigned';
  assert.equal(note.body, 'assigned');
  assert.equal(isStored(note), false);
  assert.deepEqual(JSON.parse(JSON.stringify(note)).body, 'assigned');
  assert.equal((await readFile(data)).length, 2 * (text.length + 2));
});

/** The index cache data files this process holds open (Linux: /proc/self/fd). */
const openDataFiles = () =>
  readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((l) => l.startsWith(cacheDir) && /index-.*\.bin/.test(l));

/** Where there is no /proc/self/fd (not Linux): says so loudly and skips the test. */
function noProcFd(t: TestContext): boolean {
  if (process.platform === 'linux') return false;
  console.log('*** no /proc/self/fd here: the open data files cannot be counted — test SKIPPED ***');
  t.skip('needs /proc/self/fd');
  return true;
}

test('saves keep at most two data files open: the last and the one before', async (t) => {
  if (noProcFd(t)) return;
  const first = await Vault.open(vaultDir, { cacheDir });
  await first.saveCache();
  const vault = await Vault.open(vaultDir, { cacheDir });
  const id = vault.allNotes()[0].id;
  const kept = vault.allNotes()[2];
  for (let i = 0; i < 4; i++) {
    await writeFile(path.join(vaultDir, id), `edit number ${i} with word${i}\n`);
    await vault.fileChanged(path.join(vaultDir, id));
    await vault.saveCache();
  }
  // Each save deleted the data file before it. Open: the first vault's (the first save), and this
  // vault's last two; not the one it opened, nor the two saves between.
  const open = openDataFiles();
  assert.equal(open.length, 3, open.join('\n'));
  assert.equal(open.filter((l) => !l.endsWith(' (deleted)')).length, 1, 'and one of them is the cache as it is now');
  assert.equal(kept.body, bodies(first).get(kept.id), 'a note stored in the last file reads its body');
  assert.deepEqual(
    vault.search.search('word3').map((h) => h.id),
    [id],
  );
});

test('a vault whose files are closed holds no data file open, and its notes read their bodies from their files', async (t) => {
  if (noProcFd(t)) return;
  const cold = await Vault.open(vaultDir, { cacheDir });
  await cold.saveCache();
  const expected = bodies(cold);
  cold.closeFiles();
  const warm = await Vault.open(vaultDir, { cacheDir });
  assert.equal(openDataFiles().length, 1, 'the warm vault reads its bodies from the data file');
  warm.closeFiles();
  assert.deepEqual(openDataFiles(), []);
  assert.deepEqual(bodies(warm), expected);
});
