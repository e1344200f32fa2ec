import type { CliCommand } from './cli-types.ts';
import { vaultCommands } from './vault-commands.ts';

/** Every `cairn` command; each feature adds its own module here. */
export const commands: CliCommand[] = [...vaultCommands];
