// Builds the app into out/: the Electron main process and preload (CommonJS, as Electron loads
// them), and the renderer (one ES bundle + CSS + index.html). esbuild, no binary downloads.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out');
const watch = process.argv.includes('--watch');

// No wiping of out/ first: esbuild overwrites its files, and a server already running keeps
// serving a complete renderer while a rebuild happens.
await mkdir(path.join(out, 'renderer'), { recursive: true });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
};

// import.meta.url is used by a few modules to find the shipped vault; give CJS a value for it.
const metaUrl = {
  define: { 'import.meta.url': '__cairn_import_meta_url' },
  banner: { js: "const __cairn_import_meta_url = require('url').pathToFileURL(__filename).href;" },
};

await Promise.all([
  build({ ...node, ...metaUrl, entryPoints: [path.join(root, 'electron/main.ts')], outfile: path.join(out, 'main.cjs') }),
  // The vault, index and services run on this worker thread (electron/worker-api.ts).
  build({ ...node, ...metaUrl, entryPoints: [path.join(root, 'electron/api-worker.ts')], outfile: path.join(out, 'api-worker.cjs') }),
  // The preload runs sandboxed: no Node globals, only require('electron').
  build({ ...node, platform: 'browser', entryPoints: [path.join(root, 'electron/preload.ts')], outfile: path.join(out, 'preload.cjs') }),
  build({
    entryPoints: [path.join(root, 'renderer/main.tsx')],
    outdir: path.join(out, 'renderer'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    minify: !watch,
    sourcemap: true,
    logLevel: 'warning',
    loader: { '.svg': 'file', '.woff2': 'file' },
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
    logLevel: 'warning',
  }),
]);
await copyFile(path.join(root, 'renderer/index.html'), path.join(out, 'renderer/index.html'));
console.log('built out/');
