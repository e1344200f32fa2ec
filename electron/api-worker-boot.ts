// The index worker's first step (api-worker-client.ts starts it): it runs the worker bundle,
// out/api-worker-entry.cjs, with V8's code cache for it, so that a start does not parse and
// compile 5 MB of JavaScript again.
//
// Why this layer exists: Node's own compile cache (`module.enableCompileCache`) arrived in Node
// 22.1, and `cairn serve` runs on Node 20. Measured at 10k notes through `cairn serve`, loading
// the bundle took 0.42 s of the worker's start, 0.17 s of it compiling; with the cache, compiling
// takes about 0.06 s. The cache is made a few seconds after the start, once the functions that
// opening a vault runs are compiled, and kept in the app data folder under the bundle's hash and
// V8's version: a new build or another Electron makes a new one. V8 checks the data itself and
// rejects what does not fit (then the bundle compiles as without a cache). Any failure here only
// loses the cache, never the start.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { workerData } from 'node:worker_threads';

export interface WorkerBoot {
  /** The worker bundle (out/api-worker-entry.cjs). */
  bundle: string;
  /** Where the code cache is kept (`<dataDir>/code-cache`); null: none. */
  cacheDir: string | null;
  /** How long after the start the cache is made (default 5 s: opening a vault's code has run by then). */
  saveAfterMs?: number;
}

const { bundle, cacheDir, saveAfterMs = 5000 } = (workerData as { boot: WorkerBoot }).boot;
const source = readFileSync(bundle, 'utf8');
const name = `api-worker-${createHash('sha1').update(source).update(process.versions.v8).digest('hex').slice(0, 16)}.bin`;
const cacheFile = cacheDir ? path.join(cacheDir, name) : null;
let cachedData: Buffer | undefined;
try {
  cachedData = cacheFile ? readFileSync(cacheFile) : undefined;
} catch {
  cachedData = undefined;
}
// The CommonJS wrapper Node puts around a module, so the bundle runs as if `require`d.
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  cachedData,
  // FlexSearch's worker mode holds an `import()` (never called here): the default loader answers it,
  // but only while no cached data was accepted (Node 20 then says "A dynamic import callback was
  // not specified"), so the bundle imports no package with import() (packaging.test.ts).
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (cacheFile && (!cachedData || script.cachedDataRejected)) setTimeout(() => saveCache(cacheFile), saveAfterMs).unref();
const mod = new Module(bundle);
mod.filename = bundle;
(script.runInThisContext() as (...args: unknown[]) => void).call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));

/** Writes the cache (a file written whole, then renamed) and removes those of other builds. */
function saveCache(file: string): void {
  try {
    const dir = path.dirname(file);
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, file);
    for (const old of readdirSync(dir)) if (old !== path.basename(file) && /^api-worker-.*\.bin$/.test(old)) rmSync(path.join(dir, old), { force: true });
  } catch {
    // A read-only or full data folder: the next start compiles the bundle again.
  }
}
