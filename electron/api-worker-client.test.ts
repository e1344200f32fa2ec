// The index worker as the transports run it: the built bundle on a worker thread.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApiWorkerClient } from './api-worker-client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = path.join(ROOT, 'out', 'api-worker-entry.cjs');

test('close writes the index cache save still pending before the worker stops', async (t) => {
  if (!existsSync(WORKER)) execFileSync(process.execPath, [path.join(ROOT, 'electron/build.mjs')], { stdio: 'ignore' });
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'cairn-close-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const vault = path.join(tmp, 'vault');
  cpSync(path.join(ROOT, 'notes'), vault, { recursive: true });
  const dataDir = path.join(tmp, 'data');
  const api = new ApiWorkerClient(WORKER, { canOpenVault: false, watch: false, dataDir });
  await api.open(vault);
  // A first open has no cache: its save is scheduled 1.5 s later. Closing at once must not lose it.
  await api.close();
  const caches = path.join(dataDir, 'index-cache');
  const dirs = existsSync(caches) ? readdirSync(caches) : [];
  assert.equal(dirs.length, 1, 'one cache folder for the vault');
  assert.ok(existsSync(path.join(caches, dirs[0], 'manifest.json')), 'the cache was written whole');
});
