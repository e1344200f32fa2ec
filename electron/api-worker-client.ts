// The main-process side of the index worker (api-worker-entry.ts): the same ApiPort as AppApi,
// answered by AppApi on the worker thread.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Result, VaultEvent } from './contract.ts';
import type { ApiPort, DispatchOptions } from './api-port.ts';
import type { AppApiOptions } from './app-api.ts';
import type { WorkerMessage, WorkerRequest } from './api-worker-entry.ts';
import type { WorkerBoot } from './api-worker-boot.ts';
import { defaultDataDir } from './domain/data-dir.ts';
// From its own module: vault.ts would load the whole index (gray-matter, FlexSearch, …) into the
// thread that only talks to the worker, 0.2 s before `cairn serve` could start it.
import { VaultError } from './domain/vault/vault-error.ts';
import type { VaultFileRef } from './domain/vault/open-vault-file.ts';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

export class ApiWorkerClient implements ApiPort {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: VaultEvent) => void>();
  private nextId = 1;

  /**
   * @param script the worker bundle, out/api-worker-entry.cjs (a worker thread cannot load TypeScript through tsx on Node 20):
   *   the same bundle when serving from source (`npm run build` makes it).
   */
  constructor(script: URL | string, options: AppApiOptions) {
    // Functions cannot cross to the worker: they stay here and wrap its answers.
    const { pickFolder, onVaultOpened, recentVaults, ...data } = options;
    this.pickFolder = pickFolder;
    this.onVaultOpened = onVaultOpened;
    this.recentVaults = recentVaults;
    // V8's default young generation (semi-spaces of 16 MB). A 12 MB one kept the resident memory
    // ~40 MB lower, but a search allocates about half a megabyte: at 50k notes a minor collection
    // (4-5 ms on that heap) then came every few searches, and search p95 went from 5 to 9 ms.
    // Built, the bundle is run by out/api-worker-boot.cjs beside it, with V8's code cache
    // (api-worker-boot.ts); kept with the index cache, and not made when that is turned off.
    const bundle = script instanceof URL ? fileURLToPath(script) : script;
    const bootScript = path.join(path.dirname(bundle), 'api-worker-boot.cjs');
    const boot: WorkerBoot = { bundle, cacheDir: options.indexCache === false ? null : path.join(options.dataDir ?? defaultDataDir(), 'code-cache') };
    this.worker = new Worker(existsSync(bootScript) ? bootScript : script, {
      workerData: { ...data, boot },
      execArgv: [],
    });
    this.worker.on('message', (m: WorkerMessage) => this.receive(m));
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', (code) => this.failAll(new Error(`the index worker stopped (exit ${code})`)));
  }

  private readonly pickFolder: AppApiOptions['pickFolder'];
  private readonly onVaultOpened: AppApiOptions['onVaultOpened'];
  private readonly recentVaults: AppApiOptions['recentVaults'];

  private receive(m: WorkerMessage): void {
    if (m.type === 'event') {
      for (const l of this.listeners) l(m.event as VaultEvent);
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    if (m.error)
      p.reject(
        m.error.code === 'VAULT_NOT_FOUND' || m.error.code === 'VAULT_UNREADABLE' ? new VaultError(m.error.code, m.error.message) : new Error(m.error.message),
      );
    else p.resolve(m.value);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private request(msg: Distribute<WorkerRequest>): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  /** Resolves once the open vault's file watcher has walked the vault and changes on disk are
   *  taken in (open resolves before: the note list does not wait for the watcher). */
  async watching(): Promise<void> {
    await this.request({ type: 'watching' });
  }

  /** Resolves once the open vault has settled: watched, its index cache written if it was due,
   *  and the memory the open used given back (AppApi.settled). */
  async settled(): Promise<void> {
    await this.request({ type: 'settled' });
  }

  /** Opens (scans and indexes) a vault on the worker; resolves with its root once its note list answers. */
  async open(dir: string): Promise<string> {
    const root = (await this.request({ type: 'open', dir })) as string;
    this.onVaultOpened?.(root);
    return root;
  }

  async dispatch(op: unknown, payload: unknown, options: DispatchOptions = {}): Promise<Result<unknown>> {
    // The folder dialog lives in the main process; the worker only ever gets a path.
    if (op === 'openVault' && this.pickFolder && !(payload && typeof payload === 'object' && 'path' in payload)) {
      const chosen = await this.pickFolder();
      if (!chosen) return { ok: false, error: { code: 'CANCELLED', message: 'no folder chosen' } };
      payload = { path: chosen };
    }
    const result = (await this.request({ type: 'dispatch', op: String(op), payload, waitMs: options.waitMs })) as Result<unknown>;
    if (op === 'openVault' && result.ok) this.onVaultOpened?.((result.value as { root: string }).root);
    if ((op === 'openVault' || op === 'vaultInfo') && result.ok && this.recentVaults) {
      (result.value as { recent: string[] }).recent = this.recentVaults();
    }
    return result;
  }

  onEvent(listener: (e: VaultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async filePath(id: string): Promise<VaultFileRef | null> {
    return (await this.request({ type: 'filePath', fileId: id })) as VaultFileRef | null;
  }

  /**
   * Lets the worker write an index cache save still pending (an edit's save waits 5 s), then stops
   * it. A save that takes longer than `graceMs` is given up: the next launch finds the cache
   * stale for the files that changed and reads them again, never a wrong answer.
   */
  async close(graceMs = 15_000): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([this.request({ type: 'close' }).catch(() => undefined), late]);
    clearTimeout(timer);
    await this.worker.terminate();
  }
}
