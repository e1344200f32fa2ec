import type { CliCommand } from './cli-types.ts';

/** Every `cairn` command, by the module that holds it; each feature adds its own module here.
 *  Modules load only when one of their commands runs, so `cairn --help` (whose text comes from
 *  the build, electron/build.mjs) and light commands never load mathjs, markdown-it or ts-fsrs. */
export const commandModules: Record<string, () => Promise<CliCommand[]>> = {
  vault: async () => (await import('./vault-commands.ts')).vaultCommands,
  serve: async () => [(await import('./serve-command.ts')).serveCommand],
  cards: async () => (await import('./cards-commands.ts')).cardCommands,
  plan: async () => [(await import('./plan-command.ts')).planCommand],
  calc: async () => (await import('./calc-commands.ts')).calcCommands,
};

/** What help and argument parsing need of a command, without its code. */
export type CommandMeta = Pick<CliCommand, 'name' | 'usage' | 'summary' | 'options'> & { module: string };

/** Every command's metadata, in order, by loading every module (the build does this once). */
export async function loadCommandMeta(): Promise<CommandMeta[]> {
  const out: CommandMeta[] = [];
  for (const [module, load] of Object.entries(commandModules)) {
    for (const { name, usage, summary, options } of await load()) out.push({ name, usage, summary, options, module });
  }
  return out;
}

export async function loadCommand(meta: CommandMeta): Promise<CliCommand> {
  const found = (await commandModules[meta.module]()).find((c) => c.name === meta.name);
  if (!found) throw new Error(`command ${meta.name} is not in module ${meta.module}`);
  return found;
}
