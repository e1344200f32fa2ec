// The built CLI (out/cli/, electron/build.mjs): it runs without a TypeScript compiler, and the
// modules a command does not need stay unloaded — `cairn --help` loads none of the heavy ones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'out/cli');
const ENTRY = path.join(CLI, 'cairn.mjs');
const HEAVY = ['mathjs', 'markdown-it', 'ts-fsrs', 'gray-matter', 'flexsearch', 'tsx', 'zod'];

/** Every module the entry loads before running anything: its static imports, followed. */
function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gms)) {
    const spec = m[1];
    if (spec.startsWith('.')) staticGraph(path.join(path.dirname(file), spec), seen);
    else seen.add(spec);
  }
  return seen;
}

const built = existsSync(ENTRY);
if (!built) console.log('# SKIPPED cli-bundle tests: out/cli/cairn.mjs is not built (npm run build; npm test builds first)');

test('the entry of the CLI bundle loads no heavy package and no TypeScript loader', { skip: !built && 'not built' }, () => {
  const graph = [...staticGraph(ENTRY)];
  assert.ok(graph.some((m) => m.endsWith('cairn.mjs')));
  for (const heavy of HEAVY) assert.ok(!graph.some((m) => m === heavy || m.startsWith(heavy + '/')), `${heavy} is loaded by the entry: ${graph.join(', ')}`);
  // …while a command's chunk does load them, when that command runs.
  const calc = readdirSync(CLI).find((f) => /^calc-commands-.*\.mjs$/.test(f))!;
  assert.ok([...staticGraph(path.join(CLI, calc))].includes('mathjs'), 'the calc chunk loads mathjs');
});

test('`cairn --help` from the bundle lists every command; `cairn note` runs from it', { skip: !built && 'not built' }, async () => {
  const run = (...args: string[]) =>
    new Promise<{ out: string; err: string; code: number }>((resolve) =>
      execFile(process.execPath, [path.join(ROOT, 'electron/bin/cairn.mjs'), ...args], { env: { ...process.env, NODE_OPTIONS: '' } }, (err, out, errOut) =>
        resolve({ out, err: errOut, code: (err as { code?: number } | null)?.code ?? 0 }),
      ),
    );
  const help = await run('--help');
  assert.equal(help.code, 0);
  for (const cmd of ['index', 'search', 'note', 'links', 'serve', 'cards', 'due', 'export anki', 'calc', 'prices show', 'prices import'])
    assert.match(help.out, new RegExp(`cairn ${cmd}\\b`));
  const note = await run('note', 'sagemaker-cost', '--json');
  assert.equal(note.code, 0, note.err);
  assert.equal(JSON.parse(note.out).id, 'aws/cost-sagemaker-processing-optimization.md');
});
