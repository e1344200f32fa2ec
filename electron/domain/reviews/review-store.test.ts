import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseLogText } from './review-entry.ts';
import { logFileName, ReviewStore } from './review-store.ts';

function setup() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cairn-store-'));
  const vaultRoot = path.join(root, 'vault');
  mkdirSync(vaultRoot);
  const fallbackDir = path.join(root, 'app-data');
  let t = Date.parse('2025-03-01T09:00:00.000Z');
  const clock = () => new Date((t += 60_000));
  const open = (device = 'laptop') => ReviewStore.open({ vaultRoot, device, fallbackDir, clock });
  return { root, vaultRoot, fallbackDir, open, done: () => rmSync(root, { recursive: true }) };
}

describe('ReviewStore', () => {
  test('appends to <vault>/.cairn/reviews/<device>.jsonl, one v1 JSON object per line', async () => {
    const s = setup();
    const store = s.open();
    const entry = await store.append({ cardId: 'c1', noteId: 'n.md', rating: 3 });
    const file = path.join(s.vaultRoot, '.cairn', 'reviews', 'laptop.jsonl');
    assert.deepEqual(await store.logLocation(), { file, fallback: false });
    const { entries } = parseLogText(readFileSync(file, 'utf8'), file);
    assert.deepEqual(entries, [entry]);
    assert.equal(entry.v, 1);
    assert.equal(entry.device, 'laptop');
    assert.match(entry.id, /^[0-9a-f-]{36}$/);
    assert.equal(entry.at, '2025-03-01T09:01:00.000Z');
    s.done();
  });

  test('reading touches nothing: no folder appears in the vault before the first review', async () => {
    const s = setup();
    const { entries } = await s.open().readAll();
    assert.deepEqual(entries, []);
    assert.equal(existsSync(path.join(s.vaultRoot, '.cairn')), false);
    s.done();
  });

  test('a vault that cannot be written: the log goes to the app-data folder, and is read back', async () => {
    const s = setup();
    // Tests run as root, which ignores folder permissions; a file where the folder must go cannot be got round.
    writeFileSync(path.join(s.vaultRoot, '.cairn'), 'not a folder');
    const store = s.open();
    const entry = await store.append({ cardId: 'c1', noteId: 'n.md', rating: 4 });
    const location = await store.logLocation();
    assert.equal(location.fallback, true);
    assert.ok(location.file.startsWith(path.join(s.fallbackDir, 'reviews') + path.sep));
    assert.deepEqual((await store.readAll()).entries, [entry]);
    // Another store on the same vault finds it too (the fallback folder is keyed by vault path).
    assert.deepEqual((await s.open('desktop').readAll()).entries, [entry]);
    s.done();
  });

  test('nowhere to write: the append rejects with REVIEW_NOT_SAVED', async () => {
    const s = setup();
    writeFileSync(path.join(s.vaultRoot, '.cairn'), 'not a folder');
    writeFileSync(s.fallbackDir, 'not a folder either');
    await assert.rejects(s.open().append({ cardId: 'c1', noteId: 'n.md', rating: 3 }), { code: 'REVIEW_NOT_SAVED' });
    s.done();
  });

  test('an invalid rating is refused before anything is written', async () => {
    const s = setup();
    await assert.rejects(s.open().append({ cardId: 'c1', noteId: 'n.md', rating: 5 as 3 }), RangeError);
    assert.equal(existsSync(path.join(s.vaultRoot, '.cairn')), false);
    s.done();
  });

  test('undoLast appends an undo for this device’s latest review in effect; lines are never rewritten', async () => {
    const s = setup();
    const laptop = s.open('laptop');
    const desktop = s.open('desktop');
    const first = await laptop.append({ cardId: 'c1', noteId: 'n.md', rating: 3 });
    const second = await laptop.append({ cardId: 'c2', noteId: 'n.md', rating: 1 });
    await desktop.append({ cardId: 'c1', noteId: 'n.md', rating: 2 });
    const file = (await laptop.logLocation()).file;
    const before = readFileSync(file, 'utf8');

    assert.deepEqual(await laptop.undoLast(), second);
    assert.deepEqual(await laptop.undoLast(), first);
    assert.equal(await laptop.undoLast(), null);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.startsWith(before));
    const undos = parseLogText(after, file).entries.filter((e) => e.type === 'undo');
    assert.deepEqual(
      undos.map((u) => (u.type === 'undo' ? u.target : '')),
      [second.id, first.id],
    );
    s.done();
  });

  test('undoLast(cardId) only looks at that card', async () => {
    const s = setup();
    const store = s.open();
    const c1 = await store.append({ cardId: 'c1', noteId: 'n.md', rating: 3 });
    await store.append({ cardId: 'c2', noteId: 'n.md', rating: 3 });
    assert.deepEqual(await store.undoLast('c1'), c1);
    assert.equal(await store.undoLast('c1'), null);
    s.done();
  });
});

describe('ReviewStore reading damaged logs', () => {
  test('a torn last line from another device is skipped with a warning; the rest replays', async () => {
    const s = setup();
    const store = s.open('laptop');
    const entry = await store.append({ cardId: 'c1', noteId: 'n.md', rating: 3 });
    const phoneLog = path.join(s.vaultRoot, '.cairn', 'reviews', 'phone.jsonl');
    const phoneEntry = { ...entry, id: 'phone-1', device: 'phone' };
    writeFileSync(phoneLog, `${JSON.stringify(phoneEntry)}\n${JSON.stringify({ ...phoneEntry, id: 'phone-2' }).slice(0, 50)}`);
    const { entries, warnings } = await store.readAll();
    assert.deepEqual(entries.map((e) => e.id).sort(), [entry.id, 'phone-1'].sort());
    assert.deepEqual(warnings, [`${phoneLog}: torn last line skipped (an interrupted write)`]);
    s.done();
  });
});

describe('logFileName', () => {
  const cases: Array<[string, string]> = [
    ['laptop', 'laptop'],
    ['Jin’s MacBook Pro', 'Jin_s_MacBook_Pro'],
    ['../../etc', '__.._etc'],
    ['서재-PC', '서재-PC'],
  ];
  for (const [device, expected] of cases) test(device, () => assert.equal(logFileName(device), expected));
});
