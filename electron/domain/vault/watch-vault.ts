import { watch } from 'chokidar';
import path from 'node:path';
import type { Vault, VaultChange } from './vault.ts';
import { isIgnoredName } from './scan-vault.ts';

export interface VaultWatcher {
  /** Resolves once the initial scan of the watcher is done, events flow, and what changed before
   *  is taken in (Vault.catchUp). */
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * The one line the app shows when the watcher fails: changes on disk to some files will then not
 * show until the vault is opened again. chokidar puts a watch on every file and folder, so a large
 * vault can meet the system's limit of them (Linux: fs.inotify.max_user_watches, 8,192 on older
 * kernels), and every watch past it fails with ENOSPC.
 */
export function watchNotice(err: Error & { code?: string }): string {
  const lost = 'Changes made outside Cairn to some files will not show until the vault is opened again';
  if (err.code === 'ENOSPC')
    return `${lost}: the system's limit on watched files was reached. Raise it (on Linux: sudo sysctl fs.inotify.max_user_watches=524288), then reopen the vault.`;
  if (err.code === 'EMFILE' || err.code === 'ENFILE') return `${lost}: too many files are open. Raise the limit on open files, then reopen the vault.`;
  return `${lost}: watching them failed (${err.message.slice(0, 160)}).`;
}

/**
 * Keeps `vault` in step with the disk: writes, creations, deletions and renames (a rename arrives
 * as delete + add). `onChange` hears about each change after the vault has taken it in.
 * chokidar reports what changes after its own first walk: what changed between the vault's walk
 * and that one (a note saved while the vault was opening) is caught up once it is done.
 * `onError` hears each failure: a file or folder that could not be watched, or a change that
 * could not be taken in.
 */
export function watchVault(vault: Vault, onChange: (change: VaultChange) => void, onError: (err: Error) => void = () => {}): VaultWatcher {
  const watcher = watch(vault.root, {
    ignoreInitial: true,
    followSymlinks: false,
    ignored: (p: string) => path.relative(vault.root, p).split(path.sep).some(isIgnoredName),
    // A file written in several pieces is read once it has stopped growing. Most saves are one
    // write or a rename (atomic), so the wait is short: it is part of every edit's way to the
    // backlinks (README's target: 100 ms at 10k notes). A piece arriving later is another change.
    awaitWriteFinish: { stabilityThreshold: 20, pollInterval: 5 },
  });
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
  watcher.on('add', (p) => apply(() => vault.fileChanged(p)));
  watcher.on('change', (p) => apply(() => vault.fileChanged(p)));
  watcher.on('unlink', (p) => apply(() => vault.fileDeleted(p)));
  watcher.on('unlinkDir', (p) => apply(() => vault.folderDeleted(p)));
  watcher.on('error', (err) => onError(err as Error));
  const ready = new Promise<void>((resolve) =>
    watcher.once('ready', () => {
      apply(() => vault.catchUp());
      void queue.then(() => resolve());
    }),
  );
  return {
    ready,
    close: async () => {
      await watcher.close();
      await queue;
    },
  };
}
