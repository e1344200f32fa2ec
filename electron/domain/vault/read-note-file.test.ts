// The parse threads read with readNoteFileSync, the main thread with readNoteFile: the same text
// and the same diagnostics for every kind of file a vault can hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { MAX_NOTE_BYTES, readNoteFile, readNoteFileSync } from './read-note-file.ts';

test('the blocking read gives what the awaited read gives, for every kind of file', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-read-'));
  try {
    const files: Record<string, string | Uint8Array> = {
      'plain.md': '---\ntags: [a]\n---\n# 세이지메이커\nbody',
      'bom.md': '\uFEFF# with a BOM',
      'empty.md': '',
      'binary.md': new Uint8Array([0x23, 0x20, 0x00, 0x01]),
      'latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
      'big.md': 'x'.repeat(MAX_NOTE_BYTES + 10),
      'exact-4k.md': 'y'.repeat(4096),
    };
    for (const [name, data] of Object.entries(files)) await writeFile(path.join(dir, name), data);
    await symlink(path.join(dir, 'plain.md'), path.join(dir, 'link.md'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    const names = [...Object.keys(files), 'link.md', 'fifo.md', 'missing.md'];
    for (const name of names) {
      const abs = path.join(dir, name);
      assert.deepEqual(readNoteFileSync(name, abs), await readNoteFile(name, abs), name);
    }
    assert.equal(readNoteFileSync('plain.md', path.join(dir, 'plain.md')).text, files['plain.md']);
    assert.equal(readNoteFileSync('big.md', path.join(dir, 'big.md')).text.length, MAX_NOTE_BYTES);
    assert.equal(readNoteFileSync('link.md', path.join(dir, 'link.md')).diagnostics[0]?.code, 'UNREADABLE_FILE', 'a link is not followed');
    assert.equal(readNoteFileSync('fifo.md', path.join(dir, 'fifo.md')).diagnostics[0]?.code, 'UNREADABLE_FILE', 'a FIFO is not read');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
