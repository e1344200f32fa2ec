// The operations of the contract, implemented once over the domain. Transports (ipc.ts, host/)
// only parse payloads, call `dispatch` and carry the Result.
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from './domain/prices/load-catalog.ts';
import { ApiError, isOpName, parseRequest, type OpName, type Req, type Responses, type Result, type VaultEvent } from './contract.ts';
import { globalGraph, localGraph } from './domain/links/graph-view.ts';
import { Vault } from './domain/vault/vault.ts';
import { watchVault, type VaultWatcher } from './domain/vault/watch-vault.ts';
import { noteDetails } from './domain/vault/note-details.ts';
import { renderNotePart, type RenderSource } from './domain/render/render-note.ts';
import { resolveInVault } from './domain/vault/scan-vault.ts';
import { ReviewStore } from './domain/reviews/review-store.ts';
import { CardsService } from './services/cards-service.ts';
import { errorValue } from './error-values.ts';
import { CalcService } from './services/calc-service.ts';

export interface AppApiOptions {
  /** Whether this transport may open another vault (Electron: yes, via its folder dialog). */
  canOpenVault: boolean;
  /** Asks the user for a folder (Electron dialog); null when cancelled. */
  pickFolder?: () => Promise<string | null>;
  recentVaults?: () => string[];
  onVaultOpened?: (root: string) => void;
  watch?: boolean;
  /** App-data folder: price imports, and review logs when a vault is read-only
   *  (default: $CAIRN_DATA_DIR or ~/.config/cairn). */
  dataDir?: string;
  /** This device's name in review logs, one log file per device (default: $CAIRN_DEVICE or the host name). */
  device?: string;
}

type Handlers = { [K in OpName]: (req: Req<K>) => Promise<Responses[K]> | Responses[K] };

export class AppApi {
  private vault: Vault | null = null;
  private services: { cards: CardsService; calc: CalcService } | null = null;
  private watcher: VaultWatcher | null = null;
  private listeners = new Set<(e: VaultEvent) => void>();

  constructor(private readonly options: AppApiOptions) {}

  /** Calls that arrive while a vault is being indexed wait for it instead of failing. */
  private opening: Promise<unknown> | null = null;

  async open(dir: string): Promise<Vault> {
    const opening = Vault.open(dir, (done, total) => this.emit({ kind: 'progress', done, total }));
    this.opening = opening;
    let vault: Vault;
    try {
      vault = await opening;
    } finally {
      if (this.opening === opening) this.opening = null;
    }
    await this.watcher?.close();
    this.vault = vault;
    const dataDir = this.options.dataDir ?? defaultDataDir();
    const device = this.options.device ?? (process.env.CAIRN_DEVICE || os.hostname());
    const store = ReviewStore.open({ vaultRoot: vault.root, device, fallbackDir: dataDir });
    this.services = { cards: new CardsService(vault, store), calc: new CalcService(vault, dataDir) };
    this.watcher = this.options.watch === false ? null : watchVault(vault, (change) => this.emit(change));
    this.options.onVaultOpened?.(vault.root);
    this.emit({ kind: 'reload' });
    return vault;
  }

  /** Resolves once the file watcher is live (tests wait for it before writing files). */
  async ready(): Promise<void> {
    await this.watcher?.ready;
  }

  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
  }

  onEvent(listener: (e: VaultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: VaultEvent): void {
    for (const l of this.listeners) l(e);
  }

  /** Absolute path of a vault file by id (for serving images), or null if unknown or outside. */
  filePath(id: string): string | null {
    const vault = this.vault;
    if (!vault || !resolveInVault(vault.root, id)) return null;
    return vault.absPath(id);
  }

  private current(): Vault {
    if (!this.vault) throw new ApiError('NO_VAULT', 'no vault is open');
    return this.vault;
  }

  /** Parses an untrusted payload, runs the operation and wraps any failure as an error value. */
  async dispatch(op: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isOpName(op)) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `unknown operation: ${String(op).slice(0, 60)}` } };
    const req = parseRequest(op, payload);
    if (!req.ok) return req;
    if (this.opening && op !== 'openVault') await this.opening.catch(() => undefined);
    try {
      const handler = this.handlers[op] as (r: unknown) => unknown;
      return { ok: true, value: await handler(req.value) };
    } catch (err) {
      return { ok: false, error: errorValue(err) };
    }
  }

  private feature() {
    this.current();
    return this.services!;
  }

  private note(id: string) {
    const vault = this.current();
    if (!resolveInVault(vault.root, id)) throw new ApiError('OUTSIDE_VAULT', `not a note of this vault: ${id}`);
    const note = vault.getNote(id);
    if (!note) throw new ApiError('NOTE_NOT_FOUND', `no note ${id}`);
    return note;
  }

  private renderSource(): RenderSource {
    const vault = this.current();
    return { body: (x) => vault.getNote(x)?.body ?? null, resolve: (p, from) => vault.resolve(p, from) };
  }

  private info(): Responses['vaultInfo'] {
    const vault = this.current();
    return {
      root: vault.root,
      name: path.basename(vault.root),
      notes: vault.allNotes().length,
      diagnostics: vault.diagnostics(),
      canOpenVault: this.options.canOpenVault,
      recent: this.options.recentVaults?.() ?? [],
    };
  }

  private readonly handlers: Handlers = {
    vaultInfo: () => this.info(),
    noteList: () =>
      this.current()
        .allNotes()
        .map((n) => ({ id: n.id, title: n.title }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    tagList: () =>
      [...this.current().tagTree().values()].map((t) => ({ tag: t.tag, count: t.ids.size })).sort((a, b) => a.tag.localeCompare(b.tag)),
    getNote: ({ id }) => {
      const note = this.note(id);
      const vault = this.current();
      const { html, more } = renderNotePart(note.id, this.renderSource(), 'first');
      return { ...noteDetails(vault, note.id)!, html, more, frontmatter: note.frontmatter };
    },
    noteRest: ({ id }) => ({ html: renderNotePart(this.note(id).id, this.renderSource(), 'rest').html }),
    search: ({ query, limit }) => this.current().search.search(query, limit ?? 50),
    quickSwitch: ({ query, limit }) => this.current().search.quickSwitch(query, limit ?? 20),
    localGraph: ({ id, depth }) => {
      const vault = this.current();
      return localGraph(vault.links(), this.note(id).id, depth ?? 2, (n) => vault.getNote(n)?.title);
    },
    globalGraph: () => {
      const vault = this.current();
      return globalGraph(vault.links(), vault.allNotes());
    },
    openVault: async ({ path: dir }) => {
      if (!this.options.canOpenVault) throw new ApiError('NOT_SUPPORTED', 'this window cannot open another vault; start `cairn serve --vault DIR`');
      const chosen = dir ?? (await this.options.pickFolder?.()) ?? null;
      if (!chosen) throw new ApiError('CANCELLED', 'no folder chosen');
      await this.open(chosen);
      return this.info();
    },
    cardDecks: () => this.feature().cards.decks(),
    cardSession: ({ deck, newLimit }) => this.feature().cards.session(deck ?? null, newLimit ?? 20),
    reviewCard: ({ cardId, rating }) => this.feature().cards.review(cardId, rating),
    undoReview: ({ cardId }) => this.feature().cards.undo(cardId),
    cardStats: () => this.feature().cards.stats(),
    noteCards: ({ id }) => this.feature().cards.noteCards(this.note(id).id),
    noteCalculators: ({ id, inputs }) => this.feature().calc.forNote(this.note(id).id, inputs),
    costBlock: async ({ id, calculatorId, scenarioId, inputs }) => ({ text: await this.feature().calc.costBlock(this.note(id).id, calculatorId, scenarioId, inputs) }),
  };
}

