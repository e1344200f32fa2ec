import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  MAX_RECENT,
  SettingsStore,
  loadSettings,
  normalizeSettings,
  parseVaultArg,
  pushRecent,
  restoreBounds,
  saveSettings,
  startupVaults,
} from './settings.ts';

const abs = (p: string) => path.resolve('/', p);

async function tempFile(content?: string): Promise<{ file: string; done: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-settings-'));
  const file = path.join(dir, 'settings.json');
  if (content !== undefined) await writeFile(file, content);
  return { file, done: () => rm(dir, { recursive: true, force: true }) };
}

describe('loadSettings survives what is on disk', () => {
  const cases: Array<[string, string | undefined]> = [
    ['missing file', undefined],
    ['empty file', ''],
    ['truncated JSON', '{"recentVaults": ["/a"'],
    ['not JSON', 'hello'],
    ['JSON null', 'null'],
    ['JSON array', '[1,2]'],
    ['JSON string', '"x"'],
  ];
  for (const [name, content] of cases) {
    test(`${name} → defaults`, async () => {
      const t = await tempFile(content);
      try {
        assert.deepEqual(loadSettings(t.file), { recentVaults: [] });
      } finally {
        await t.done();
      }
    });
  }
});

describe('normalizeSettings', () => {
  test('unknown keys are dropped', () => {
    const s = normalizeSettings({ recentVaults: [abs('v')], evil: { __proto__: 1 }, theme: 'dark' });
    assert.deepEqual(Object.keys(s), ['recentVaults']);
  });

  test('one bad field costs only that field', () => {
    const s = normalizeSettings({ recentVaults: [abs('a')], lastVault: 42, window: { width: 'wide' } });
    assert.deepEqual(s, { recentVaults: [abs('a')] });
    const t = normalizeSettings({ recentVaults: 'nope', lastVault: abs('b'), window: { width: 900, height: 700, x: 10, y: 20, maximized: true } });
    assert.deepEqual(t, { recentVaults: [], lastVault: abs('b'), window: { width: 900, height: 700, x: 10, y: 20, maximized: true } });
  });

  test('recent list: absolute strings only, de-duplicated, capped', () => {
    const many = Array.from({ length: 15 }, (_, i) => abs(`v${i}`));
    const s = normalizeSettings({ recentVaults: [abs('v0'), 'relative/dir', 7, null, abs('v0/'), ...many, abs('x\0y')] });
    assert.equal(s.recentVaults.length, MAX_RECENT);
    assert.equal(new Set(s.recentVaults).size, s.recentVaults.length);
    assert.equal(s.recentVaults[0], abs('v0'));
    assert.ok(s.recentVaults.every((p) => path.isAbsolute(p)));
  });

  test('window bounds outside sane sizes are refused', () => {
    assert.equal(normalizeSettings({ window: { width: 10, height: 10 } }).window, undefined);
    assert.equal(normalizeSettings({ window: { width: 1e9, height: 500 } }).window, undefined);
    assert.equal(normalizeSettings({ window: { width: 800.5, height: 500 } }).window, undefined);
  });
});

describe('pushRecent', () => {
  const cases: Array<[string, string[], string, string[]]> = [
    ['new vault goes first', [abs('a'), abs('b')], abs('c'), [abs('c'), abs('a'), abs('b')]],
    ['existing vault moves to the front', [abs('a'), abs('b'), abs('c')], abs('c'), [abs('c'), abs('a'), abs('b')]],
    ['trailing slash is the same vault', [abs('a'), abs('b')], abs('b') + '/', [abs('b'), abs('a')]],
  ];
  for (const [name, list, dir, want] of cases) test(name, () => assert.deepEqual(pushRecent(list, dir), want));

  test(`never more than ${MAX_RECENT}`, () => {
    let list: string[] = [];
    for (let i = 0; i < 25; i++) list = pushRecent(list, abs(`v${i}`));
    assert.equal(list.length, MAX_RECENT);
    assert.equal(list[0], abs('v24'));
  });
});

describe('SettingsStore', () => {
  test('round trip through the file, atomic write leaves no temp file', async () => {
    const t = await tempFile();
    try {
      const store = new SettingsStore(t.file);
      store.vaultOpened(abs('one'));
      store.vaultOpened(abs('two'));
      store.vaultOpened(abs('one'));
      store.setWindow({ x: 5, y: 6, width: 1000, height: 700, maximized: false });
      const again = new SettingsStore(t.file).get();
      assert.deepEqual(again.recentVaults, [abs('one'), abs('two')]);
      assert.equal(again.lastVault, abs('one'));
      assert.deepEqual(again.window, { x: 5, y: 6, width: 1000, height: 700, maximized: false });
      assert.deepEqual(await readdir(path.dirname(t.file)), ['settings.json']);
    } finally {
      await t.done();
    }
  });

  test('forgetVault drops it from recent and as last vault', async () => {
    const t = await tempFile();
    try {
      const store = new SettingsStore(t.file);
      store.vaultOpened(abs('gone'));
      store.vaultOpened(abs('kept'));
      store.vaultOpened(abs('gone'));
      store.forgetVault(abs('gone'));
      assert.deepEqual(store.get(), { recentVaults: [abs('kept')] });
    } finally {
      await t.done();
    }
  });

  test('a corrupt file is replaced on the next save', async () => {
    const t = await tempFile('{{{{');
    try {
      const store = new SettingsStore(t.file);
      assert.deepEqual(store.get(), { recentVaults: [] });
      store.vaultOpened(abs('v'));
      assert.deepEqual(JSON.parse(await readFile(t.file, 'utf8')), { recentVaults: [abs('v')], lastVault: abs('v') });
    } finally {
      await t.done();
    }
  });

  test('saveSettings normalises what it writes', async () => {
    const t = await tempFile();
    try {
      saveSettings(t.file, { recentVaults: [abs('a'), abs('a')], extra: true } as never);
      assert.deepEqual(JSON.parse(await readFile(t.file, 'utf8')), { recentVaults: [abs('a')] });
    } finally {
      await t.done();
    }
  });

  test('an unwritable location does not throw', () => {
    const store = new SettingsStore(path.join(os.tmpdir(), 'cairn-no-such', '\0bad', 'settings.json'));
    assert.doesNotThrow(() => store.vaultOpened(abs('v')));
    assert.deepEqual(store.recentVaults(), [abs('v')]);
  });
});

describe('restoreBounds', () => {
  const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
  const fallback = { width: 1280, height: 820 };
  test('no saved bounds → default size', () => assert.deepEqual(restoreBounds(undefined, screen, fallback), fallback));
  test('on screen → as saved', () =>
    assert.deepEqual(restoreBounds({ x: 100, y: 50, width: 900, height: 600 }, screen, fallback), { x: 100, y: 50, width: 900, height: 600 }));
  test('on an unplugged monitor → size only (OS centres it)', () =>
    assert.deepEqual(restoreBounds({ x: 3000, y: 50, width: 900, height: 600 }, screen, fallback), { width: 900, height: 600 }));
  test('barely on screen → size only', () =>
    assert.deepEqual(restoreBounds({ x: 1900, y: 1070, width: 900, height: 600 }, screen, fallback), { width: 900, height: 600 }));
});

describe('launch arguments', () => {
  const cwd = abs('home/me');
  const cases: Array<[string[], string | null]> = [
    [['electron', '.', '--vault', 'notes'], path.join(cwd, 'notes')],
    [['Cairn', '--vault=/data/vault'], abs('data/vault')],
    [['Cairn', '--inspect=0', '--vault', abs('v'), '--user-data-dir=/tmp/x'], abs('v')],
    [['Cairn', '--vault'], null],
    [['Cairn', '--vault', '--other'], null],
    [['Cairn', '--vault='], null],
    [['Cairn'], null],
  ];
  for (const [argv, want] of cases) test(argv.join(' '), () => assert.equal(parseVaultArg(argv, cwd), want));

  test('startupVaults: asked, then last if it exists, then shipped', () => {
    const exists = (d: string) => d !== abs('deleted');
    assert.deepEqual(startupVaults({ arg: abs('a'), lastVault: abs('l'), shipped: abs('s'), exists }), [abs('a'), abs('l'), abs('s')]);
    assert.deepEqual(startupVaults({ arg: null, lastVault: abs('deleted'), shipped: abs('s'), exists }), [abs('s')]);
    assert.deepEqual(startupVaults({ arg: abs('s'), lastVault: abs('s'), shipped: abs('s'), exists }), [abs('s')]);
  });
});
