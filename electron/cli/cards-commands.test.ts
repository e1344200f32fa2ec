import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../cli.ts';
import type { Card } from '../domain/cards/card-types.ts';
import { exportAnki } from '../domain/cards/anki-export.ts';
import { fixtureText, seedText, SEED_ID } from '../domain/cards/fixtures/load-fixtures.ts';
import type { DeckCounts } from '../domain/reviews/due-counts.ts';
import { VaultSettingsStore } from '../domain/settings/vault-settings.ts';
import { ReviewStore } from '../domain/reviews/review-store.ts';

let root = '';
let vault = '';
const env = { CAIRN_DATA_DIR: process.env.CAIRN_DATA_DIR, CAIRN_DEVICE: process.env.CAIRN_DEVICE };

async function cairn(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli([...args, '--vault', vault], { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cairn cards / due / export anki', () => {
  before(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cairn-cli-'));
    vault = path.join(root, 'vault');
    mkdirSync(path.join(vault, 'aws'), { recursive: true });
    writeFileSync(path.join(vault, SEED_ID), seedText());
    writeFileSync(path.join(vault, 'plugin.md'), fixtureText('sr-plugin-syntax.md'));
    writeFileSync(path.join(vault, 'malformed.md'), fixtureText('malformed-questions.md'));
    process.env.CAIRN_DATA_DIR = path.join(root, 'app-data');
    process.env.CAIRN_DEVICE = 'test-device';
  });
  after(() => {
    rmSync(root, { recursive: true });
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  test('cards --json prints the cards; diagnostics go to stderr', async () => {
    const { code, out, err } = await cairn('cards', '--json');
    assert.equal(code, 0, err);
    const cards = JSON.parse(out) as Card[];
    assert.equal(cards.filter((c) => c.noteId === SEED_ID).length, 4);
    const choice = cards.find((c) => c.kind === 'choice' && c.noteId === SEED_ID)!;
    assert.deepEqual(Object.keys(choice).sort(), ['answer', 'back', 'decks', 'explanations', 'front', 'id', 'kind', 'line', 'noteId', 'options']);
    assert.match(err, /malformed\.md:8 {2}CARD_NO_ANSWER/);
  });

  test('cards --deck keeps a deck and its sub-decks', async () => {
    const cards = JSON.parse((await cairn('cards', '--deck', 'service', '--json')).out) as Card[];
    assert.ok(cards.length > 4);
    assert.ok(cards.every((c) => c.decks.some((d) => d.startsWith('service/'))));
    const seedOnly = JSON.parse((await cairn('cards', '--deck', '#Service/SageMaker-Processing', '--json')).out) as Card[];
    assert.deepEqual([...new Set(seedOnly.map((c) => c.noteId))], [SEED_ID]);
  });

  test('cards without --json: one line per card and a count', async () => {
    const { out } = await cairn('cards', '--deck', 'service/sagemaker-processing');
    const lines = out.split('\n');
    assert.equal(lines.at(-1), '4 cards');
    assert.match(lines[0], /^[0-9a-f]{16} {2}basic {4}aws\/cost-sagemaker-processing-optimization\.md:\d+ {2}Reserved Instance \(RI\)$/);
  });

  test('due --json counts per deck, and follows the review log', async () => {
    const before = JSON.parse((await cairn('due', '--json')).out) as DeckCounts[];
    const all = before.find((r) => r.deck === '')!;
    // The plugin fixture's three cards with SR history are no longer new; 20 new a day by default.
    assert.equal(all.unseen, all.total - 3);
    assert.equal(all.new, Math.min(20, all.unseen));
    assert.deepEqual(
      before.find((r) => r.deck === 'service/sagemaker-processing'),
      { deck: 'service/sagemaker-processing', new: 4, learning: 0, due: 0, unseen: 4, total: 4 },
    );

    const cards = JSON.parse((await cairn('cards', '--json', '--deck', 'service/sagemaker-processing')).out) as Card[];
    const store = ReviewStore.open({ vaultRoot: vault, device: 'test-device', fallbackDir: process.env.CAIRN_DATA_DIR! });
    await store.append({ cardId: cards[0].id, noteId: cards[0].noteId, rating: 1 });

    const rows = JSON.parse((await cairn('due', '--json')).out) as DeckCounts[];
    const service = rows.find((r) => r.deck === 'service/sagemaker-processing')!;
    // Again: a 1-minute step, learning (due within Anki's 20-minute learn-ahead window).
    assert.deepEqual([service.new, service.learning], [3, 1]);
    assert.equal(rows.find((r) => r.deck === '')!.unseen, all.unseen - 1);
    assert.equal(rows.find((r) => r.deck === '')!.new, Math.min(19, all.unseen - 1));

    // The vault's limit, saved by the app, is the CLI's too.
    await new VaultSettingsStore(process.env.CAIRN_DATA_DIR!).update(vault, { newCardsPerDay: 3 });
    const limited = JSON.parse((await cairn('due', '--json')).out) as DeckCounts[];
    assert.equal(limited.find((r) => r.deck === '')!.new, 2);

    // A card suspended in the app is not counted, as in the Flashcards view.
    await store.appendOther({ type: 'suspend', cardId: cards[1].id, noteId: cards[1].noteId, suspended: true });
    const suspended = JSON.parse((await cairn('due', '--json')).out) as DeckCounts[];
    assert.equal(suspended.find((r) => r.deck === 'service/sagemaker-processing')!.total, 3);
  });

  test('export anki writes the Anki text file, to stdout or --out', async () => {
    const cards = JSON.parse((await cairn('cards', '--json', '--deck', 'flashcards')).out) as Card[];
    const { out } = await cairn('export', 'anki', '--deck', 'flashcards');
    assert.equal(out + '\n', exportAnki(cards, { deck: 'flashcards' }));
    const file = path.join(root, 'export.txt');
    const written = await cairn('export', 'anki', '--deck', 'flashcards', '--out', file);
    assert.equal(written.code, 0);
    assert.equal(readFileSync(file, 'utf8'), out + '\n');
  });

  test('export apkg writes a package; an unwritable --out is one line on stderr and exit 3', async () => {
    const file = path.join(root, 'cards.apkg');
    const ok = await cairn('export', 'apkg', '--out', file, '--json');
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual(Object.keys(JSON.parse(ok.out)), ['file', 'notes', 'media']);
    assert.deepEqual([...readFileSync(file).subarray(0, 2)], [0x50, 0x4b], 'a zip');
    for (const bad of [root, path.join(file, 'inside.apkg')]) {
      const failed = await cairn('export', 'apkg', '--out', bad);
      assert.equal(failed.code, 3);
      // Card diagnostics come first on stderr; the failure is one line, the last.
      const lines = failed.err
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('cairn'));
      assert.equal(lines.length, 1, failed.err);
      assert.match(lines[0], /^cairn export apkg: .* (is a folder|its folder does not exist|not writable) \(E[A-Z]+\); nothing was written$/);
    }
    assert.equal((await cairn('export', 'apkg')).code, 1, '--out is required');
  });

  test('bad usage exits 1 with a message', async () => {
    assert.equal((await cairn('cards', 'extra')).code, 1);
    const bad = await cairn('due', '--retention', '2');
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--retention takes a number between 0 and 1/);
    assert.equal((await cairn('cards', '--deck', '#')).code, 1);
  });
});
