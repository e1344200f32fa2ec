import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Card } from '../domain/cards/card-types.ts';
import { exportAnki } from '../domain/cards/anki-export.ts';
import { exportApkg } from '../domain/cards/anki-apkg-export.ts';
import { deckKey, inDeck } from '../domain/cards/decks.ts';
import { extractAllCards } from '../domain/cards/extract-cards.ts';
import { ReviewStore } from '../domain/reviews/review-store.ts';
import { VaultSettingsStore } from '../domain/settings/vault-settings.ts';
import { CardsService } from '../services/cards-service.ts';
import { UsageError, type CliCommand, type CliContext } from './cli-types.ts';

// Block body: the command's result is its exit code, so out()'s return value must not leak into it.
const json = (ctx: CliContext, value: unknown): void => {
  ctx.out(JSON.stringify(value, null, 2));
};

/** README: exit code 3 when the output file cannot be written. */
export const EXIT_NOT_WRITTEN = 3;

/** Writes `data` to `file`; a failure is one line on stderr and exit code 3, never a stack trace. */
async function writeOut(ctx: CliContext, command: string, file: string, data: string | Uint8Array): Promise<number | null> {
  try {
    await writeFile(file, data);
    return null;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason =
      e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS'
        ? 'not writable'
        : e.code === 'EISDIR'
          ? 'is a folder'
          : e.code === 'ENOENT' || e.code === 'ENOTDIR'
            ? 'its folder does not exist'
            : 'cannot be written';
    ctx.err(`cairn ${command}: ${file} ${reason} (${e.code ?? e.message}); nothing was written`);
    return EXIT_NOT_WRITTEN;
  }
}

/** The vault's cards, of `--deck` when given; card diagnostics go to stderr. */
export async function loadCards(ctx: CliContext): Promise<{ cards: Card[]; vaultRoot: string; vault: Awaited<ReturnType<CliContext['openVault']>> }> {
  if (ctx.positionals.length) throw new UsageError(`unexpected argument "${ctx.positionals[0]}"`);
  const deck = optionalString(ctx, 'deck');
  if (deck !== undefined && !deckKey(deck)) throw new UsageError('--deck needs a tag, e.g. --deck service');
  const vault = await ctx.openVault();
  // The vault's Spaced Repetition plugin settings, as the app saved them.
  const { sr } = await new VaultSettingsStore(appDataDir()).load(vault.root);
  const { cards, diagnostics } = extractAllCards(vault.allNotes(), sr);
  for (const d of diagnostics) ctx.err(`${d.id}:${d.line}  ${d.code}  ${d.message}`);
  return { cards: deck ? cards.filter((c) => inDeck(c.decks, deck)) : cards, vaultRoot: vault.root, vault };
}

export function optionalString(ctx: CliContext, name: string): string | undefined {
  const value = ctx.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${name} needs a value`);
  return value;
}

/** This device's name: --device, else $CAIRN_DEVICE, else the host name. */
export function deviceName(ctx: CliContext): string {
  return optionalString(ctx, 'device') ?? (process.env.CAIRN_DEVICE?.trim() || os.hostname());
}

/** Where reviews go when the vault is read-only: $CAIRN_DATA_DIR, else ~/.config/cairn. */
export function appDataDir(): string {
  return process.env.CAIRN_DATA_DIR?.trim() || path.join(os.homedir(), '.config', 'cairn');
}

function retentionOption(ctx: CliContext): number | undefined {
  const raw = optionalString(ctx, 'retention');
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!(value > 0 && value < 1)) throw new UsageError('--retention takes a number between 0 and 1, e.g. 0.9');
  return value;
}

const firstLine = (text: string) => text.split('\n')[0];

const cards: CliCommand = {
  name: 'cards',
  usage: 'cards [--deck TAG] [--json]',
  summary: 'Flashcards found in the notes (exam questions, concepts, plugin syntax)',
  options: { deck: { type: 'string' } },
  async run(ctx) {
    const { cards } = await loadCards(ctx);
    if (ctx.json) return json(ctx, cards);
    for (const c of cards) ctx.out(`${c.id}  ${c.kind.padEnd(8)} ${c.noteId}:${c.line}  ${firstLine(c.front)}`);
    ctx.out(`${cards.length} card${cards.length === 1 ? '' : 's'}`);
  },
};

const due: CliCommand = {
  name: 'due',
  usage: 'due [--deck TAG] [--device NAME] [--retention R] [--json]',
  summary: 'New, learning and due cards per deck (a deck includes its sub-tags)',
  options: { deck: { type: 'string' }, device: { type: 'string' }, retention: { type: 'string' } },
  async run(ctx) {
    const retention = retentionOption(ctx);
    const { vault } = await loadCards(ctx);
    // The app's own counts (CardsService.decks): the daily new-card limit, suspended cards left
    // out and review intervals capped before an exam, so the CLI and the Flashcards view agree.
    const store = ReviewStore.open({ vaultRoot: vault.root, device: deviceName(ctx), fallbackDir: appDataDir() });
    const { decks, warnings, orphans } = await new CardsService(vault, store, new VaultSettingsStore(appDataDir()), retention).decks();
    for (const w of warnings) ctx.err(`warning: ${w}`);
    if (orphans.length) ctx.err(`note: ${orphans.length} reviewed card(s) no longer in the notes; their history stays in the log`);
    const deck = optionalString(ctx, 'deck');
    const rows = decks.filter((r) => !deck || r.deck === '' || inDeck([r.deck], deck));
    if (ctx.json) return json(ctx, rows);
    ctx.out(`${'deck'.padEnd(40)} ${'new'.padStart(5)} ${'learn'.padStart(5)} ${'due'.padStart(5)}`);
    for (const r of rows) {
      const name = r.deck === '' ? '(all)' : '  '.repeat(r.deck.split('/').length - 1) + r.deck.split('/').at(-1);
      ctx.out(`${name.padEnd(40)} ${String(r.new).padStart(5)} ${String(r.learning).padStart(5)} ${String(r.due).padStart(5)}`);
    }
  },
};

const exportAnkiCommand: CliCommand = {
  name: 'export anki',
  usage: 'export anki [--deck TAG] [--out FILE]',
  summary: 'Cards as an Anki text import file (tab-separated, GUIDs = card ids)',
  options: { deck: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const out = optionalString(ctx, 'out');
    const { cards } = await loadCards(ctx);
    const text = exportAnki(cards, { deck: optionalString(ctx, 'deck') });
    if (!out) {
      ctx.out(text.replace(/\n$/, ''));
      return;
    }
    const failed = await writeOut(ctx, 'export anki', out, text);
    if (failed) return failed;
    ctx.err(`wrote ${cards.length} cards to ${out}`);
  },
};

const exportApkgCommand: CliCommand = {
  name: 'export apkg',
  usage: 'export apkg [--deck TAG] --out FILE',
  summary: 'Cards as an Anki package (.apkg): note types "Cairn Basic/Cloze/Choice", decks, images',
  options: { deck: { type: 'string' }, out: { type: 'string' } },
  async run(ctx) {
    const out = optionalString(ctx, 'out');
    if (!out) throw new UsageError('--out FILE is required (an .apkg is binary)');
    const { cards, vault } = await loadCards(ctx);
    const result = await exportApkg(cards, vault, { deck: optionalString(ctx, 'deck') });
    const failed = await writeOut(ctx, 'export apkg', out, result.bytes);
    if (failed) return failed;
    if (ctx.json) return json(ctx, { file: out, notes: result.notes, media: result.media });
    ctx.err(`wrote ${result.notes} notes and ${result.media} images to ${out}`);
  },
};

export const cardCommands: CliCommand[] = [cards, due, exportAnkiCommand, exportApkgCommand];
