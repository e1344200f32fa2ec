// Builds the app into out/: the Electron main process and preload (CommonJS, as Electron loads
// them), the renderer (one ES bundle + CSS + index.html) and the `cairn` command line (ES modules
// split per command group, out/cli/). esbuild, no binary downloads.
import { build } from 'esbuild';
import { copyFile, mkdir, readdir, rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const watch = process.argv.includes('--watch');

// No wiping of out/ first: esbuild overwrites its files, and a server already running keeps
// serving a complete renderer while a rebuild happens. The chunks of earlier builds (their names
// carry a hash) are removed after it (dropStale), or they pile up in the packaged app.
await mkdir(path.join(out, 'renderer'), { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron', '@parcel/watcher'],
  logLevel: 'warning',
};

// import.meta.url is used by a few modules to find the shipped vault; give CJS a value for it.
const metaUrl = {
  define: { 'import.meta.url': '__cairn_import_meta_url' },
  banner: { js: "const __cairn_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

/** `cairn --help` and argument parsing need every command's name, usage and options, but not its
 *  code: they are read here once, from the command modules, and put into the CLI bundle. */
async function commandMeta() {
  const tmp = path.join(out, `.cli-meta-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(root, 'electron/cli/commands.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    logLevel: 'warning',
  });
  try {
    return await (await import(pathToFileURL(tmp).href)).loadCommandMeta();
  } finally {
    await rm(tmp, { force: true });
  }
}

await mkdir(path.join(out, 'cli'), { recursive: true });
const results = await Promise.all([
  // The CLI: ES modules with code splitting, packages left to node_modules, so each command
  // group (and mathjs, markdown-it, ts-fsrs) loads only when a command needs it.
  commandMeta().then((meta) =>
    build({
      entryPoints: { cairn: path.join(root, 'electron/cli-main.ts') },
      outdir: path.join(out, 'cli'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      chunkNames: '[name]-[hash]',
      outExtension: { '.js': '.mjs' },
      define: { __CAIRN_COMMAND_META__: JSON.stringify(meta) },
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
    }),
  ),
  build({ ...node, ...metaUrl, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'main.cjs') }),
  // The vault, index and services run on this worker thread (electron/api-worker-entry.ts; its client is api-worker-client.ts).
  build({ ...node, ...metaUrl, entryPoints: [path.join(root, 'electron/api-worker-entry.ts')], outfile: path.join(out, 'api-worker-entry.cjs') }),
  // It is run by this small loader, with V8's code cache (electron/api-worker-boot.ts).
  build({ ...node, entryPoints: [path.join(root, 'electron/api-worker-boot.ts')], outfile: path.join(out, 'api-worker-boot.cjs') }),
  // A thread of the parse pool that reads and parses notes for a cold index (domain/vault/parse-pool.ts).
  build({ ...node, entryPoints: [path.join(root, 'electron/domain/vault/parse-worker.ts')], outfile: path.join(out, 'parse-worker.cjs') }),
  // The preload runs sandboxed: no Node globals, only require('electron').
  build({ ...node, platform: 'browser', entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(out, 'preload.cjs') }),
  build({
    entryPoints: [path.join(root, 'renderer/main.tsx')],
    outdir: path.join(out, 'renderer'),
    bundle: true,
    format: 'esm',
    // Code splitting: Mermaid (renderer/features/note/mermaid-render.ts) is imported dynamically
    // and lands in its own chunks, loaded only when a note has a diagram.
    splitting: true,
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: !watch,
    sourcemap: true,
    logLevel: 'warning',
    loader: { '.svg': 'file', '.woff2': 'file' },
    metafile: true,
  }),
  // The global graph's layout worker (renderer/features/graph/useGraphLayout.ts loads it).
  build({
    entryPoints: [path.join(root, 'renderer/features/graph/graph-layout-worker.ts')],
    outfile: path.join(out, 'renderer/graph-worker.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: !watch,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  }),
]);
await dropStale(results, ['cli', 'renderer'], ['renderer/index.html']);
await copyFile(path.join(root, 'renderer/index.html'), path.join(out, 'renderer/index.html'));
// sql.js's SQLite (the Anki export) beside the worker bundle: the packaged app has no node_modules.
await copyFile(path.join(root, 'node_modules/sql.js/dist/sql-wasm.wasm'), path.join(out, 'sql-wasm.wasm'));
console.log('built out/');

/** Removes the files of `folders` (under out/) that none of `results` wrote, but `keep`. */
async function dropStale(results, folders, keep) {
  const written = new Set(keep.map((f) => path.join(out, f)));
  for (const r of results) for (const f of Object.keys(r.metafile?.outputs ?? {})) written.add(path.resolve(f));
  for (const folder of folders) {
    for (const name of await readdir(path.join(out, folder))) {
      const file = path.join(out, folder, name);
      if (!written.has(file)) await rm(file, { recursive: true, force: true });
    }
  }
}
