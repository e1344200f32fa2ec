// The parse pool gives the notes and search documents a single thread gives. It runs the built thread
// (out/parse-worker.cjs: a worker cannot load TypeScript through tsx on Node 20).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Vault } from './vault.ts';
import { parseOnPool, type PoolResult } from './parse-pool.ts';
import { scanVault } from './scan-vault.ts';
import { NoteFields } from '../search/note-fields.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const WORKER = path.join(ROOT, 'out/parse-worker.cjs');
const built = existsSync(WORKER);
if (!built) console.log('# SKIPPED parse-pool test: out/parse-worker.cjs is not built (npm run build; npm test builds first)');

test('a vault read and parsed on the pool equals one read on one thread', { skip: !built && 'not built' }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-pool-'));
  try {
    await cp(path.join(ROOT, 'notes'), dir, { recursive: true });
    // Enough notes for the pool to be used, and bad bytes. The threads send notes as JSON, and as
    // they are where JSON cannot carry the frontmatter (not a number, infinity), mixed in a batch.
    const odd = ['ratio: .nan\n', 'limit: .inf\n', ''];
    for (let i = 0; i < 450; i++)
      await writeFile(
        path.join(dir, `gen-${i}.md`),
        `---\ntags: [gen/n${i % 7}]\n${odd[i % 3]}---\n# Gen ${i}\n[[gen-${(i + 1) % 450}]] 인스턴스를 #t${i % 3}\n`,
      );
    await writeFile(path.join(dir, 'latin1.md'), new Uint8Array([0x63, 0x61, 0x66, 0xe9]));
    const progress: number[] = [];
    const pooled = await Vault.open(dir, { parseWorker: WORKER, onProgress: (done, _t, stage) => stage === 'read' && progress.push(done) });
    const single = await Vault.open(dir);
    const sorted = (v: Vault) => v.allNotes().sort((a, b) => (a.id < b.id ? -1 : 1));
    assert.deepStrictEqual(sorted(pooled), sorted(single));
    assert.equal(pooled.getNote('gen-1.md')?.frontmatter.limit, Number.POSITIVE_INFINITY);
    assert.deepEqual(pooled.search.search('인스턴스를', 50), single.search.search('인스턴스를', 50));
    // The threads encode each note's search document: the same index as the main thread's.
    assert.deepStrictEqual(pooled.search.snapshot(), single.search.snapshot());
    assert.equal(progress.at(-1), pooled.allNotes().length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('notes changed, removed and added while the threads build the full text are searched as they are now', { skip: !built && 'not built' }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-pool-'));
  try {
    for (let i = 0; i < 450; i++) await writeFile(path.join(dir, `gen-${i}.md`), `# Gen ${i}\nmarker${i}x 인스턴스를 [[gen-${(i + 1) % 450}]]\n`);
    const changed = path.join(dir, 'gen-10.md');
    const removed = path.join(dir, 'gen-20.md');
    const added = path.join(dir, 'late.md');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    after(() => process.off('warning', onWarning));
    // Once the notes are read (the list answers), before the threads' index is taken in: as the
    // watcher would report them.
    const pooled = await Vault.open(dir, {
      parseWorker: WORKER,
      onList: (v) => {
        writeFileSync(changed, '# Gen 10\nrewritten 프로세싱 job\n');
        void v.fileChanged(changed);
        rmSync(removed);
        v.fileDeleted(removed);
        writeFileSync(added, '# Late\nmarker20x arrived late\n');
        void v.fileChanged(added);
      },
    });
    const single = await Vault.open(dir);
    // The threads' index was used, not the fallback of putting every note on this thread.
    assert.deepEqual(warnings, []);
    const ids = (v: Vault, q: string) => v.search.search(q, 50).map((h) => h.id);
    assert.deepEqual(ids(pooled, 'marker10x'), []);
    assert.deepEqual(ids(pooled, '프로세싱'), ['gen-10.md']);
    assert.deepEqual(ids(pooled, 'marker20x'), ['late.md']);
    assert.deepEqual(ids(pooled, 'marker21x'), ['gen-21.md']);
    // (Not `marker10x`: the vocabulary keeps a term once seen, so it finds nothing here, where a
    // fresh index corrects it to `marker1x`: spelling.ts.)
    for (const q of ['프로세싱', 'marker20x', 'late', 'rewritten job']) assert.deepEqual(new Set(ids(pooled, q)), new Set(ids(single, q)), q);
    // Words of every note: as many found (which of them come first depends on their numbers).
    for (const q of ['gen', '인스턴스', 'marker']) assert.deepEqual(pooled.search.countHits(q), single.search.countHits(q), q);
    assert.equal(pooled.search.size, single.search.size);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a thread that fails while building its part of the full text leaves the notes to the index thread, with a warning, and the same index', {
  skip: !built && 'not built',
}, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-pool-'));
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  try {
    const vault = path.join(dir, 'vault');
    await cp(path.join(ROOT, 'notes'), vault, { recursive: true });
    for (let i = 0; i < 450; i++) await writeFile(path.join(vault, `gen-${i}.md`), `# Gen ${i}\nmarker${i}x 인스턴스를 [[gen-${(i + 1) % 450}]]\n`);
    // The real thread, whose handler throws at the request to build its part (as a thread that
    // runs out of memory or hits a bug would stop): the notes are read, the part never comes.
    const failing = path.join(dir, 'failing-parse-worker.cjs');
    await writeFile(
      failing,
      `const { parentPort } = require('node:worker_threads');
const on = parentPort.on.bind(parentPort);
parentPort.on = (event, fn) => on(event, event !== 'message' ? fn : (msg) => {
  if (msg && typeof msg === 'object' && 'index' in msg) throw new Error('this thread fails on purpose');
  return fn(msg);
});
require(${JSON.stringify(WORKER)});
`,
    );
    const pooled = await Vault.open(vault, { parseWorker: failing });
    const single = await Vault.open(vault);
    assert.ok(
      warnings.some((w) => /could not be used.*this thread fails on purpose/.test(w)),
      warnings.join('\n'),
    );
    // Put note by note in scan order, encoded here: the index a single thread builds.
    assert.deepStrictEqual(pooled.search.snapshot(), single.search.snapshot());
    assert.deepEqual(
      pooled.search.search('marker7x', 5).map((h) => h.id),
      ['gen-7.md'],
    );
  } finally {
    process.off('warning', onWarning);
    await rm(dir, { recursive: true, force: true });
  }
});

test('more threads than the index has fields: the same full text, and its progress to the end', { skip: !built && 'not built' }, async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-pool-'));
  try {
    await cp(path.join(ROOT, 'notes'), dir, { recursive: true });
    for (let i = 0; i < 700; i++)
      await writeFile(path.join(dir, `gen-${i}.md`), `---\ntags: [gen/n${i % 7}]\n---\n# Gen ${i}\nword${i % 9} 인스턴스를 [[gen-${(i + 1) % 700}]]\n`);
    const { files } = await scanVault(dir);
    const notes = files.filter((f) => f.id.endsWith('.md'));
    // Eight threads: seven build a part of the Document each, the eighth only reads and parses.
    const indexed: number[] = [];
    const eight = await parseOnPool(
      WORKER,
      notes,
      () => {},
      8,
      true,
      (n) => indexed.push(n),
    );
    const two = await parseOnPool(WORKER, notes, () => {}, 2, true);
    const asImported = async (pool: PoolResult) => {
      const fields = new NoteFields(
        () => notes.length + 1,
        () => [],
      );
      for (const [key, data] of (await pool.index!).flex) fields.import(key, data);
      const out: Array<[string, string]> = [];
      fields.export((key, data) => void out.push([key, data]));
      return out;
    };
    assert.deepStrictEqual(await asImported(eight), await asImported(two));
    assert.equal(
      indexed.reduce((a, b) => a + b, 0),
      Math.floor(notes.length / 250) * 250,
      'every thread that builds fields reports every 250 notes',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
