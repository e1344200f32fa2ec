// The hostile vault (e2e/hostile): indexing finishes, every bad file is reported, nothing outside
// the vault is read, and what can be read is still found.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { buildHostileVault, SECRET_WORD, type HostileVault } from '../e2e/hostile/build-hostile-vault.ts';
import { Vault } from './domain/vault/vault.ts';
import { noteDetails } from './domain/vault/note-details.ts';
import { AppApi } from './app-api.ts';

let hostile: HostileVault;
let vault: Vault;

before(async () => {
  hostile = await buildHostileVault();
  vault = await Vault.open(hostile.vault);
});
after(() => rm(path.dirname(hostile.vault), { recursive: true, force: true }));

describe('indexing the hostile vault', () => {
  test('finishes with a diagnostic for each bad file', () => {
    const got = new Set(vault.diagnostics().map((d) => `${d.code} ${d.id}`));
    for (const expected of [
      'YAML_ERROR bad-yaml.md',
      'YAML_ERROR alias-bomb.md',
      'BINARY_FILE binary.md',
      'INVALID_UTF8 invalid-utf8.md',
      'FILE_TOO_LARGE big-20mb.md',
      'SYMLINK_SKIPPED link-out',
      'SYMLINK_SKIPPED secret-link.md',
      'SYMLINK_SKIPPED loop',
      'NAME_COLLISION 한글.md',
      'SPECIAL_FILE_SKIPPED fifo.md',
      'INVALID_FILE_NAME bad-\uFFFD-name.md',
      'LINK_OUTSIDE_VAULT escape-links.md',
      'AMBIGUOUS_LINK with space.md',
    ]) {
      assert.ok(got.has(expected), `${expected} — got:\n${[...got].join('\n')}`);
    }
  });

  test('a name that is not UTF-8 is reported with its bytes; a FIFO is reported and never opened', () => {
    const byId = new Map(vault.diagnostics().map((d) => [d.id, d.message]));
    assert.match(byId.get('bad-\uFFFD-name.md') ?? '', /not valid UTF-8 \(bytes: 62 61 64 2d e9 2d 6e 61 6d 65 2e 6d 64\); not indexed: rename it/);
    assert.equal(byId.get('fifo.md'), 'not a regular file (a FIFO, socket or device): never opened');
    assert.ok(!vault.allFileIds().includes('fifo.md'));
  });

  test('what can be read is found', () => {
    for (const [word, id] of [
      ['yaml-survivor-word', 'bad-yaml.md'],
      ['bomb-survivor-word', 'alias-bomb.md'],
      ['invalid-utf8-survivor', 'invalid-utf8.md'],
      ['deep-survivor-word', 'deep-nesting.md'],
      ['table-end-word', 'table-10k.md'],
      ['hostile-survivor-word', 'xss.md'],
    ]) {
      assert.deepEqual(
        vault.search.search(word).map((h) => h.id),
        [id],
        word,
      );
    }
    assert.ok(vault.search.search('big-note-line').some((h) => h.id === 'big-20mb.md'));
  });

  test('NFC and NFD spellings of one name are both kept', () => {
    const korean = vault.allNotes().filter((n) => n.title.normalize('NFC') === '한글');
    assert.equal(korean.length, 2);
    assert.deepEqual(vault.search.search('nfd-survivor').length, 1);
    assert.deepEqual(vault.search.search('nfc-survivor').length, 1);
  });

  test('nothing outside the vault is read, listed or linked', () => {
    assert.deepEqual(vault.search.search(SECRET_WORD), []);
    assert.ok(!vault.allFileIds().some((id) => id.startsWith('link-out') || id.startsWith('loop') || id === 'secret-link.md'));
    const d = noteDetails(vault, 'escape-links.md')!;
    assert.ok(d.links.length >= 6);
    for (const l of d.links) assert.equal(l.target, null, l.raw);
  });

  test('case-only collisions: the link spelled exactly wins, the other is reported ambiguous', () => {
    const d = noteDetails(vault, 'with space.md')!;
    const byRaw = Object.fromEntries(d.links.map((l) => [l.raw, l.target]));
    assert.equal(byRaw['[[Case]]'], 'Case.md');
    assert.equal(byRaw['[[case]]'], 'case.md');
    assert.equal(byRaw['[[hash#name]]'], 'hash.md' in byRaw ? null : null, 'a # starts a heading: [[hash#name]] links to "hash"');
  });

  test('rendering hostile notes keeps the text and never throws', async () => {
    const api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(hostile.vault, '..', 'data'), device: 't' });
    await api.open(hostile.vault);
    for (const n of vault.allNotes()) {
      const r = await api.dispatch('getNote', { id: n.id });
      assert.equal(r.ok, true, n.id);
    }
    const xss = await api.dispatch('getNote', { id: 'xss.md' });
    assert.ok(xss.ok && (xss.value as { html: string }).html.includes('hostile-survivor-word'));
  });
});
