import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { defaultVaultSettings, normalizeVaultSettings, VaultSettingsPatchSchema, VaultSettingsStore } from './vault-settings.ts';

async function temp() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-vs-'));
  return { dir, done: () => rm(dir, { recursive: true, force: true }) };
}

test('defaults: 20 new cards a day, the SR plugin defaults', () => {
  const s = defaultVaultSettings();
  assert.equal(s.newCardsPerDay, 20);
  assert.deepEqual(s.sr, {
    inlineSeparator: '::',
    inlineReversedSeparator: ':::',
    multilineSeparator: '?',
    multilineReversedSeparator: '??',
    endMarker: '',
    clozeHighlight: true,
    clozeBold: false,
    clozeCurly: false,
    flashcardTags: ['flashcards'],
  });
});

test('a bad stored field falls back alone; unknown keys are dropped', () => {
  const s = normalizeVaultSettings({ newCardsPerDay: -3, sr: { clozeBold: true, inlineSeparator: '' }, evil: 1 });
  assert.equal(s.newCardsPerDay, 20);
  assert.equal(s.sr.clozeBold, true);
  assert.equal(s.sr.inlineSeparator, '::');
  assert.equal('evil' in s, false);
});

test('a patch is strict: unknown keys and bad values are refused', () => {
  assert.equal(VaultSettingsPatchSchema.safeParse({ newCardsPerDay: 5 }).success, true);
  assert.equal(VaultSettingsPatchSchema.safeParse({ newCardsPerDay: 1.5 }).success, false);
  assert.equal(VaultSettingsPatchSchema.safeParse({ other: 1 }).success, false);
  assert.equal(VaultSettingsPatchSchema.safeParse({ sr: { inlineSeparator: 'a b' } }).success, false);
});

test('saved per vault under its real path: a symlinked path finds the same settings; other vaults keep theirs', async () => {
  const t = await temp();
  try {
    const vault = path.join(t.dir, 'vault');
    const other = path.join(t.dir, 'other');
    await mkdir(vault);
    await mkdir(other);
    await symlink(vault, path.join(t.dir, 'link'));
    const store = new VaultSettingsStore(path.join(t.dir, 'data'));
    const saved = await store.update(path.join(t.dir, 'link'), { newCardsPerDay: 5, sr: { clozeCurly: true } });
    assert.equal(saved.newCardsPerDay, 5);
    assert.equal((await store.load(vault)).newCardsPerDay, 5);
    assert.equal((await store.load(vault)).sr.clozeCurly, true);
    assert.equal((await store.load(vault)).sr.clozeHighlight, true);
    assert.equal((await store.load(other)).newCardsPerDay, 20);
    await store.update(other, { newCardsPerDay: 0 });
    assert.equal((await store.load(vault)).newCardsPerDay, 5);
    const onDisk = JSON.parse(await readFile(store.file, 'utf8'));
    assert.deepEqual(
      Object.keys(onDisk).sort(),
      [await import('node:fs').then((f) => f.realpathSync(vault)), await import('node:fs').then((f) => f.realpathSync(other))].sort(),
    );
  } finally {
    await t.done();
  }
});

test('a corrupt settings file gives the defaults and is rewritten on the next save', async () => {
  const t = await temp();
  try {
    const store = new VaultSettingsStore(t.dir);
    await writeFile(store.file, '{"broken', 'utf8');
    assert.deepEqual(await store.load(t.dir), defaultVaultSettings());
    await store.update(t.dir, { newCardsPerDay: 7 });
    assert.equal((await store.load(t.dir)).newCardsPerDay, 7);
  } finally {
    await t.done();
  }
});
