// The parse pool gives the notes and search documents a single thread gives. It runs the built thread
// (out/parse-worker.cjs: a worker cannot load TypeScript through tsx on Node 20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vault } from './vault.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WORKER = path.join(ROOT, 'out/parse-worker.cjs');
const built = existsSync(WORKER);
if (!built) console.log('# SKIPPED parse-pool test: out/parse-worker.cjs is not built (npm run build; npm test builds first)');

test('a vault read and parsed on the pool equals one read on one thread', { skip: !built && 'not built' }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-pool-'));
  try {
    await cp(path.join(ROOT, 'notes'), dir, { recursive: true });
    // Enough notes for the pool to be used, with frontmatter JSON cannot carry and bad bytes.
    for (let i = 0; i < 450; i++)
      await writeFile(
        path.join(dir, `gen-${i}.md`),
        `---\ntags: [gen/n${i % 7}]\nratio: .nan\n---\n# Gen ${i}\n[[gen-${(i + 1) % 450}]] 인스턴스를 #t${i % 3}\n`,
      );
    await writeFile(path.join(dir, 'latin1.md'), new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    const progress: number[] = [];
    const pooled = await Vault.open(dir, { parseWorker: WORKER, onProgress: (done, _t, stage) => stage === 'read' && progress.push(done) });
    const single = await Vault.open(dir);
    const sorted = (v: Vault) => v.allNotes().sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepStrictEqual(sorted(pooled), sorted(single));
    assert.deepEqual(pooled.search.search('인스턴스를', 50), single.search.search('인스턴스를', 50));
    // The threads encode each note's search document: the same index as the main thread's.
    assert.deepStrictEqual(pooled.search.snapshot(), single.search.snapshot());
    assert.equal(progress.at(-1), pooled.allNotes().length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
