// The operations of the contract, implemented once over the domain. Transports (ipc.ts, host/)
// only parse payloads, call `dispatch` and carry the Result.
import { localeOrder } from './domain/text/locale-order.ts';
import { existsSync } from 'node:fs';
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
import { collectGarbage } from './collect-garbage.ts';
import { globalGraph, localGraph } from './domain/links/graph-view.ts';
import { Vault } from './domain/vault/vault.ts';
import { titleOf } from './domain/notes/parse-note.ts';
import type { ParsedNote } from './domain/notes/note-types.ts';
import { watchNotice, watchVault, type VaultWatcher } from './domain/vault/watch-vault.ts';
import { noteMentions, noteView, noteViewAhead } from './domain/vault/note-details.ts';
import { MAX_EMBED_DEPTH, renderNotePart, type RenderSource } from './domain/render/render-note.ts';
import { resolveInVault } from './domain/vault/scan-vault.ts';
import type { VaultFileRef } from './domain/vault/open-vault-file.ts';
import { ReviewStore } from './domain/reviews/review-store.ts';
import { CardsService } from './services/cards-service.ts';
import { errorValue } from './error-values.ts';
import { CalcService } from './services/calc-service.ts';
import { ExamService } from './services/exam-service.ts';
import { VaultSettingsStore } from './domain/settings/vault-settings.ts';
import type { ApiPort, DispatchOptions } from './api-port.ts';

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
  /** For end-to-end tests (default: $CAIRN_STAGE_GATES): a folder in which the vault being opened
   *  waits for a file named `read` before it reads its notes, and for one named `full` before it
   *  reports its full text (VaultOpenOptions.stageGate). Unset, or a folder that does not exist,
   *  nothing waits. */
  stageGates?: string;
}

/** Resolves once `file` exists (looked for every 50 ms). */
async function untilExists(file: string): Promise<void> {
  while (!existsSync(file)) await new Promise((r) => setTimeout(r, 50));
}

/** Operations that answer as soon as the folder is walked, before any note is read (Vault stage
 *  `names`): the quick switcher once it holds every name, the tags once they are known (from the
 *  index cache, else once the notes are read). */
const NAME_OPS = new Set<string>(['vaultInfo', 'noteList', 'tagList', 'quickSwitch']);
/** Operations that answer from the note's own file until every note is read (a first open of a
 *  10k-note vault reads them for about 6 s): a note clicked in the list opens at once, its
 *  backlinks following (NoteView.linksPending). */
const AHEAD_OPS = new Set<string>(['getNote', 'noteRest']);
/** Operations that read the full-text index: they wait for it. Every other operation answers
 *  once every note is read and linked (names, frontmatter, tags, links), while the full text is
 *  still being indexed: a note opens then, its unlinked mentions follow (at 10k notes, a cold open
 *  reads the notes in about half of its time). */
const TEXT_OPS = new Set<string>(['search', 'searchCount', 'noteMentions']);

type Handlers = { [K in OpName]: (req: Req<K>) => Promise<Responses[K]> | Responses[K] };

export class AppApi implements ApiPort {
  private vault: Vault | null = null;
  private services: { cards: CardsService; calc: CalcService; exam: ExamService } | null = null;
  /** The open vault's file watcher, once its full text is in (take); null: none or not yet. */
  private watcher: VaultWatcher | null = null;
  /** Resolves once the watcher is started (or will not be). */
  private watchStarted: Promise<void> = Promise.resolve();
  /** The vault whose watcher is to start with its full text: another open or close clears it. */
  private watchFor: Vault | null = null;
  private listeners = new Set<(e: VaultEvent) => void>();
  /** The open vault's watcher's first failure, as shown (watchNotice); null while it has none. */
  private watchProblem: string | null = null;
  /** Set by `close` (the worker is about to stop), cleared by the next `open`. */
  private closed = false;

  constructor(private readonly options: AppApiOptions) {}

  /** Calls that arrive while a vault is being opened wait for its notes by name (`opening`), for
   *  every note read (`listing`) or, for search and unlinked mentions, for its full-text index
   *  (`indexing`), instead of failing. */
  private opening: Promise<unknown> | null = null;
  private listing: Promise<unknown> | null = null;
  private indexing: Promise<unknown> | null = null;
  private saver: IndexSaver | null = null;
  private settledOpen: Promise<void> = Promise.resolve();

  /** Opens a vault in three steps; resolves once its note list answers (the notes by name), while
   *  the notes are read (see `listing`) and the full text indexed (see `indexed`). */
  async open(dir: string): Promise<Vault> {
    this.closed = false;
    const dataDir = this.options.dataDir ?? defaultDataDir();
    const cacheDir = this.options.indexCache === false ? undefined : path.join(dataDir, 'index-cache');
    let named!: (v: Vault) => void;
    const names = new Promise<Vault>((resolve) => (named = resolve));
    // A gates folder that does not exist (a stray variable) holds nothing up.
    const given = this.options.stageGates ?? process.env.CAIRN_STAGE_GATES;
    const gates = given && existsSync(given) ? given : undefined;
    const full = Vault.open(dir, {
      cacheDir,
      stageGate: gates ? (next) => untilExists(path.join(gates, next)) : undefined,
      parseWorker: this.options.parseWorker,
      onProgress: (done, total, stage) => this.emit({ kind: 'progress', done, total, stage }),
      onNames: (v) => named(v),
      // The app answers searches for as long as it runs: its first ones run at full speed.
      warmUp: true,
    });
    this.indexing = full;
    full.catch(() => undefined);
    const opening = Promise.race([names, full]).then((vault) => this.show(vault, dataDir, cacheDir, full));
    this.opening = opening;
    try {
      return await opening;
    } finally {
      if (this.opening === opening) this.opening = null;
    }
  }

  /** The first step: the vault answers by name; the services and the watcher follow once every
   *  note is read (`take`). */
  private async show(vault: Vault, dataDir: string, cacheDir: string | undefined, full: Promise<Vault>): Promise<Vault> {
    this.watchFor = null;
    await this.watcher?.close();
    this.watcher = null;
    await this.saver?.flush();
    this.saver = null;
    if (this.vault !== vault) this.vault?.closeFiles();
    this.vault = vault;
    this.services = null;
    this.watchProblem = null;
    const listing = vault.listed.then(() => this.take(vault, dataDir, cacheDir, full));
    listing.catch(() => undefined);
    this.listing = listing;
    void listing.finally(() => {
      if (this.listing === listing) this.listing = null;
    });
    this.emit({ kind: 'indexed', index: this.indexState(vault) });
    this.emit({ kind: 'reload' });
    return vault;
  }

  private async take(vault: Vault, dataDir: string, cacheDir: string | undefined, full: Promise<Vault>): Promise<Vault> {
    if (this.vault !== vault) return vault;
    const device = this.options.device ?? (process.env.CAIRN_DEVICE || os.hostname());
    const store = ReviewStore.open({ vaultRoot: vault.root, device, fallbackDir: dataDir });
    const cards = new CardsService(vault, store, new VaultSettingsStore(dataDir));
    this.services = { cards, calc: new CalcService(vault, dataDir), exam: new ExamService(vault, cards, store) };
    const saver = cacheDir ? new IndexSaver(vault) : null;
    this.saver = saver;
    // The watcher starts once the full text is in and warmed up, and then catches up with what
    // changed on disk since the folder was walked (watch-vault.ts). Started with the list, the
    // watcher of the time (chokidar, whose first walk stats every file: 1.6 s at 10k notes) held up
    // the search index's restore, and the first searches through `cairn serve` took 130-260 ms
    // each instead of 5-15; the catch-up that follows any watcher still walks the vault.
    // Never after close: an open still under way when the worker is asked to close must not start
    // the watcher's native work (a thread stopped while that work is in flight aborts the process).
    this.watchFor = this.options.watch === false || this.closed ? null : vault;
    this.watchStarted = full.then(
      () => {
        if (this.watchFor !== vault) return;
        this.watcher = watchVault(
          vault,
          (change) => {
            saver?.changed();
            this.emit(change);
          },
          // The first failure is shown, once: the views and `cairn serve` say that edits on disk
          // will not show, or show late where the vault is walked for them instead.
          (err) => {
            if (this.vault !== vault || this.watchProblem) return;
            this.watchProblem = watchNotice(err, this.watcher?.pollingEvery ?? null);
            this.emit({ kind: 'indexed', index: this.indexState(vault) });
          },
        );
      },
      () => undefined,
    );
    this.options.onVaultOpened?.(vault.root);
    this.emit({ kind: 'indexed', index: this.indexState(vault) });
    this.emit({ kind: 'reload' });
    void full.then(
      () => {
        if (this.indexing === full) this.indexing = null;
        if (this.vault !== vault) return;
        this.emit({ kind: 'indexed', index: this.indexState(vault) });
        saver?.opened();
      },
      () => undefined,
    );
    const settled = Promise.all([full, this.watchStarted.then(() => this.watcher?.ready)])
      .then(() => saver?.settled())
      .then(() => {
        // The open is over: the heap gives back what it used for it (collect-garbage.ts says
        // why). At 10k notes through `cairn serve`, a warm start's RSS went from 530 to about
        // 390 MB at once; V8 by itself got it to 330 MB, 45 s later.
        if (this.vault === vault) return collectGarbage();
      });
    settled.catch(() => undefined);
    this.settledOpen = settled;
    return vault;
  }

  /** Resolves once the open vault has settled: full text, the watcher's first walk, the index
   *  cache written if it was due, and the collection after them (`cairn serve` then says so). */
  async settled(): Promise<void> {
    await this.listing?.catch(() => undefined);
    await this.settledOpen.catch(() => undefined);
  }

  /** Resolves once the open vault's full text is indexed. */
  async indexed(): Promise<void> {
    await this.indexing?.catch(() => undefined);
  }

  /** Resolves once the file watcher is live and has caught up (tests wait for it before writing files). */
  async ready(): Promise<void> {
    // The watcher is set up once every note is read (take), and starts with the full text.
    await this.listing?.catch(() => undefined);
    await this.watchStarted;
    await this.watcher?.ready;
  }

  /** Stops watching and writes the index cache if it has changes not yet saved. */
  async close(): Promise<void> {
    this.closed = true;
    await this.listing?.catch(() => undefined);
    this.watchFor = null;
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
  async dispatch(op: unknown, payload: unknown, options: DispatchOptions = {}): Promise<Result<unknown>> {
    if (!isOpName(op)) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `unknown operation: ${String(op).slice(0, 60)}` } };
    const req = parseRequest(op, payload);
    if (!req.ok) return req;
    if (op !== 'openVault' && !(await this.canAnswer(op, options.waitMs))) {
      return { ok: false, error: { code: 'NOT_READY', message: `${op} waits for the vault's index, which is still being built` } };
    }
    try {
      const handler = this.handlers[op] as (r: unknown) => unknown;
      return { ok: true, value: await handler(req.value) };
    } catch (err) {
      return { ok: false, error: errorValue(err) };
    }
  }

  /** Whether the open vault can answer `op` within `waitMs` (left out: waits as long as it takes). */
  private async canAnswer(op: OpName, waitMs: number | undefined): Promise<boolean> {
    const stage = (async () => {
      if (this.opening) await this.opening.catch(() => undefined);
      await this.stageFor(op);
      return true;
    })();
    if (waitMs === undefined) return stage;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
    try {
      return await Promise.race([stage, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits until the open vault can answer `op` (see NAME_OPS and TEXT_OPS). */
  private async stageFor(op: OpName): Promise<void> {
    const vault = this.vault;
    if (op === 'quickSwitch') await vault?.switcherFilled;
    if (op === 'tagList' && vault && !vault.tagsKnown()) await this.listing?.catch(() => undefined);
    if (NAME_OPS.has(op) || (AHEAD_OPS.has(op) && vault?.stage === 'names')) return;
    await this.listing?.catch(() => undefined);
    // The full text, not the open's end: a search asked during the warm-up that follows is
    // answered between two of its queries.
    if (TEXT_OPS.has(op)) await (vault ? vault.searchable : this.indexing)?.catch(() => undefined);
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

  /** While the notes are being read: note `id` read from its own file, with what it embeds, and
   *  the render source over them (Vault.readAhead). Null once every note is read. */
  private async readAhead(id: string): Promise<{ note: ParsedNote; source: RenderSource } | null> {
    const vault = this.current();
    if (vault.stage !== 'names') return null;
    if (!resolveInVault(vault.root, id)) throw new ApiError('OUTSIDE_VAULT', `not a note of this vault: ${id}`);
    const ahead = await vault.readAhead(id, MAX_EMBED_DEPTH);
    if (!ahead) throw new ApiError('NOTE_NOT_FOUND', `no note ${id}`);
    const body = (x: string) => (x === id ? ahead.note : ahead.embedded.get(x))?.body ?? null;
    return { note: ahead.note, source: { body, resolve: (p, from) => vault.resolve(p, from) } };
  }

  private renderSource(): RenderSource {
    const vault = this.current();
    return { body: (x) => vault.getNote(x)?.body ?? null, resolve: (p, from) => vault.resolve(p, from) };
  }

  private indexState(vault: Vault): IndexState {
    const { fromCache, read, notice } = vault.origin;
    const stage = vault.stage === 'names' ? 'names' : vault.fullText ? 'full' : 'list';
    return { stage, fromCache, read, notice, watch: vault === this.vault ? this.watchProblem : null };
  }

  private info(): Responses['vaultInfo'] {
    const vault = this.current();
    return {
      root: vault.root,
      name: path.basename(vault.root),
      notes: vault.noteCount(),
      diagnostics: vault.diagnostics(),
      canOpenVault: this.options.canOpenVault,
      recent: this.options.recentVaults?.() ?? [],
      index: this.indexState(vault),
    };
  }

  private readonly handlers: Handlers = {
    vaultInfo: () => this.info(),
    noteList: () =>
      this.current()
        .noteIds()
        .map((id) => ({ id, title: titleOf(id) }))
        .sort((a, b) => localeOrder(a.id, b.id)),
    tagList: () => [...this.current().tagTree().values()].map((t) => ({ tag: t.tag, count: t.ids.size })).sort((a, b) => localeOrder(a.tag, b.tag)),
    getNote: async ({ id }) => {
      const ahead = await this.readAhead(id);
      if (ahead) {
        const { html, more } = renderNotePart(id, ahead.source, 'first');
        return { ...noteViewAhead(this.current(), ahead.note), html, more, frontmatter: ahead.note.frontmatter, linksPending: true as const };
      }
      const note = this.note(id);
      const vault = this.current();
      const { html, more } = renderNotePart(note.id, this.renderSource(), 'first');
      return { ...noteView(vault, note.id)!, html, more, frontmatter: note.frontmatter };
    },
    noteMentions: ({ id }) => noteMentions(this.current(), this.note(id).id)!,
    noteRest: async ({ id }) => {
      const ahead = await this.readAhead(id);
      return { html: renderNotePart(ahead ? id : this.note(id).id, ahead ? ahead.source : this.renderSource(), 'rest').html };
    },
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
