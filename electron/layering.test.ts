// The house's layering, enforced both ways (README "How it is built"): data flows vault files →
// domain → contract → transports → renderer, and nothing reaches back.
// - electron/domain/ imports only itself, Node and npm packages: never services, the contract,
//   transports, the CLI or the renderer.
// - renderer/ imports only types from electron/ (`import type`), so no main-process code can
//   end up in the page bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, dir), { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`));
}

export interface ImportRef {
  spec: string;
  typeOnly: boolean;
}

/** Every static import, re-export, dynamic import() and require() of a module's text. */
export function importsOf(text: string): ImportRef[] {
  const refs: ImportRef[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^;'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(statement)) {
    if (m[1] === 'export' && !m[3]) continue;
    refs.push({ spec: m[4], typeOnly: Boolean(m[2]) });
  }
  for (const m of text.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) refs.push({ spec: m[1], typeOnly: false });
  return refs;
}

function target(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return path
    .relative(ROOT, path.resolve(path.dirname(file), spec))
    .split(path.sep)
    .join('/');
}

test('the import scanner sees every form', () => {
  const refs = importsOf(
    [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "export type { D } from './d.ts';",
      "const e = await import('./e.ts');",
      "const f = require('./f.cjs');",
      "import './g.css';",
    ].join('\n'),
  );
  assert.deepEqual(refs, [
    { spec: './a.ts', typeOnly: false },
    { spec: '../b.ts', typeOnly: true },
    { spec: './c.ts', typeOnly: false },
    { spec: './d.ts', typeOnly: true },
    { spec: './g.css', typeOnly: false },
    { spec: './e.ts', typeOnly: false },
    { spec: './f.cjs', typeOnly: false },
  ]);
});

test('electron/domain imports nothing above it', async () => {
  const offenders: string[] = [];
  for (const file of await sources('electron/domain')) {
    for (const { spec } of importsOf(await readFile(file, 'utf8'))) {
      const to = target(file, spec);
      if (spec === 'electron' || spec.startsWith('electron/') || (to && !to.startsWith('electron/domain/'))) {
        offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
      }
    }
  }
  assert.deepEqual(offenders, []);
});

test('renderer imports only types from electron/', async () => {
  const offenders: string[] = [];
  for (const file of await sources('renderer')) {
    for (const { spec, typeOnly } of importsOf(await readFile(file, 'utf8'))) {
      const to = target(file, spec);
      if (spec === 'electron' || (to?.startsWith('electron/') && !typeOnly)) offenders.push(`${path.relative(ROOT, file)} → ${spec}`);
    }
  }
  assert.deepEqual(offenders, []);
});
