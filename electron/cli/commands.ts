import type { CliCommand } from './cli-types.ts';
import { calcCommands } from './calc-commands.ts';
import { cardCommands } from './cards-commands.ts';
import { planCommand } from './plan-command.ts';
import { serveCommand } from './serve-command.ts';
import { vaultCommands } from './vault-commands.ts';

/** Every `cairn` command; each feature adds its own module here. */
export const commands: CliCommand[] = [...vaultCommands, serveCommand, ...cardCommands, planCommand, ...calcCommands];
