// The operations of the contract, implemented once over the domain. Transports (ipc.ts, host/)
// only parse payloads, call `dispatch` and carry the Result.
import os from 'node:os';
import path from 'node:path';
import { defaultDataDir } from './domain/prices/load-catalog.ts';
import {
  ApiError,
  isOpName,
  parseRequest,
  SEARCH_PAGE,
  type IndexState,
  type OpName,
  type Req,
  type Responses,
  type Result,
  type VaultEvent,
} from './contract.ts';
import { IndexSaver } from './index-saver.ts';
import { globalGraph, localGraph } from './domain/links/graph-view.ts';
import { Vault } from './domain/vault/vault.ts';
import { watchVault, type VaultWatcher } from './domain/vault/watch-vault.ts';
import { noteDetails } from './domain/vault/note-details.ts';
import { renderNotePart, type RenderSource } from './domain/render/render-note.ts';
import { resolveInVault } from './domain/vault/scan-vault.ts';
import type { VaultFileRef } from './domain/vault/open-vault-file.ts';
import { ReviewStore } from './domain/reviews/review-store.ts';
import { CardsService } from './services/cards-service.ts';
import { errorValue } from './error-values.ts';
import { CalcService } from './services/calc-service.ts';
import { ExamService } from './services/exam-service.ts';
import { VaultSettingsStore } from './domain/settings/vault-settings.ts';
import type { ApiPort } from './api-port.ts';

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
  /** Whether the vault's index is kept in `<dataDir>/index-cache` between launches (default true). */
  indexCache?: boolean;
  /** The built parse thread (out/parse-worker.cjs) for cold indexes on a thread per core. */
  parseWorker?: string;
}

/** Operations that answer from the note list (names, frontmatter, tags, links) while the full
 *  text is still being indexed; every other operation waits for the full index. */
const LIST_OPS = new Set<string>(['vaultInfo', 'noteList', 'tagList', 'quickSwitch', 'localGraph', 'cardDecks', 'cardStats', 'cardSession']);

type Handlers = { [K in OpName]: (req: Req<K>) => Promise<Responses[K]> | Responses[K] };

export class AppApi implements ApiPort {
  private vault: Vault | null = null;
  private services: { cards: CardsService; calc: CalcService; exam: ExamService } | null = null;
  private watcher: VaultWatcher | null = null;
  private listeners = new Set<(e: VaultEvent) => void>();

  constructor(private readonly options: AppApiOptions) {}

  /** Calls that arrive while a vault is being opened wait for its note list (`opening`) or, for
   *  search and the note view, for its full-text index (`indexing`), instead of failing. */
  private opening: Promise<unknown> | null = null;
  private indexing: Promise<unknown> | null = null;
  private saver: IndexSaver | null = null;

  /** Opens a vault in two steps; resolves once its note list is usable (names, frontmatter,
   *  tags, links), while the full text goes on being indexed (see `indexed`). */
  async open(dir: string): Promise<Vault> {
    const dataDir = this.options.dataDir ?? defaultDataDir();
    const cacheDir = this.options.indexCache === false ? undefined : path.join(dataDir, 'index-cache');
    let listed!: (v: Vault) => void;
    const list = new Promise<Vault>((resolve) => (listed = resolve));
    const full = Vault.open(dir, {
      cacheDir,
      parseWorker: this.options.parseWorker,
      onProgress: (done, total, stage) => this.emit({ kind: 'progress', done, total, stage }),
      onList: (v) => listed(v),
    });
    this.indexing = full;
    full.catch(() => undefined);
    // Calls wait for the services too, not only for the list.
    const opening = Promise.race([list, full]).then((vault) => this.take(vault, dataDir, cacheDir, full));
    this.opening = opening;
    try {
      return await opening;
    } finally {
      if (this.opening === opening) this.opening = null;
    }
  }

  private async take(vault: Vault, dataDir: string, cacheDir: string | undefined, full: Promise<Vault>): Promise<Vault> {
    await this.watcher?.close();
    await this.saver?.flush();
    this.vault = vault;
    const device = this.options.device ?? (process.env.CAIRN_DEVICE || os.hostname());
    const store = ReviewStore.open({ vaultRoot: vault.root, device, fallbackDir: dataDir });
    const cards = new CardsService(vault, store, new VaultSettingsStore(dataDir));
    this.services = { cards, calc: new CalcService(vault, dataDir), exam: new ExamService(vault, cards, store) };
    const saver = cacheDir ? new IndexSaver(vault) : null;
    this.saver = saver;
    // The watcher starts with the list: the vault takes changes while its full text is indexed.
    this.watcher =
      this.options.watch === false
        ? null
        : watchVault(vault, (change) => {
            saver?.changed();
            this.emit(change);
          });
    this.options.onVaultOpened?.(vault.root);
    this.emit({ kind: 'indexed', index: indexState(vault) });
    this.emit({ kind: 'reload' });
    void full.then(
      () => {
        if (this.indexing === full) this.indexing = null;
        if (this.vault !== vault) return;
        this.emit({ kind: 'indexed', index: indexState(vault) });
        saver?.opened();
      },
      () => undefined,
    );
    return vault;
  }

  /** Resolves once the open vault's full text is indexed. */
  async indexed(): Promise<void> {
    await this.indexing?.catch(() => undefined);
  }

  /** Resolves once the file watcher is live (tests wait for it before writing files). */
  async ready(): Promise<void> {
    await this.watcher?.ready;
  }

  /** Stops watching and writes the index cache if it has changes not yet saved. */
  async close(): Promise<void> {
    await this.watcher?.close();
    this.watcher = null;
    await this.indexed();
    await this.saver?.flush();
  }

  onEvent(listener: (e: VaultEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: VaultEvent): void {
    for (const l of this.listeners) l(e);
  }

  /**
   * Where a vault file is, by id (for serving images), or null if unknown or outside; the
   * transports re-check it when they open it (readVaultFile), as the list may be stale.
   */
  filePath(id: string): VaultFileRef | null {
    const vault = this.vault;
    if (!vault || !resolveInVault(vault.root, id)) return null;
    const abs = vault.absPath(id);
    return abs ? { root: vault.root, abs } : null;
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
    if (this.indexing && op !== 'openVault' && !LIST_OPS.has(op)) await this.indexing.catch(() => undefined);
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
      index: indexState(vault),
    };
  }

  private readonly handlers: Handlers = {
    vaultInfo: () => this.info(),
    noteList: () =>
      this.current()
        .allNotes()
        .map((n) => ({ id: n.id, title: n.title }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    tagList: () => [...this.current().tagTree().values()].map((t) => ({ tag: t.tag, count: t.ids.size })).sort((a, b) => a.tag.localeCompare(b.tag)),
    getNote: ({ id }) => {
      const note = this.note(id);
      const vault = this.current();
      const { html, more } = renderNotePart(note.id, this.renderSource(), 'first');
      return { ...noteDetails(vault, note.id)!, html, more, frontmatter: note.frontmatter };
    },
    noteRest: ({ id }) => ({ html: renderNotePart(this.note(id).id, this.renderSource(), 'rest').html }),
    search: ({ query, limit }) => this.current().search.searchWithTotal(query, limit ?? SEARCH_PAGE),
    searchCount: ({ query }) => this.current().search.countHits(query),
    quickSwitch: ({ query, limit }) => this.current().switcher.search(query, limit ?? 20),
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
    cardSession: ({ deck, newLimit }) => this.feature().cards.session(deck ?? null, newLimit),
    reviewCard: ({ cardId, rating }) => this.feature().cards.review(cardId, rating),
    undoReview: ({ cardId }) => this.feature().cards.undo(cardId),
    cardStats: () => this.feature().cards.stats(),
    vaultSettings: () => this.feature().cards.settings(),
    exportAnkiPackage: ({ deck }) => this.feature().cards.ankiPackage(deck),
    updateVaultSettings: (patch) => this.feature().cards.updateSettings(patch),
    noteCards: ({ id }) => this.feature().cards.noteCards(this.note(id).id),
    noteCalculators: ({ id, inputs }) => this.feature().calc.forNote(this.note(id).id, inputs),
    costBlock: async ({ id, calculatorId, scenarioId, inputs }) => ({
      text: await this.feature().calc.costBlock(this.note(id).id, calculatorId, scenarioId, inputs),
    }),
    examOverview: () => this.feature().exam.overview(),
    examPlan: ({ deck, date, target }) => this.feature().exam.plan(deck, date, target),
    setExam: ({ deck, date, target }) => this.feature().exam.setExam(deck, date, target),
    removeExam: async ({ deck }) => {
      await this.feature().exam.removeExam(deck);
      return {};
    },
    practiceTest: ({ deck, count }) => this.feature().exam.practiceTest(deck ?? '', count),
    practiceAnswer: ({ test, cardId, picked }) => this.feature().exam.practiceAnswer(test, cardId, picked),
    practiceScore: ({ test }) => this.feature().exam.score(test),
    practiceAgain: ({ cardIds }) => this.feature().exam.sendToAgain(cardIds),
    cardBrowser: () => this.feature().exam.browse(),
    suspendCard: ({ cardId, suspended }) => this.feature().exam.setSuspended(cardId, suspended),
    checkTyped: ({ cardId, typed }) => this.feature().exam.checkTyped(cardId, typed),
  };
}

function indexState(vault: Vault): IndexState {
  const { fromCache, read, notice } = vault.origin;
  return { stage: vault.fullText ? 'full' : 'list', fromCache, read, notice };
}
