// `cairn …`: the command line over the same domain as the app. Exit codes: 0 success,
// 1 bad usage (message on stderr), 2 vault missing or unreadable.
import { parseArgs } from 'node:util';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SHIPPED_VAULT } from './shipped-vault.ts';
import { loadCommand, loadCommandMeta, type CommandMeta } from './cli/commands.ts';
import { UsageError } from './cli/cli-types.ts';
import { printable } from './cli/printable.ts';
import { VaultError } from './domain/vault/vault-error.ts';
import type { Vault } from './domain/vault/vault.ts';

/** The commands' metadata, put in by the bundle's build (electron/build.mjs); from source, read
 *  from the command modules themselves. */
declare const __CAIRN_COMMAND_META__: CommandMeta[] | undefined;
const commandMeta = (): Promise<CommandMeta[]> => (typeof __CAIRN_COMMAND_META__ !== 'undefined' ? Promise.resolve(__CAIRN_COMMAND_META__) : loadCommandMeta());

export { SHIPPED_VAULT };

const GLOBAL_OPTIONS = {
  vault: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function helpText(commands: CommandMeta[]): string {
  const lines = commands.map((c) => `  cairn ${c.usage.padEnd(44)} ${c.summary}`);
  return ['Usage: cairn <command> [--vault DIR] [--json]', '', 'Commands:', ...lines, ''].join('\n');
}

function findCommand(commands: CommandMeta[], argv: string[]): { command: CommandMeta; rest: string[] } | null {
  const words = argv.filter((a) => !a.startsWith('-')).slice(0, 2);
  const two = commands.find((c) => c.name === words.join(' '));
  const one = commands.find((c) => c.name === words[0]);
  const command = two ?? one;
  if (!command) return null;
  const drop = command.name.split(' ');
  const rest = [...argv];
  for (const w of drop) rest.splice(rest.indexOf(w), 1);
  return { command, rest };
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const stdio: CliIo = { out: (s) => void process.stdout.write(s + '\n'), err: (s) => void process.stderr.write(s + '\n') };

export async function runCli(argv: string[], rawIo: CliIo = stdio): Promise<number> {
  // Every line printed may hold vault names: control characters are shown, never sent (printable.ts).
  const io: CliIo = { out: (s) => rawIo.out(printable(s)), err: (s) => rawIo.err(printable(s)) };
  const commands = await commandMeta();
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(helpText(commands));
    return argv.length === 0 ? 1 : 0;
  }
  const found = findCommand(commands, argv);
  if (!found) {
    io.err(`cairn: unknown command "${argv.filter((a) => !a.startsWith('-'))[0] ?? argv[0]}"\n\n${helpText(commands)}`);
    return 1;
  }
  const { command, rest } = found;
  try {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...(command.options ?? {}) }, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\nusage: cairn ${command.usage}`);
    }
    if (parsed.values.help) {
      io.out(`usage: cairn ${command.usage}\n${command.summary}`);
      return 0;
    }
    if (parsed.values.vault !== undefined && String(parsed.values.vault).trim() === '') throw new UsageError('--vault needs a folder (it was empty)');
    const vaultDir = path.resolve(typeof parsed.values.vault === 'string' ? parsed.values.vault : SHIPPED_VAULT);
    // The CLI loads the app's index cache, and writes it back when it had to read notes.
    let opened: Vault | null = null;
    const openVault = async () => {
      const [{ Vault }, { defaultDataDir }] = await Promise.all([import('./domain/vault/vault.ts'), import('./domain/prices/load-catalog.ts')]);
      // Built (out/cli/), the parse pool's thread is out/parse-worker.cjs; from source there is none.
      const parseWorker = fileURLToPath(new URL('../parse-worker.cjs', import.meta.url));
      opened = await Vault.open(vaultDir, {
        cacheDir: path.join(defaultDataDir(), 'index-cache'),
        parseWorker: existsSync(parseWorker) ? parseWorker : undefined,
      });
      if (opened.origin.notice) io.err(`cairn: ${opened.origin.notice}`);
      return opened;
    };
    const code = await (await loadCommand(command)).run({
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      positionals: parsed.positionals,
      vaultDir,
      json: parsed.values.json === true,
      openVault,
      out: io.out,
      err: io.err,
    });
    const vault = opened as Vault | null;
    if (vault?.cacheStale()) await vault.saveCache().catch((err: Error) => io.err(`cairn: index cache not saved: ${err.message}`));
    return typeof code === 'number' ? code : 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`cairn ${command.name}: ${err.message}`);
      return 1;
    }
    if (err instanceof VaultError) {
      io.err(`cairn: ${err.message}`);
      return 2;
    }
    throw err;
  }
}
