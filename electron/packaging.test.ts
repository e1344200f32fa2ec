// The packaged app carries out/ and, from node_modules, only the file watcher (@parcel/watcher,
// native) and what it requires (electron-builder.yml; README.md, "Packaging"). These tests check
// that on the real bundles: the index worker, its parse threads and the SQLite wasm run from a
// copy of the app.asar.unpacked layout with no node_modules above it, the worker watches the vault
// with only the packages electron-builder.yml unpacks beside it, and — where an Electron zip is in
// the cache, since none can be downloaded here — electron-builder --dir lays the app out that way.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApiWorkerClient } from './api-worker-client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'out');
/** What electron-builder.yml unpacks from the archive: worker threads start from these. */
const UNPACKED = ['api-worker-boot.cjs', 'api-worker-entry.cjs', 'parse-worker.cjs', 'sql-wasm.wasm'];
const BUNDLES = ['main.cjs', 'preload.cjs', 'api-worker-boot.cjs', 'api-worker-entry.cjs', 'parse-worker.cjs'];

function built(): void {
  if (![...UNPACKED, ...BUNDLES].every((f) => existsSync(path.join(OUT, f))))
    execFileSync(process.execPath, [path.join(ROOT, 'electron/build.mjs')], { stdio: 'ignore' });
}

/** The native file watcher: the one package the bundles leave to node_modules. */
const WATCHER = '@parcel/watcher';

test('the app bundles require nothing but Node built-ins, electron, and the watcher from the index worker', () => {
  built();
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  for (const file of BUNDLES) {
    const code = readFileSync(path.join(OUT, file), 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["']([^"'./][^"']*)["']\s*\)/g)].map((m) => m[1]);
    const allowed = (m: string) => m === 'electron' || builtins.has(m) || (file === 'api-worker-entry.cjs' && m === WATCHER);
    const outside = [...new Set(required)].filter((m) => !allowed(m));
    assert.deepEqual(outside, [], `${file} requires packages the packaged app does not carry`);
  }
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  assert.deepEqual(Object.keys(pkg.dependencies ?? {}), [WATCHER], 'any other runtime dependency would be copied into the package for nothing');
});

test("the index worker's bundle imports no package with import(): it fails there once V8's code cache is used", () => {
  built();
  // api-worker-boot.ts runs the bundle as a vm.Script with cached data; with the cache accepted,
  // Node 20 answers `import()` with "A dynamic import callback was not specified" (the watcher
  // once failed so, on every warm start). esbuild turns import() of our own modules into
  // requires; a package left outside the bundle must be required. FlexSearch's worker mode holds
  // one that Node never reaches (it takes the `require` branch).
  const code = readFileSync(path.join(OUT, 'api-worker-entry.cjs'), 'utf8');
  const imported = [...code.matchAll(/[^\w.$]import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(imported)], ['worker_threads']);
});

/** The node_modules folders electron-builder.yml unpacks (its `node_modules/<name>/**` lines). */
function unpackedModules(): string[] {
  const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  return [...yml.matchAll(/^\s*-\s*node_modules\/(.+?)\/\*\*\s*$/gm)].map((m) => m[1]);
}

/** A copy of the app.asar.unpacked layout in a temp folder, removed after the test: the unpacked
 *  bundles in its out/, and `worker` starts the index worker from there (stopped after the test). */
function unpackedLayout(t: TestContext, watch: boolean) {
  built();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cairn-packaged-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const unpacked = path.join(tmp, 'resources', 'app.asar.unpacked');
  const dir = path.join(unpacked, 'out');
  mkdirSync(dir, { recursive: true });
  for (const f of UNPACKED) copyFileSync(path.join(OUT, f), path.join(dir, f));
  const worker = () => {
    const api = new ApiWorkerClient(path.join(dir, 'api-worker-entry.cjs'), { canOpenVault: false, watch, dataDir: path.join(tmp, 'data'), indexCache: false });
    t.after(() => api.close());
    return api;
  };
  return { tmp, unpacked, worker };
}

test('the index worker watches the vault with only the packages electron-builder.yml unpacks beside it', async (t) => {
  const { tmp, unpacked, worker } = unpackedLayout(t, true);
  const modules = unpackedModules();
  assert.ok(modules.includes('@parcel'), 'the watcher is unpacked');
  for (const m of modules) cpSync(path.join(ROOT, 'node_modules', m), path.join(unpacked, 'node_modules', m), { recursive: true });
  const vault = path.join(tmp, 'vault');
  cpSync(path.join(ROOT, 'notes'), vault, { recursive: true });

  const api = worker();
  await api.open(vault);
  await api.watching();
  const info = await api.dispatch('vaultInfo', {});
  assert.ok(info.ok && (info.value as { index: { watch: string | null } }).index.watch === null, `no watcher failure: ${JSON.stringify(info)}`);
  writeFileSync(path.join(vault, 'written-after.md'), '# Written after\nzanzibarword');
  const until = Date.now() + 10_000;
  let hits: unknown[] = [];
  while (Date.now() < until && hits.length === 0) {
    const found = await api.dispatch('search', { query: 'zanzibarword', limit: 5 });
    hits = found.ok ? (found.value as { hits: unknown[] }).hits : [];
    if (!hits.length) await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(hits.length, 1, 'the note written on disk was heard and indexed');
});

test('the index worker runs from an unpacked layout with no node_modules: it indexes, searches and writes an Anki package', async (t) => {
  const { tmp, worker } = unpackedLayout(t, false);
  assert.equal(existsSync(path.join(tmp, 'node_modules')), false);

  const api = worker();
  await api.open(path.join(ROOT, 'notes'));
  const found = await api.dispatch('search', { query: 'sagemaker processing', limit: 5 });
  assert.ok(found.ok, JSON.stringify(found));
  assert.ok((found.value as { hits: unknown[] }).hits.length > 0, 'the shipped vault answers a search');
  const anki = await api.dispatch('exportAnkiPackage', {});
  assert.ok(anki.ok, JSON.stringify(anki));
  assert.ok((anki.value as { notes: number }).notes > 0, 'sql.js ran from the wasm beside the bundle');
});

/** electron-builder needs Electron's zip for this version; this machine cannot download it. */
function cachedElectronZip(): string | null {
  const version = (createRequire(import.meta.url)('electron/package.json') as { version: string }).version;
  const name = `electron-v${version}-${process.platform}-${process.arch}.zip`;
  const dirs = [process.env.ELECTRON_CACHE, path.join(os.homedir(), '.cache', 'electron')].filter((d): d is string => Boolean(d));
  for (const d of dirs) {
    if (!existsSync(d)) continue;
    const hit = readdirSync(d, { recursive: true, encoding: 'utf8' }).find((f) => path.basename(f) === name);
    if (hit) return path.join(d, hit);
  }
  return null;
}

test('electron-builder --dir lays out the app: bundles in app.asar, workers unpacked, the shipped vault beside it', async (t) => {
  const zip = cachedElectronZip();
  if (!zip) {
    const why = 'no Electron zip in the cache (ELECTRON_CACHE or ~/.cache/electron) and none can be downloaded here — electron-builder --dir test SKIPPED';
    console.log(`\n*** ${why} ***\n`);
    t.skip(why);
    return;
  }
  built();
  const dist = mkdtempSync(path.join(os.tmpdir(), 'cairn-dist-'));
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  const cli = path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js');
  const r = spawnSync(process.execPath, [cli, '--dir', '--publish', 'never', `-c.directories.output=${dist}`, `-c.electronDist=${path.dirname(zip)}`], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_BUILDER_OFFLINE: 'true' },
  });
  assert.equal(r.status, 0, r.stderr || r.stdout);
  const unpackedDir = readdirSync(dist).find((d) => d.endsWith('-unpacked'));
  assert.ok(unpackedDir, `no *-unpacked folder in ${readdirSync(dist).join(', ')}`);
  const resources = path.join(dist, unpackedDir, 'resources');
  for (const f of UNPACKED) assert.ok(existsSync(path.join(resources, 'app.asar.unpacked', 'out', f)), `${f} is unpacked`);
  assert.ok(existsSync(path.join(resources, 'notes')), 'the shipped vault is a folder beside app.asar');
  const { listPackage } = createRequire(import.meta.url)('@electron/asar') as { listPackage(p: string, o: object): string[] };
  const files = listPackage(path.join(resources, 'app.asar'), {}).map((f) => f.split(path.sep).join('/'));
  for (const f of ['/out/main.cjs', '/out/preload.cjs', '/out/renderer/index.html', '/package.json']) assert.ok(files.includes(f), `${f} is in app.asar`);
  // node_modules holds the watcher and what it requires, unpacked (the worker loads them from there).
  for (const m of unpackedModules()) assert.ok(existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', m)), `node_modules/${m} is unpacked`);
  const platform = readdirSync(path.join(resources, 'app.asar.unpacked', 'node_modules', '@parcel')).find((d) => d.startsWith('watcher-'));
  assert.ok(platform, "the watcher's .node file for this platform is unpacked");
  assert.equal(files.filter((f) => f.startsWith('/out/cli/')).length, 0, 'the source-checkout CLI is not packaged');
});
