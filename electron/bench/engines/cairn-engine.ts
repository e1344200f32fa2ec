// Cairn as the app runs it: Vault.open (scan, read, parse, index) with its index cache, and the
// file watcher's handler, `fileChanged`.
import { Vault } from '../../domain/vault/vault.ts';
import type { BenchEngine } from './engine.ts';

export function cairnEngine(): BenchEngine {
  let vault: Vault | null = null;
  const open = () => {
    if (!vault) throw new Error('no vault open');
    return vault;
  };
  return {
    name: 'cairn',
    async coldIndex(dir, cacheDir) {
      vault = await Vault.open(dir, { cacheDir });
    },
    saveCache: () => open().saveCache(),
    async warmStart(dir, cacheDir) {
      vault = await Vault.open(dir, { cacheDir });
    },
    search: (q) => open().search.search(q, 20).map((h) => h.id),
    quickSwitch: (q) => open().switcher.search(q, 20).map((h) => h.id),
    async fileChanged(abs) {
      await open().fileChanged(abs);
    },
  };
}
