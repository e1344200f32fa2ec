// The index worker's loader (api-worker-boot.ts): the bundle runs as a CommonJS module, its V8
// code cache is written once and used after, and a damaged cache never stops the start.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerBoot } from './api-worker-boot.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BOOT = path.join(ROOT, 'out', 'api-worker-boot.cjs');

/** Runs `bundle` through the loader; resolves with what it posted, once the worker has exited. */
function run(boot: WorkerBoot): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let posted: unknown = null;
    const w = new Worker(BOOT, { workerData: { boot } });
    w.on('message', (m) => (posted = m));
    w.on('error', reject);
    w.on('exit', () => resolve(posted));
  });
}

test('the loader runs the bundle as a CommonJS module and keeps a code cache it can lose', async (t) => {
  if (!existsSync(BOOT)) execFileSync(process.execPath, [path.join(ROOT, 'electron/build.mjs')], { stdio: 'ignore' });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cairn-boot-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const bundle = path.join(tmp, 'bundle.cjs');
  // What a bundle needs of its module scope: require (relative to itself), module, __filename, __dirname.
  writeFileSync(
    bundle,
    "const { parentPort } = require('node:worker_threads');\n" +
      'module.exports.x = 1;\n' +
      'parentPort.postMessage({ file: __filename, dir: __dirname, exported: module.exports.x, same: exports === module.exports });\n' +
      // Kept alive past the cache's save (saveAfterMs 0 below), then done.
      'setTimeout(() => parentPort.close(), 200);\n',
  );
  const cacheDir = path.join(tmp, 'code-cache');
  const boot = { bundle, cacheDir, saveAfterMs: 0 };
  const expected = { file: bundle, dir: tmp, exported: 1, same: true };
  assert.deepEqual(await run(boot), expected);
  const files = readdirSync(cacheDir);
  assert.equal(files.length, 1, 'one cache file, named for the bundle and V8');
  assert.match(files[0], /^api-worker-[0-9a-f]{16}\.bin$/);
  const made = readFileSync(path.join(cacheDir, files[0]));
  assert.ok(made.length > 0);
  // Used as it is: not written again.
  assert.deepEqual(await run(boot), expected);
  assert.deepEqual(readFileSync(path.join(cacheDir, files[0])), made);
  // A damaged cache: V8 rejects it, the bundle runs all the same, and a good one replaces it.
  writeFileSync(path.join(cacheDir, files[0]), 'not a code cache');
  assert.deepEqual(await run(boot), expected);
  assert.deepEqual(readFileSync(path.join(cacheDir, files[0])).length > 100, true, 'written again');
  // A changed bundle has a cache of its own, and the old one is removed.
  writeFileSync(bundle, `${readFileSync(bundle, 'utf8')}// changed\n`);
  assert.deepEqual(await run(boot), expected);
  const after = readdirSync(cacheDir);
  assert.equal(after.length, 1);
  assert.notEqual(after[0], files[0]);
  // No cache folder: nothing written, the bundle runs.
  assert.deepEqual(await run({ bundle, cacheDir: null, saveAfterMs: 0 }), expected);
});
