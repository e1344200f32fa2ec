import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

// start.mjs is plain JavaScript run by node; import it by URL so TypeScript does not look for types.
interface StartModule {
  findElectronBinary(pkgDir: string | null, env: Record<string, string | undefined>): string | null;
  electronPackageDir(from?: string): string | null;
  resolveVaultArgs(argv: string[], base: string): string[];
  NO_ELECTRON_MESSAGE: string;
}
const start = (await import(new URL('./start.mjs', import.meta.url).href)) as StartModule;

describe('findElectronBinary never downloads, only looks', () => {
  let base: string;
  before(async () => (base = await mkdtemp(path.join(os.tmpdir(), 'cairn-start-'))));
  after(() => rm(base, { recursive: true, force: true }));

  async function fakePackage(name: string, files: Record<string, string>): Promise<string> {
    const dir = path.join(base, name);
    for (const [rel, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), content);
    }
    await mkdir(dir, { recursive: true });
    return dir;
  }

  test('no path.txt (binary never fetched) → null', async () => {
    assert.equal(start.findElectronBinary(await fakePackage('none', { 'package.json': '{}' }), {}), null);
  });

  test('path.txt but no dist/ (fetch failed half way) → null', async () => {
    assert.equal(start.findElectronBinary(await fakePackage('half', { 'path.txt': 'electron' }), {}), null);
  });

  test('path.txt and the binary → its path', async () => {
    const dir = await fakePackage('full', { 'path.txt': 'electron', 'dist/electron': '#!/bin/sh\n' });
    assert.equal(start.findElectronBinary(dir, {}), path.join(dir, 'dist', 'electron'));
  });

  test('ELECTRON_OVERRIDE_DIST_PATH is honoured like electron/index.js does', async () => {
    const dist = await fakePackage('override', { electron: '#!/bin/sh\n' });
    assert.equal(start.findElectronBinary(null, { ELECTRON_OVERRIDE_DIST_PATH: dist }), path.join(dist, 'electron'));
    assert.equal(start.findElectronBinary(null, { ELECTRON_OVERRIDE_DIST_PATH: path.join(base, 'nowhere') }), null);
  });

  test('no electron package at all → null', () => {
    assert.equal(start.findElectronBinary(null, {}), null);
  });

  test('this checkout: the package is found without running its index.js', () => {
    const dir = start.electronPackageDir();
    assert.ok(dir?.endsWith(path.join('node_modules', 'electron')), String(dir));
  });

  test('the fallback announces itself in one line', () => {
    assert.ok(!start.NO_ELECTRON_MESSAGE.includes('\n'));
    assert.match(start.NO_ELECTRON_MESSAGE, /Electron binary not available/);
  });
});

describe('resolveVaultArgs', () => {
  const base = path.resolve('/home/me/study');
  const cases: Array<[string[], string[]]> = [
    [
      ['--vault', 'notes'],
      ['--vault', path.join(base, 'notes')],
    ],
    [['--vault=../other'], [`--vault=${path.resolve(base, '../other')}`]],
    [
      ['--vault', '/abs/v'],
      ['--vault', path.resolve('/abs/v')],
    ],
    [
      ['--port', '0', 'notes'],
      ['--port', '0', 'notes'],
    ],
    [
      ['--vault', '--port'],
      ['--vault', '--port'],
    ],
  ];
  for (const [argv, want] of cases) test(argv.join(' '), () => assert.deepEqual(start.resolveVaultArgs(argv, base), want));
});
