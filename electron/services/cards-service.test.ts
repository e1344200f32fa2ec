import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ReviewStore } from '../domain/reviews/review-store.ts';
import { VaultSettingsStore } from '../domain/settings/vault-settings.ts';
import { Vault } from '../domain/vault/vault.ts';
import { CardsService } from './cards-service.ts';

describe('CardsService on bad input', () => {
  let root: string;
  let vaultDir: string;
  const open = async () => {
    const vault = await Vault.open(vaultDir);
    const store = ReviewStore.open({ vaultRoot: vaultDir, device: 'dev', fallbackDir: path.join(root, 'data') });
    return new CardsService(vault, store, new VaultSettingsStore(path.join(root, 'data')));
  };
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cairn-service-'));
    vaultDir = path.join(root, 'vault');
    mkdirSync(vaultDir);
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('a corrupt or truncated log line is skipped with a warning; the other reviews count', async () => {
    writeFileSync(path.join(vaultDir, 'a.md'), '---\ntags: [t]\n---\nQ1::A1\n\nQ2::A2\n');
    const service = await open();
    const [q1] = service.cards();
    await service.review(q1.id, 4);
    const log = path.join(vaultDir, '.cairn', 'reviews', readdirSync(path.join(vaultDir, '.cairn', 'reviews'))[0]);
    appendFileSync(log, '{"v":1,"type":"review","id":"x", garbage\n{"v":1,"type":"rev');
    const { decks, warnings } = await service.decks();
    assert.deepEqual(warnings, [`${log}:2: unreadable line skipped`, `${log}: torn last line skipped (an interrupted write)`]);
    assert.deepEqual([decks[0].unseen, decks[0].total], [1, 2]);
    // The next review starts on a fresh line: only the torn one stays lost.
    const q2 = service.cards()[1];
    await service.review(q2.id, 3);
    const again = await (await open()).decks();
    assert.equal(again.decks[0].unseen, 0);
    assert.deepEqual(again.warnings, [`${log}:2: unreadable line skipped`, `${log}:3: unreadable line skipped`]);
  });

  test('a card whose note vanished keeps its history, listed as orphaned; it comes back with the note', async () => {
    const note = path.join(vaultDir, 'gone.md');
    writeFileSync(note, 'Vanishing question::answer\n');
    const service = await open();
    const card = service.cards().find((c) => c.noteId === 'gone.md')!;
    await service.review(card.id, 3);
    rmSync(note);
    const orphaned = await (await open()).decks();
    assert.deepEqual(
      orphaned.orphans.map((o) => [o.cardId, o.noteId, o.reviews, o.noteExists]),
      [[card.id, 'gone.md', 1, false]],
    );
    writeFileSync(note, 'Vanishing question::answer\n');
    const back = await open();
    assert.deepEqual((await back.decks()).orphans, []);
    const session = await back.session(null);
    assert.ok(!session.some((c) => c.id === card.id && c.state === null), 'not new again: its review still counts');
  });
});
