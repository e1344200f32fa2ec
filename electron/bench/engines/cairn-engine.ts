// Cairn as the app runs it: Vault.open (scan, read, parse, link graph, then the full text and
// the search warm-up) with its index cache, the file watcher's handler (`fileChanged`) and the note view (`noteView`).
import { fileURLToPath } from 'node:url';
import { Vault } from '../../domain/vault/vault.ts';
import { noteView } from '../../domain/vault/note-details.ts';
import { SEARCH_PAGE } from '../../contract.ts';
import type { BenchEngine, StartTimes } from './engine.ts';

/** The built parse thread (npm run bench builds first); BENCH_POOL=0 reads and parses on one thread. */
const PARSE_WORKER = process.env.BENCH_POOL === '0' ? undefined : fileURLToPath(new URL('../../../out/parse-worker.cjs', import.meta.url));

export function cairnEngine(): BenchEngine {
  let vault: Vault | null = null;
  let opening: Promise<Vault> | null = null;
  const open = () => {
    if (!vault) throw new Error('no vault open');
    return vault;
  };
  const start = async (dir: string, cacheDir: string): Promise<StartTimes> => {
    const t = performance.now();
    let listMs: number | undefined;
    let listed!: (v: Vault) => void;
    const list = new Promise<Vault>((resolve) => (listed = resolve));
    // The note list answers from the first step (the notes by name: AppApi's noteList).
    // The search warm-up as AppApi runs it. It ends the open, but runs a slice at a time once
    // the full text is in, and AppApi answers a search from then on (`vault.searchable`): the
    // start is over there, as it is for the user; the warm-up ends before anything else is
    // measured (`settled`).
    opening = Vault.open(dir, {
      cacheDir,
      parseWorker: PARSE_WORKER,
      warmUp: true,
      onNames: () => (listMs = performance.now() - t),
      onList: (v) => listed(v),
    });
    opening.catch(() => undefined);
    vault = await Promise.race([list, opening]);
    await vault.searchable;
    return { listMs };
  };
  return {
    name: 'cairn',
    coldIndex: start,
    settled: async () => void (await opening),
    // As the app's IndexSaver saves (its write time includes the quick switcher's swap).
    saveCache: () => open().saveCache({ swapSwitcher: true }),
    warmStart: start,
    // The page the search panel asks for, as the app asks it (the count follows apart).
    search: (q) =>
      open()
        .search.searchWithTotal(q, SEARCH_PAGE)
        .hits.map((h) => h.id),
    count: (q) => open().search.countHits(q).total,
    quickSwitch: (q) =>
      open()
        .switcher.search(q, 20)
        .map((h) => h.id),
    async fileChanged(abs) {
      await open().fileChanged(abs);
    },
    async editShowsBacklink(sourceAbs, source, target) {
      await open().fileChanged(sourceAbs);
      // What the app's note view asks (getNote); its unlinked mentions come apart (noteMentions).
      return noteView(open(), target)?.backlinks.some((b) => b.id === source) ?? false;
    },
  };
}
