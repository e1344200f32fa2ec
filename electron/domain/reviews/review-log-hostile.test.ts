// A shared vault shapes `.cairn/` as it likes: links out of the vault, a FIFO, a device, a folder
// where a log should be, a log too large to read. Writing never follows them (the review goes to
// the app-data folder), reading never blocks or crashes (a warning), and `cairn due` answers.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLogSafely, nodeLogFs } from './review-log-file.ts';
import { ReviewStore } from './review-store.ts';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const POSIX = process.platform !== 'win32';
const entry = (id: string) => JSON.stringify({ v: 1, type: 'review', id, cardId: 'c', noteId: 'n.md', rating: 3, at: '2025-01-01T00:00:00.000Z', device: 'x' });

interface Setup {
  root: string;
  vault: string;
  outside: string;
  fallbackDir: string;
  reviews: string;
  store: () => ReviewStore;
}

function setup(): Setup {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cairn-hostile-log-'));
  const vault = path.join(root, 'vault');
  const outside = path.join(root, 'outside');
  mkdirSync(vault);
  mkdirSync(outside);
  writeFileSync(path.join(vault, 'n.md'), 'c::d');
  const fallbackDir = path.join(root, 'app-data');
  return {
    root,
    vault,
    outside,
    fallbackDir,
    reviews: path.join(vault, '.cairn', 'reviews'),
    store: () => ReviewStore.open({ vaultRoot: vault, device: 'laptop', fallbackDir }),
  };
}

/** Each hostile shape of `.cairn`, built in a fresh vault; `victim` is a file that must stay untouched. */
const SHAPES: Array<{ name: string; build(s: Setup): string | null }> = [
  {
    name: 'symlinked .cairn',
    build(s) {
      mkdirSync(path.join(s.outside, 'reviews'));
      writeFileSync(path.join(s.outside, 'reviews', 'laptop.jsonl'), `${entry('outside-1')}\n`);
      symlinkSync(s.outside, path.join(s.vault, '.cairn'));
      return path.join(s.outside, 'reviews', 'laptop.jsonl');
    },
  },
  {
    name: 'symlinked .cairn/reviews',
    build(s) {
      writeFileSync(path.join(s.outside, 'laptop.jsonl'), `${entry('outside-1')}\n`);
      mkdirSync(path.join(s.vault, '.cairn'));
      symlinkSync(s.outside, s.reviews);
      return path.join(s.outside, 'laptop.jsonl');
    },
  },
  {
    name: 'symlinked log file (a shell rc file)',
    build(s) {
      const rc = path.join(s.outside, '.bashrc');
      writeFileSync(rc, `${entry('outside-1')}\n`);
      mkdirSync(s.reviews, { recursive: true });
      symlinkSync(rc, path.join(s.reviews, 'laptop.jsonl'));
      return rc;
    },
  },
  {
    name: 'FIFO as log file',
    build(s) {
      mkdirSync(s.reviews, { recursive: true });
      execFileSync('mkfifo', [path.join(s.reviews, 'laptop.jsonl')]);
      return null;
    },
  },
  {
    name: 'symlink to /dev/zero',
    build(s) {
      mkdirSync(s.reviews, { recursive: true });
      symlinkSync('/dev/zero', path.join(s.reviews, 'laptop.jsonl'));
      return null;
    },
  },
  {
    name: 'a folder named laptop.jsonl',
    build(s) {
      mkdirSync(path.join(s.reviews, 'laptop.jsonl'), { recursive: true });
      writeFileSync(path.join(s.reviews, 'laptop.jsonl', 'inner'), `${entry('outside-1')}\n`);
      return null;
    },
  },
];

describe('hostile .cairn: writing and reading', { skip: POSIX ? false : 'symlinks and FIFOs need a POSIX system' }, () => {
  for (const shape of SHAPES) {
    test(`${shape.name}: the review goes to the app-data folder, nothing outside changes`, { timeout: 15_000 }, async () => {
      const s = setup();
      const victim = shape.build(s);
      const before = victim ? readFileSync(victim, 'utf8') : '';
      const store = s.store();
      const saved = await store.append({ cardId: 'c', noteId: 'n.md', rating: 3 });
      const location = await store.logLocation();
      assert.equal(location.fallback, true);
      assert.ok(location.file.startsWith(s.fallbackDir + path.sep), location.file);
      assert.match(location.reason ?? '', /symbolic link|not a regular file|not a folder/);
      if (victim) assert.equal(readFileSync(victim, 'utf8'), before, 'the file outside the vault is unchanged');
      const { entries, warnings } = await store.readAll();
      assert.deepEqual(
        entries.map((e) => e.id),
        [saved.id],
        'nothing is read from behind the link',
      );
      assert.ok(
        warnings.some((w) => /not read/.test(w)),
        `a warning names the problem: ${warnings.join(' | ')}`,
      );
      rmSync(s.root, { recursive: true });
    });
  }

  test('a log swapped for a link after it was chosen: the next review still lands in the app-data folder', async () => {
    const s = setup();
    const store = s.store();
    await store.append({ cardId: 'c', noteId: 'n.md', rating: 3 });
    const rc = path.join(s.outside, '.bashrc');
    writeFileSync(rc, '# rc\n');
    rmSync(path.join(s.reviews, 'laptop.jsonl'));
    symlinkSync(rc, path.join(s.reviews, 'laptop.jsonl'));
    const second = await store.append({ cardId: 'c', noteId: 'n.md', rating: 4 });
    assert.equal(readFileSync(rc, 'utf8'), '# rc\n');
    assert.equal((await store.logLocation()).fallback, true);
    assert.ok((await store.readAll()).entries.some((e) => e.id === second.id));
    rmSync(s.root, { recursive: true });
  });

  test('an oversize log is read up to the cap, in chunks, with a warning', async () => {
    const s = setup();
    mkdirSync(s.reviews, { recursive: true });
    const file = path.join(s.reviews, 'big.jsonl');
    const lines = Array.from({ length: 200 }, (_, i) => entry(`e${i}`)).join('\n') + '\n';
    writeFileSync(file, lines);
    const cap = Buffer.byteLength(lines) / 2;
    const read = await readLogSafely(nodeLogFs, s.vault, file, { maxBytes: cap });
    assert.ok(read.entries.length > 50 && read.entries.length < 101, String(read.entries.length));
    assert.deepEqual(read.warnings, [`${file}: larger than ${cap} bytes; reviews after the first ${cap} bytes are not read`]);
    // The default cap holds for a sparse 100 MB file of zero bytes: read up to 64 MB, then a warning.
    truncateSync(file, 100 * 1024 * 1024);
    const huge = await readLogSafely(nodeLogFs, s.vault, file);
    assert.equal(huge.entries.length, 200);
    assert.match(huge.warnings.at(-1) ?? '', /larger than 67108864 bytes/);
    rmSync(s.root, { recursive: true });
  });

  test('incremental reads resume at nextOffset; a torn tail is read again once completed', async () => {
    const s = setup();
    mkdirSync(s.reviews, { recursive: true });
    const file = path.join(s.reviews, 'd.jsonl');
    writeFileSync(file, `${entry('a')}\n${entry('b').slice(0, 20)}`);
    const first = await readLogSafely(nodeLogFs, s.vault, file);
    assert.deepEqual(
      first.entries.map((e) => e.id),
      ['a'],
    );
    assert.equal(first.nextOffset, Buffer.byteLength(entry('a')) + 1);
    writeFileSync(file, `${entry('a')}\n${entry('b')}\n${entry('c')}\n`);
    const next = await readLogSafely(nodeLogFs, s.vault, file, { fromOffset: first.nextOffset });
    assert.deepEqual(
      next.entries.map((e) => e.id),
      ['b', 'c'],
    );
    assert.deepEqual(next.warnings, []);
    rmSync(s.root, { recursive: true });
  });

  for (const shape of SHAPES.filter((x) => /FIFO|dev\/zero|folder/.test(x.name))) {
    test(`cairn due answers with ${shape.name} (not a hang, not a crash)`, { timeout: 60_000 }, () => {
      const s = setup();
      shape.build(s);
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'electron/bin/cairn.mjs'), 'due', '--vault', s.vault, '--device', 'laptop', '--json'], {
        encoding: 'utf8',
        timeout: 45_000,
        env: { ...process.env, CAIRN_DATA_DIR: s.fallbackDir },
      });
      assert.equal(r.signal, null, 'cairn due finished on its own');
      assert.equal(r.status, 0, r.stderr);
      assert.equal(JSON.parse(r.stdout)[0].deck, '');
      assert.match(r.stderr, /warning: .*laptop\.jsonl: not read/);
      // Reading writes no review anywhere (the CLI may save its index cache in the data folder).
      assert.equal(existsSync(path.join(s.fallbackDir, 'reviews')), false, 'reading wrote no review');
      rmSync(s.root, { recursive: true });
    });
  }
});
