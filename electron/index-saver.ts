// When the open vault's index cache is written: once after open (when anything was read or dropped
// since the cache, or there was none), and after edits on disk, each time debounced so a burst of
// saves costs one write. It runs on the index worker (api-worker-entry.ts), never on the window's thread.
import type { Vault } from './domain/vault/vault.ts';

/** After open: long enough for the first requests (note, search) to be answered first. */
const AFTER_OPEN_MS = 1500;
/** After an edit: a typing user saves every few seconds; one write for a burst of them. */
const AFTER_EDIT_MS = 5000;

export class IndexSaver {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private saving: Promise<void> = Promise.resolve();
  /** Callers of `settled` waiting for the pending save. */
  private waiting: Array<() => void> = [];

  constructor(private readonly vault: Vault) {}

  /** The vault is fully indexed: save if it differs from the cache it came from. */
  opened(): void {
    if (this.vault.cacheStale()) this.schedule(AFTER_OPEN_MS);
  }

  /** A file changed on disk and the vault took it in. */
  changed(): void {
    this.schedule(AFTER_EDIT_MS);
  }

  /** Writes now if a save is pending; resolves when no write is under way. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.save();
    }
    await this.saving;
  }

  /** Resolves once no save is pending or under way (without hurrying a pending one). */
  async settled(): Promise<void> {
    while (this.timer) await new Promise<void>((resolve) => this.waiting.push(resolve));
    await this.saving;
  }

  private schedule(ms: number): void {
    this.dirty = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.save();
    }, ms);
    // A pending save never keeps a process (a CLI run, a test) alive.
    this.timer.unref?.();
  }

  private save(): void {
    const waiting = this.waiting.splice(0);
    if (this.dirty) {
      this.dirty = false;
      // A failed write (disk full, read-only data folder) only costs the next start its speed.
      this.saving = this.saving
        .then(() => this.vault.saveCache({ swapSwitcher: true }))
        .catch((err) => {
          process.emitWarning(`index cache not saved: ${(err as Error).message}`);
        });
    }
    void this.saving.then(() => waiting.forEach((resolve) => resolve()));
  }
}
