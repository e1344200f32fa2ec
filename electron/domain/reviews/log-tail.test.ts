import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { LogTail } from './log-tail.ts';
import { nodeLogFs, type LogFs } from './review-log-file.ts';

const line = (id: string, at = '2025-01-01T00:00:00.000Z') =>
  JSON.stringify({ v: 1, type: 'review', id, cardId: 'c', noteId: 'n.md', rating: 3, at, device: 'd' });

/** node:fs counting the bytes read through handles. */
function counting(): LogFs & { bytes: number } {
  const fs = {
    ...nodeLogFs,
    bytes: 0,
    async open(file: string, flags: number, mode?: number) {
      const h = await nodeLogFs.open(file, flags, mode);
      return {
        stat: () => h.stat(),
        write: (b: Uint8Array) => h.write(b),
        sync: () => h.sync(),
        close: () => h.close(),
        async read(b: Uint8Array, o: number, l: number, p: number) {
          const r = await h.read(b, o, l, p);
          fs.bytes += r.bytesRead;
          return r;
        },
      };
    },
  };
  return fs;
}

function setup() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cairn-tail-'));
  return { dir, file: path.join(dir, 'd.jsonl'), done: () => rmSync(dir, { recursive: true, force: true }) };
}

test('reads only what was appended since the last read', async () => {
  const t = setup();
  try {
    writeFileSync(t.file, Array.from({ length: 1000 }, (_, i) => line(`r${i}`)).join('\n') + '\n');
    const fs = counting();
    const tail = new LogTail(fs, t.dir, t.dir);
    const first = await tail.read();
    assert.equal(first.added.length, 1000);
    const before = fs.bytes;
    appendFileSync(t.file, line('new') + '\n');
    const second = await tail.read();
    assert.deepEqual(
      second.added.map((e) => e.id),
      ['new'],
    );
    assert.equal(second.reset, false);
    assert.equal(fs.bytes - before, line('new').length + 1, 'one line read, not the log');
    assert.equal(second.entries().length, 1001);
    const third = await tail.read();
    assert.equal(third.added.length, 0);
  } finally {
    t.done();
  }
});

test('a line being written is left for the next read; a torn line is a warning', async () => {
  const t = setup();
  try {
    const whole = line('b');
    writeFileSync(t.file, `${line('a')}\n${whole.slice(0, 20)}`);
    const tail = new LogTail(nodeLogFs, t.dir, t.dir);
    const first = await tail.read();
    assert.deepEqual(
      first.added.map((e) => e.id),
      ['a'],
    );
    assert.match(first.warnings.join(), /torn last line skipped/);
    appendFileSync(t.file, whole.slice(20) + '\n');
    const second = await tail.read();
    assert.deepEqual(
      second.added.map((e) => e.id),
      ['b'],
    );
    assert.deepEqual(second.warnings, []);
  } finally {
    t.done();
  }
});

test('a damaged line in the middle is skipped with its line number, across reads', async () => {
  const t = setup();
  try {
    writeFileSync(t.file, `${line('a')}\n`);
    const tail = new LogTail(nodeLogFs, t.dir, t.dir);
    await tail.read();
    appendFileSync(t.file, `{"v":1,"type":"rev\n${line('c')}\n`);
    const r = await tail.read();
    assert.deepEqual(
      r.added.map((e) => e.id),
      ['c'],
    );
    assert.deepEqual(r.warnings, [`${t.file}:2: unreadable line skipped`]);
  } finally {
    t.done();
  }
});

test('a file that shrank or was replaced is read again whole', async () => {
  const t = setup();
  try {
    writeFileSync(t.file, `${line('a')}\n${line('b')}\n`);
    const tail = new LogTail(nodeLogFs, t.dir, t.dir);
    await tail.read();
    truncateSync(t.file, line('a').length + 1);
    const shrunk = await tail.read();
    assert.equal(shrunk.reset, true);
    assert.deepEqual(
      shrunk.entries().map((e) => e.id),
      ['a'],
    );

    // A sync tool writes a new copy and renames it over the log: same size or larger, new inode.
    const copy = path.join(t.dir, 'copy.tmp');
    writeFileSync(copy, `${line('x')}\n${line('y')}\n`);
    renameSync(copy, t.file);
    const replaced = await tail.read();
    assert.equal(replaced.reset, true);
    assert.deepEqual(
      replaced.entries().map((e) => e.id),
      ['x', 'y'],
    );
  } finally {
    t.done();
  }
});

test('a log that vanished drops its entries; something that is not a file is a warning', async () => {
  const t = setup();
  try {
    writeFileSync(t.file, `${line('a')}\n`);
    mkdirSync(path.join(t.dir, 'folder.jsonl'));
    const tail = new LogTail(nodeLogFs, t.dir, t.dir);
    const first = await tail.read();
    assert.deepEqual(
      first.entries().map((e) => e.id),
      ['a'],
    );
    assert.equal(first.warnings.length, 1);
    assert.match(first.warnings[0], /folder\.jsonl: not read/);
    rmSync(t.file);
    const gone = await tail.read();
    assert.equal(gone.reset, true);
    assert.deepEqual(gone.entries(), []);
    assert.deepEqual((await new LogTail(nodeLogFs, t.dir, path.join(t.dir, 'missing')).read()).entries(), []);
  } finally {
    t.done();
  }
});

test('a log that is a link, or in a linked folder, is never read (SECURITY.md T2)', async () => {
  const t = setup();
  const outside = mkdtempSync(path.join(os.tmpdir(), 'cairn-tail-outside-'));
  try {
    writeFileSync(path.join(outside, 'secret.jsonl'), line('stolen') + '\n');
    symlinkSync(path.join(outside, 'secret.jsonl'), t.file);
    const linkedFile = await new LogTail(nodeLogFs, t.dir, t.dir).read();
    assert.deepEqual(linkedFile.entries(), []);
    assert.match(linkedFile.warnings.join(), /symbolic link/);
    const vault = path.join(t.dir, 'vault');
    mkdirSync(path.join(vault, '.cairn'), { recursive: true });
    symlinkSync(outside, path.join(vault, '.cairn', 'reviews'));
    const linkedDir = await new LogTail(nodeLogFs, vault, path.join(vault, '.cairn', 'reviews')).read();
    assert.deepEqual(linkedDir.entries(), []);
    assert.match(linkedDir.warnings.join(), /symbolic link/);
  } finally {
    t.done();
    rmSync(outside, { recursive: true, force: true });
  }
});
