import type { AsyncSubscription, Event } from '@parcel/watcher';
import { lstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Vault, VaultChange } from './vault.ts';
import { isIgnoredName } from './scan-vault.ts';

export interface VaultWatcher {
  /** Resolves once the watch is set up, events flow, and what changed before is taken in
   *  (Vault.catchUp); also when the watch could not be set up (`onError` heard why). */
  ready: Promise<void>;
  /** The shortest time between two walks of the vault, in ms, once it is walked for changes
   *  because it could not be watched; null while it is watched. */
  readonly pollingEvery: number | null;
  close(): Promise<void>;
}

/**
 * The one line the app shows when the watcher fails. The watcher needs a watch per folder (Linux:
 * fs.inotify.max_user_watches, 8,192 on older kernels, counts them for all of a user's programs),
 * and it is set up for the whole vault or not at all. Where it could not be set up, the vault is
 * walked for changes instead (`pollingEvery`, in ms): changes still show, a few seconds late.
 * Without that (a change that could not be taken in), they show when the vault is opened again.
 */
export function watchNotice(err: Error & { code?: string }, pollingEvery: number | null = null): string {
  const lost =
    pollingEvery === null
      ? 'Changes made outside Cairn will not show until the vault is opened again'
      : `Changes made outside Cairn show within about ${Math.round(pollingEvery / 1000)} s, not at once`;
  const walks = pollingEvery === null ? '' : ', so Cairn walks the vault for them';
  const then = pollingEvery === null ? 'then reopen the vault' : 'then reopen the vault for them to show at once';
  const said = `${err.code ?? ''} ${err.message}`;
  if (/ENOSPC|No space left on device/.test(said))
    return `${lost}: the system's limit on watched folders was reached${walks}. Raise it (on Linux: sudo sysctl fs.inotify.max_user_watches=524288), ${then}.`;
  if (/EMFILE|ENFILE|Too many open files/.test(said)) return `${lost}: too many files are open${walks}. Raise the limit on open files, ${then}.`;
  return `${lost}: watching them failed (${err.message.split('\n')[0].slice(0, 160)})${walks}.`;
}

const require = createRequire(import.meta.url);

/** What the watcher leaves out: the folders the vault never reads (scan-vault.ts, isIgnoredName). */
const IGNORE = ['**/.*', '**/node_modules'];
/** A new folder's own folders are watched this long after its creation is heard (see below). */
const NEW_FOLDER_MS = 100;
/** Where the vault cannot be watched, it is walked for changes (Vault.catchUp) this often, or
 *  WALK_SHARE times as long as the last walk took, if longer: the folder walk of the bench's
 *  vaults takes 0.06-0.14 s at 10k notes (every 5 s: 1-3% of a core) and 0.3-0.36 s at 50k
 *  (every 6-7 s: 5%). */
export const POLL_MS = 5000;
const WALK_SHARE = 20;

export interface WatchOptions {
  /** Subscribes to the folder's changes (@parcel/watcher's `subscribe` by default). */
  subscribe?: (root: string, heard: (err: Error | null, events: Event[]) => void, opts: { ignore: string[] }) => Promise<AsyncSubscription>;
  /** The shortest time between two walks of the vault when it cannot be watched. */
  pollMs?: number;
}

/**
 * Keeps `vault` in step with the disk: writes, creations, deletions and renames (a rename arrives
 * as delete + create). `onChange` hears about each change after the vault has taken it in.
 * `onError` hears each failure: a watch that could not be set up, or a change that could not be
 * taken in.
 *
 * @parcel/watcher (README.md, "How it is built") watches folders in native code: one watch per
 * folder, and no JavaScript object per file. It reports what changes after its own first walk, so
 * what changed between the vault's walk and that one (a note saved while the vault was opening)
 * is caught up once it is set up.
 *
 * This layer covers what it does not do on Linux (parcel-bundler/watcher#97, open): a folder
 * created or moved into the vault is watched, but not the folders inside it, and the files it
 * already holds are not reported. So a new folder makes the layer subscribe again (the new
 * subscription walks the whole vault, in native code) and catch up with the disk. Where no
 * subscription can be made (the system's limit of watches, the native module missing), the layer
 * walks the vault for changes instead, every POLL_MS or more.
 */
export function watchVault(
  vault: Vault,
  onChange: (change: VaultChange) => void,
  onError: (err: Error) => void = () => {},
  options: WatchOptions = {},
): VaultWatcher {
  const pollMs = options.pollMs ?? POLL_MS;
  // Changes are applied one at a time, in the order they arrived, once every note is read and the
  // quick switcher filled (a change before would be overwritten by the note read for the list).
  let queue: Promise<unknown> = Promise.all([vault.listed, vault.switcherFilled]).catch(() => undefined);
  type Result = VaultChange | VaultChange[] | null;
  const apply = (work: () => Promise<Result> | Result) => {
    queue = queue
      .then(work)
      .then((result) => [result ?? []].flat().forEach(onChange))
      .catch((err) => onError(err as Error));
  };
  const ignored = (p: string) => path.relative(vault.root, p).split(path.sep).some(isIgnoredName);
  const isFolder = (p: string) => {
    try {
      return lstatSync(p).isDirectory();
    } catch {
      return false;
    }
  };

  let closed = false;
  let subscription: AsyncSubscription | null = null;
  let again: ReturnType<typeof setTimeout> | null = null;
  /** The subscriptions made again after new folders, one after another (two at once would each
   *  replace the one before, and one of them would never be let go); `close` waits for them. */
  let resubscribing: Promise<void> = Promise.resolve();
  const heard = (err: Error | null, events: Event[]) => {
    if (err) onError(err);
    let newFolder = false;
    for (const { type, path: p } of events) {
      if (ignored(p)) continue;
      if (type === 'delete') apply(() => vault.fileDeleted(p) ?? vault.folderDeleted(p));
      else if (type === 'create' && isFolder(p)) newFolder = true;
      else apply(() => vault.fileChanged(p));
    }
    if (newFolder && !again && !closed)
      again = setTimeout(() => {
        again = null;
        resubscribing = resubscribing.then(subscribeAgain);
      }, NEW_FOLDER_MS);
  };
  // The module is native: where it cannot load, the vault is walked for changes instead (below),
  // and the notice says so.
  // Required, not imported: the index worker's bundle runs as a vm.Script with V8's code cache
  // (api-worker-boot.ts), where `import()` fails.
  const subscribe = async () =>
    (options.subscribe ?? (require('@parcel/watcher') as typeof import('@parcel/watcher')).subscribe)(vault.root, heard, { ignore: IGNORE });
  // Where the vault cannot be watched (the system's limit of watches, the native module missing),
  // it is walked for changes, one walk after another with a pause between.
  let polling: ReturnType<typeof setTimeout> | null = null;
  let pollingEvery: number | null = null;
  const walkLater = (wait: number) => {
    polling = setTimeout(() => {
      const began = performance.now();
      apply(() => vault.catchUp());
      void queue.then(() => {
        if (!closed) walkLater(Math.max(pollMs, (performance.now() - began) * WALK_SHARE));
      });
    }, wait);
  };
  /** Starts the walks, then tells `onError` why (it reads `pollingEvery`). */
  const unwatched = (err: Error) => {
    if (!closed && pollingEvery === null) {
      pollingEvery = pollMs;
      walkLater(pollMs);
    }
    onError(err);
  };
  // The watcher of a folder is shared by its subscriptions (a second one would not walk again):
  // the first goes before the next is made. What changes in between is caught up.
  const subscribeAgain = async () => {
    if (closed) return;
    try {
      const before = subscription;
      subscription = null;
      await before?.unsubscribe();
      const next = await subscribe();
      if (closed) return void (await next.unsubscribe());
      subscription = next;
    } catch (err) {
      unwatched(err as Error);
    }
    apply(() => vault.catchUp());
  };

  const ready = subscribe().then(
    async (s) => {
      if (closed) return void (await s.unsubscribe());
      subscription = s;
      apply(() => vault.catchUp());
      await queue;
    },
    (err) => unwatched(err as Error),
  );
  return {
    ready,
    get pollingEvery() {
      return pollingEvery;
    },
    // Resolves once no native work of the watcher is under way: a thread stopped while a
    // subscription is being made aborts the whole process (node-addon-api's error in a torn-down
    // environment), so the worker is closed only after this.
    close: async () => {
      closed = true;
      if (again) clearTimeout(again);
      if (polling) clearTimeout(polling);
      await ready;
      await resubscribing;
      await subscription?.unsubscribe();
      subscription = null;
      await queue;
    },
  };
}
