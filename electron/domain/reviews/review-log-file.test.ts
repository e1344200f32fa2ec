import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLogText } from './review-entry.ts';
import { appendLogLine, ensureLogFile, nodeLogFs, readLogDir, ReviewLogError, type LogFs } from './review-log-file.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(here, '../../..');
const WORKER = path.join(here, 'fixtures', 'append-worker.ts');

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'cairn-log-'));
const line = (id: string) => JSON.stringify({ v: 1, type: 'review', id, cardId: 'c', noteId: 'n.md', rating: 3, at: '2025-01-01T00:00:00.000Z', device: 'd' });

/** node:fs whose writes start failing after `okWrites`: ENOSPC, optionally after writing part of the data. */
function diskFullAfter(okWrites: number, partial = false): LogFs & { freeSpace(): void } {
  let writes = 0;
  let full = true;
  return {
    ...nodeLogFs,
    freeSpace: () => (full = false),
    async open(file, flags) {
      const h = await nodeLogFs.open(file, flags);
      return {
        stat: () => h.stat(),
        read: (b, o, l, p) => h.read(b, o, l, p),
        sync: () => h.sync(),
        close: () => h.close(),
        async write(data) {
          if (++writes <= okWrites || !full) return h.write(data);
          if (partial) return h.write(data.subarray(0, Math.floor(data.length / 2)));
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        },
      };
    },
  };
}

describe('appendLogLine', () => {
  test('appends one line per call, creating the file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'd.jsonl');
    await appendLogLine(nodeLogFs, dir, file, line('a'));
    await appendLogLine(nodeLogFs, dir, file, line('b'));
    assert.equal(readFileSync(file, 'utf8'), `${line('a')}\n${line('b')}\n`);
    rmSync(dir, { recursive: true });
  });

  test('after a torn tail the new line starts on a fresh line: only the torn line is lost', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'd.jsonl');
    writeFileSync(file, `${line('a')}\n${line('b').slice(0, 30)}`);
    await appendLogLine(nodeLogFs, dir, file, line('c'));
    const { entries, warnings } = parseLogText(readFileSync(file, 'utf8'), file);
    assert.deepEqual(
      entries.map((e) => e.id),
      ['a', 'c'],
    );
    assert.equal(warnings.length, 1);
    rmSync(dir, { recursive: true });
  });

  test('ENOSPC rejects with REVIEW_NOT_SAVED and leaves earlier lines intact', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'd.jsonl');
    const fs = diskFullAfter(2);
    await appendLogLine(fs, dir, file, line('a'));
    await appendLogLine(fs, dir, file, line('b'));
    const before = readFileSync(file, 'utf8');
    await assert.rejects(appendLogLine(fs, dir, file, line('c')), (err: unknown) => {
      assert.ok(err instanceof ReviewLogError);
      assert.equal(err.code, 'REVIEW_NOT_SAVED');
      assert.match(err.message, /ENOSPC/);
      return true;
    });
    assert.equal(readFileSync(file, 'utf8'), before);
    rmSync(dir, { recursive: true });
  });

  test('a short write (disk full mid-line) is an error; later appends survive the torn line', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'd.jsonl');
    const fs = diskFullAfter(1, true);
    await appendLogLine(fs, dir, file, line('a'));
    await assert.rejects(appendLogLine(fs, dir, file, line('b')), { code: 'REVIEW_NOT_SAVED' });
    fs.freeSpace();
    await appendLogLine(fs, dir, file, line('c'));
    const { entries, warnings } = parseLogText(readFileSync(file, 'utf8'), file);
    assert.deepEqual(
      entries.map((e) => e.id),
      ['a', 'c'],
    );
    assert.deepEqual(warnings, [`${file}:2: unreadable line skipped`]);
    rmSync(dir, { recursive: true });
  });
});

describe('ensureLogFile and readLogDir', () => {
  test('creates folder and empty file; reads every *.jsonl, ignoring other files', async () => {
    const dir = path.join(tempDir(), 'reviews');
    await ensureLogFile(nodeLogFs, path.dirname(dir), path.join(dir, 'a.jsonl'));
    writeFileSync(path.join(dir, 'b.jsonl'), `${line('b1')}\n`);
    writeFileSync(path.join(dir, 'notes.txt'), `${line('x')}\n`);
    const { entries } = await readLogDir(nodeLogFs, path.dirname(dir), dir);
    assert.deepEqual(
      entries.map((e) => e.id),
      ['b1'],
    );
    rmSync(path.dirname(dir), { recursive: true });
  });

  test('a platform that cannot fsync folders (Windows: EISDIR) still gets its log file', async () => {
    const dir = path.join(tempDir(), 'reviews');
    const windowsLike: LogFs = {
      ...nodeLogFs,
      open: (file, flags) =>
        file === dir ? Promise.reject(Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' })) : nodeLogFs.open(file, flags),
    };
    await ensureLogFile(windowsLike, path.dirname(dir), path.join(dir, 'a.jsonl'));
    assert.equal(readFileSync(path.join(dir, 'a.jsonl'), 'utf8'), '');
    rmSync(path.dirname(dir), { recursive: true });
  });

  test('a missing folder is an empty log', async () => {
    assert.deepEqual(await readLogDir(nodeLogFs, path.join(os.tmpdir(), 'cairn-no-such-dir'), path.join(os.tmpdir(), 'cairn-no-such-dir', 'reviews')), {
      entries: [],
      warnings: [],
    });
  });
});

/** Runs the append worker; `onAck` sees each acknowledged id and may kill the child. */
function runWorker(vault: string, device: string, count: number, onAck: (id: string, acked: string[], kill: () => void) => void = () => {}) {
  mkdirSync(vault, { recursive: true });
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, vault, device, path.join(vault, '..', 'fallback'), String(count)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: string[] = [];
  let buffer = '';
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const l of lines) {
      if (!l.startsWith('ack ')) continue;
      acked.push(l.slice(4));
      onAck(l.slice(4), acked, () => child.kill('SIGKILL'));
    }
  });
  return new Promise<{ acked: string[]; signal: NodeJS.Signals | null; code: number | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ acked, signal, code }));
  });
}

describe('durability across processes', () => {
  test('kill -9 right after an acknowledgement: every acknowledged review is in the log', async () => {
    const root = tempDir();
    const vault = path.join(root, 'vault');
    const { acked, signal } = await runWorker(vault, 'victim', 100_000, (_id, all, kill) => {
      if (all.length === 40) kill();
    });
    assert.equal(signal, 'SIGKILL');
    assert.ok(acked.length >= 40);
    const { entries } = await readLogDir(nodeLogFs, vault, path.join(vault, '.cairn', 'reviews'));
    const logged = new Set(entries.map((e) => e.id));
    for (const id of acked) assert.ok(logged.has(id), `acknowledged review ${id} is in the log`);
    rmSync(root, { recursive: true });
  });

  test('two processes appending to one file at once: every line intact', async () => {
    const root = tempDir();
    const vault = path.join(root, 'vault');
    const [a, b] = await Promise.all([runWorker(vault, 'shared', 150), runWorker(vault, 'shared', 150)]);
    assert.equal(a.code, 0);
    assert.equal(b.code, 0);
    const { entries, warnings } = await readLogDir(nodeLogFs, vault, path.join(vault, '.cairn', 'reviews'));
    assert.deepEqual(warnings, []);
    assert.equal(entries.length, 300);
    assert.deepEqual(new Set(entries.map((e) => e.id)), new Set([...a.acked, ...b.acked]));
    // The writers really overlapped: the file switches from one process to the other and back.
    const fromA = new Set(a.acked);
    const runs = entries
      .map((e) => (fromA.has(e.id) ? 'a' : 'b'))
      .join('')
      .replace(/(.)\1*/g, '$1');
    assert.ok(runs.length >= 3, `interleaved writes (runs: ${runs})`);
    rmSync(root, { recursive: true });
  });
});
