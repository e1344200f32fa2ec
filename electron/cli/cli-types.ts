import type { ParseArgsConfig } from 'node:util';
import type { Vault } from '../domain/vault/vault.ts';

export class UsageError extends Error {}

export interface CliContext {
  /** Parsed options of the command (per its `options`), plus the global `vault` and `json`. */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  vaultDir: string;
  json: boolean;
  /** Opens the vault given by --vault (default: the shipped `notes/`); exit 2 when missing. */
  openVault(): Promise<Vault>;
  /** Writes to stdout. With --json, a command prints exactly one JSON document (or one per line for streams). */
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  /** One or two words: `index`, `export anki`. */
  name: string;
  usage: string;
  summary: string;
  options?: ParseArgsConfig['options'];
  // biome-ignore lint/suspicious/noConfusingVoidType: a command that returns nothing exits 0; void lets it say so by not returning.
  run(ctx: CliContext): Promise<number | void>;
}
