import { lstatSync, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic, ParsedNote } from '../notes/note-types.ts';
import { parseNote, titleOf } from '../notes/parse-note.ts';
import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';
import { FileIndex, resolveLink } from '../links/resolve-link.ts';
import { LinkGraph, type ResolvedLink } from '../links/link-graph.ts';
import { QuickSwitchIndex, type QuickSwitchSnapshot } from '../search/quick-switch.ts';
import { SearchIndex } from '../search/search-index.ts';
import type { EncodedNote } from '../search/note-document.ts';
import { fold } from '../text/fold.ts';
import { CachedNotes, cacheNotice, cachedFileOf, readIndexCache, writeIndexCache } from './index-cache.ts';
import { type BodyFile, storeBody } from './note-bodies.ts';
import { readNoteFile, readNoteFileSync } from './read-note-file.ts';
import { type BuiltIndex, parseOnPool } from './parse-pool.ts';
import { isNoteId, resolveInVault, scanVault, type VaultFile } from './scan-vault.ts';

import { VaultError } from './vault-error.ts';

export { VaultError };

export type VaultChange = { kind: 'add' | 'change' | 'delete'; id: string };

/** How far an opening vault has got: `read` notes read and parsed (the list), `text` notes in the
 *  full-text index. */
export type OpenStage = 'read' | 'text';

/** What an open vault can answer: `names` its notes by file name (from the folder walk alone; with
 *  their tags when the cache had them), `read` every note parsed and linked, `full` the full text too. */
export type VaultStage = 'names' | 'read' | 'full';

export interface VaultOpenOptions {
  /** Hears (done, total, stage) while the vault is indexed. */
  onProgress?: (done: number, total: number, stage: OpenStage) => void;
  /** Called once the folder is walked, before any note is read: the note list answers (a note's
   *  title is its file name), and the quick switcher by name once `switcherFilled` resolves. */
  onNames?: (vault: Vault) => void;
  /** Called once every note is read and parsed and the link graph is built, before the full-text
   *  index: note list, tags, links and the quick switcher can answer from then on. */
  onList?: (vault: Vault) => void;
  /** Folder of index caches (e.g. `<dataDir>/index-cache`): open reuses the notes unchanged
   *  since `saveCache` (index-cache.ts). Without it nothing is cached. */
  cacheDir?: string;
  /** The built parse thread (out/parse-worker.cjs): with it, a cold index of at least
   *  POOL_MIN notes is read and parsed on a thread per core (parse-pool.ts). */
  parseWorker?: string | URL;
  /** Run the search warm-up (SearchIndex.warmingUp) once the full text is in, before open
   *  resolves: for a process that will answer searches (the app), not a one-shot CLI command. */
  warmUp?: boolean;
  /** Waits before the vault goes on to `read` its notes, and before it reports its full text
   *  (`full`): for end-to-end tests that look at a view in an earlier stage, which a fast machine
   *  would otherwise pass before the test looks (AppApi's CAIRN_STAGE_GATES). */
  stageGate?: (next: 'read' | 'full') => Promise<void>;
}

/** Below this many notes to read, starting threads costs more than it saves. */
const POOL_MIN = 400;

/** Where an open vault's index came from (the UI shows it, and a notice when the cache was bad). */
export interface IndexOrigin {
  /** Notes taken from the index cache unchanged. */
  fromCache: number;
  /** Notes read and parsed from their files. */
  read: number;
  /** Cached notes whose file is gone. */
  dropped: number;
  /** One line to show when the cache could not be used, else null. */
  notice: string | null;
}

/** Work done in one go before the event loop gets a turn (other calls wait at most this long). */
const SLICE_MS = 30;
/** The search warm-up's bounds (warmUpSearch): measured at 10k notes, four to six rounds of its
 *  queries brought the first searches to their later speed. It asks for a page of the search
 *  panel's size (contract.ts, SEARCH_PAGE). */
const WARM_UP_MS = 500;
const WARM_UP_ROUNDS = 10;
const WARM_UP_LIMIT = 30;
/** How long the changes on disk wait for a pause before the full-text index takes them in: a
 *  burst of saves is one re-index, and the note view and backlinks asked after each save are not
 *  held up by it (taking a note in costs tens of milliseconds at 10k notes). Never longer than
 *  TEXT_MAX_WAIT_MS after the first change; a search asked sooner takes the changes in first. */
const TEXT_QUIET_MS = 300;
const TEXT_MAX_WAIT_MS = 2000;
/** After each note the timer's flush takes in, it rests this many times as long as the note took. */
const TEXT_REST = 2;
/** How long the vault must be quiet (no change on disk) before the notes gone from an imported
 *  full-text index are swept from it (SearchIndex.sweepOne), one at a time with TEXT_REST. */
const SWEEP_QUIET_MS = 3000;

/**
 * A vault in memory: every file, every parsed note, their links and the search index.
 * Plain Node: the Electron main process, the local host and the CLI all hold one of these.
 */
export class Vault {
  private readonly files = new Map<string, VaultFile>();
  private readonly notes = new Map<string, ParsedNote>();
  private readonly fileIndex = new FileIndex();
  private graph: LinkGraph | null = null;
  private readonly scanDiagnostics: Diagnostic[] = [];
  private text = new SearchIndex();
  /** Changed notes (null: deleted) not yet in the full-text index, in the order they changed. */
  private readonly textPending = new Map<string, ParsedNote | null>();
  private textTimer: ReturnType<typeof setTimeout> | null = null;
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change not yet in the full-text index came. */
  private textSince = 0;
  /** The quick switcher's index over names (quick-switch.ts): filled with the list, before the full
   *  text (and replaced by its imported copy after a cold open: saveCache). */
  get switcher(): QuickSwitchIndex {
    return this.quick;
  }
  private quick = new QuickSwitchIndex();
  readonly origin: IndexOrigin = { fromCache: 0, read: 0, dropped: 0, notice: null };
  /** Whether the full-text index holds every note (false between onList and the end of open). */
  fullText = false;
  stage: VaultStage = 'names';
  /** Until the notes are read: each note file's cached tags (null: not known before it is read). */
  private names: Map<string, string[] | null> | null = null;
  /** Notes in the switcher by their file name only, until their aliases and headings are read. */
  private readonly nameOnly = new Set<string>();
  private readonly filled = deferred();
  private readonly readDone = deferred();
  /** Resolves once the quick switcher holds every note, by name at least. */
  readonly switcherFilled = this.filled.promise;
  /** Resolves once every note is read and linked (stage `read`); rejects if the open failed. */
  readonly listed = this.readDone.promise;
  private readonly textDone = deferred();
  /** Resolves once the full text is indexed (stage `full`), before the search warm-up; rejects
   *  if the open failed. */
  readonly searchable = this.textDone.promise;

  private cacheDir: string | null = null;
  /** The data files the notes' bodies are read from (note-bodies.ts): the last two, the cache the
   *  vault opened from or each one saved since. */
  private readonly bodyFiles: BodyFile[] = [];

  private constructor(readonly root: string) {}

  /** Opens a vault: scan, then read and parse (or take from the cache) every note, build the link
   *  graph (`onList` fires), then fill the full-text index. Resolves when all of it is done.
   *  @param options its options, or only `onProgress`. */
  static async open(dir: string, options: VaultOpenOptions | VaultOpenOptions['onProgress'] = {}): Promise<Vault> {
    const { onProgress, cacheDir, onNames, onList, parseWorker, warmUp, stageGate } =
      typeof options === 'function' ? ({ onProgress: options } as VaultOpenOptions) : options;
    const root = path.resolve(dir);
    let st: Stats;
    try {
      st = await stat(root);
    } catch {
      throw new VaultError('VAULT_NOT_FOUND', `vault not found: ${root}`);
    }
    if (!st.isDirectory()) throw new VaultError('VAULT_NOT_FOUND', `not a folder: ${root}`);
    const vault = new Vault(await realpath(root));
    // The index cache is read while the folder is scanned (readIndexCache never rejects).
    const reading = cacheDir ? readIndexCache(cacheDir, vault.root) : null;
    let scan: Awaited<ReturnType<typeof scanVault>>;
    try {
      scan = await scanVault(root);
    } catch (err) {
      throw new VaultError('VAULT_UNREADABLE', `vault unreadable: ${(err as Error).message}`);
    }
    for (const p of scan.problems) vault.scanDiagnostics.push({ id: p.id, code: p.code, message: p.message });
    const noteFiles = scan.files.filter((f) => isNoteId(f.id));
    const total = noteFiles.length;
    vault.cacheDir = cacheDir ?? null;
    const cacheRead = await reading;
    vault.origin.notice = cacheRead?.notice ?? null;
    let cached = cacheRead?.data ? new CachedNotes(cacheRead.data) : null;
    for (const file of scan.files) {
      vault.files.set(file.id, file);
      vault.fileIndex.add(file.id);
    }
    // First step, from the folder walk (and the cache's light sections): the notes by name.
    vault.names = new Map(noteFiles.map((f) => [f.id, cached?.tagsOf(f) ?? null]));
    onProgress?.(0, total, 'read');
    onNames?.(vault);
    vault.listed.catch(() => undefined);
    vault.searchable.catch(() => undefined);
    // The quick switcher is filled by name first, a slice at a time, so the note list answers
    // meanwhile. Measured at 10k notes through `cairn serve`, filling it while the notes are read
    // held the list up: the cache's notes and search index are decoded in long steps, and the
    // parse pool's threads take both cores. Once the notes are read, the entries by name get the
    // aliases and headings.
    const filling = vault.fillSwitcherByName(cached, noteFiles);
    const switcherDone = Promise.all([filling, vault.listed]).then(() => vault.switcherFromNotes());
    switcherDone.catch(() => undefined);
    try {
      await filling;
      if (cached) {
        try {
          await cached.withNotes();
        } catch (err) {
          vault.origin.notice = cacheNotice(err);
          await cached.data.close();
          cached = null;
        }
      }
      await stageGate?.('read');
      await vault.readNotes(scan.files, total, cached, parseWorker, onProgress);
    } catch (err) {
      vault.filled.resolve();
      vault.readDone.reject(err);
      vault.textDone.reject(err);
      throw err;
    }
    onList?.(vault);
    vault.readDone.resolve();
    try {
      await vault.indexText(cached, total, Promise.all([switcherDone, stageGate?.('full')]), onProgress);
    } catch (err) {
      vault.textDone.reject(err);
      throw err;
    }
    vault.textDone.resolve();
    if (warmUp) await vault.warmUpSearch();
    // Notes gone since the cache was written (and any it had left): swept once the vault is quiet.
    if (vault.text.deadCount || vault.switcher.deadCount) vault.sweepWhenQuiet();
    return vault;
  }

  /** Second step: the full-text index, from the cache's snapshot where it can be trusted, then
   *  the notes read from their files; stage `full` at the end, once `before` (the switcher's
   *  entries by name completed, and the stage gate) is done too. */
  private async indexText(cached: CachedNotes | null, total: number, before: Promise<unknown>, onProgress: VaultOpenOptions['onProgress']): Promise<void> {
    // The list's callers (the note list, the quick switcher) get their answers before the full text.
    await new Promise((r) => setImmediate(r));
    const fresh = this.fresh;
    let restored = false;
    if (cached) {
      try {
        // Into an index of its own, taken once whole (nothing reads a half-restored one), with a
        // turn for the thread between FlexSearch's parts: in one go it held it for 0.4 s at 10k notes.
        const text = new SearchIndex();
        await inTurns(text.restoring(await cached.data.search(), cached.byId));
        this.text = text;
        restored = true;
      } catch (err) {
        this.origin.notice = `The index cache's search index could not be restored (${(err as Error).message.slice(0, 120)}); the full text was indexed again.`;
        this.text = new SearchIndex();
      } finally {
        await cached.data.close();
      }
    }
    let toIndex = restored ? [...fresh] : [...this.notes.values()];
    this.fresh = new Set();
    if (!restored && this.textBuilt) {
      // The threads' progress, as the notes put here would show it.
      const shown = setInterval(() => onProgress?.(Math.min(this.textBuiltCount, total - 1), total, 'text'), 250);
      try {
        toIndex = await this.fillFromThreads(toIndex);
      } finally {
        clearInterval(shown);
      }
    }
    // Cached notes whose file is gone (changed ones are put again below, replacing theirs).
    if (restored) for (const id of cached!.notReused()) if (!this.notes.has(id)) this.text.remove(id);
    let indexed = total - toIndex.length;
    onProgress?.(indexed, total, 'text');
    const pause = slicer();
    for (const note of toIndex) {
      // A note the watcher replaced or removed meanwhile waits in textPending (put at the end).
      const encoded = this.encodedFresh.get(note);
      this.encodedFresh.delete(note);
      if (this.notes.get(note.id) === note) this.text.put(note, encoded);
      if (++indexed % 250 === 0 || indexed === total) onProgress?.(indexed, total, 'text');
      await pause();
    }
    this.encodedFresh.clear();
    await before;
    this.fullText = true;
    this.stage = 'full';
    this.flushText();
  }

  /**
   * A cold open's full text from the index the parse threads built (a few fields each,
   * field-split.ts), instead of putting the notes one by one on this thread: at 10k notes that
   * took 8 s, and the threads, idle once the notes were read, build it in about 2.5. It holds
   * every note in the order they were read, numbered 1, 2, 3… A note changed or gone since it
   * was read waits in textPending with the watcher's other changes, and is put or removed when
   * the full text is flushed. Returns the notes still to put: none, or all of `notes` when the
   * threads' index cannot be used (then the index is left empty).
   */
  private async fillFromThreads(notes: ParsedNote[]): Promise<ParsedNote[]> {
    const built = this.textBuilt!;
    this.textBuilt = null;
    try {
      const { flex, terms } = await built.index;
      await inTurns(this.text.fillingFrom(flex, built.read, terms));
      return [];
    } catch (err) {
      this.text = new SearchIndex();
      process.emitWarning(`the parse threads' full-text index could not be used (${(err as Error).message.slice(0, 120)}); it is built on the index thread`);
      return notes;
    }
  }

  /** A few rounds of the search warm-up, within WARM_UP_MS, pausing between queries: the stage
   *  is already `full`, so a search asked meanwhile is answered between two of them. */
  private async warmUpSearch(): Promise<void> {
    const end = performance.now() + WARM_UP_MS;
    const pause = slicer();
    for (const _ of this.text.warmingUp(WARM_UP_LIMIT, WARM_UP_ROUNDS)) {
      if (performance.now() > end) return;
      await pause();
    }
  }

  /** The full-text index the parse threads built for a cold open (parse-pool.ts), until indexText
   *  takes it, and the notes it holds, in the order of their numbers there (as read). */
  private textBuilt: { index: Promise<BuiltIndex>; read: ParsedNote[] } | null = null;
  /** How many notes the threads have added to their parts so far. */
  private textBuiltCount = 0;

  /** Notes read from their files in this open (not from the cache): the full text indexes them. */
  private fresh = new Set<ParsedNote>();
  /** The search documents the parse pool encoded for `fresh` notes, until the full text takes them. */
  private encodedFresh = new Map<ParsedNote, EncodedNote>();

  /** Second step: every note from the cache (unchanged since) or read and parsed (on the parse
   *  pool when there are many), then the link graph and the switcher's full entries. */
  private async readNotes(
    files: VaultFile[],
    total: number,
    cached: CachedNotes | null,
    parseWorker: string | URL | undefined,
    onProgress: VaultOpenOptions['onProgress'],
  ): Promise<void> {
    // Files are read in parallel; the notes enter the maps and the index in scan order, so ties in
    // ranking (and the cache's equality with a cold index) never depend on which read finished first.
    const parsed: Array<ParsedNote | null> = new Array(files.length).fill(null);
    const toRead: number[] = [];
    files.forEach((file, i) => {
      if (!isNoteId(file.id)) return;
      const unchanged = cached?.unchanged(file);
      if (unchanged) parsed[i] = unchanged;
      else toRead.push(i);
    });
    if (cached?.bodies) this.bodyFiles.push(cached.bodies);
    let done = total - toRead.length;
    this.origin.fromCache = done;
    this.origin.read = toRead.length;
    if (done) onProgress?.(done, total, 'read');
    if (parseWorker && toRead.length >= POOL_MIN) {
      let reported = done;
      // Without a cache, every note is read here, in the order the full text takes them: the
      // threads then build its index in parts while this thread links the notes (indexText).
      const { notes, encoded, index } = await parseOnPool(
        parseWorker,
        toRead.map((i) => files[i]),
        (n) => {
          done += n;
          if (done - reported >= 250 || done === total) onProgress?.((reported = done), total, 'read');
        },
        undefined,
        !cached,
        (n) => (this.textBuiltCount += n),
      );
      this.textBuilt = index && { index, read: notes };
      toRead.forEach((i, k) => {
        parsed[i] = notes[k];
        if (encoded) this.encodedFresh.set(notes[k], encoded[k]);
      });
    } else {
      await mapLimit(toRead, 16, async (i) => {
        parsed[i] = await this.read(files[i]);
        // Every 250 notes and at the end: often enough for a progress bar, rarely enough to be free.
        if (++done % 250 === 0 || done === total) onProgress?.(done, total, 'read');
      });
    }
    for (const i of toRead) this.fresh.add(parsed[i]!);
    for (const note of parsed) if (note) this.notes.set(note.id, note);
    if (cached) this.origin.dropped = cached.notReused().filter((id) => !this.notes.has(id)).length;
    this.graph = cached ? await this.restoreGraph(cached, this.fresh) : await inTurns(LinkGraph.building(this.notes.values(), this.fileIndex));
    this.diagnosticsKept = null;
    this.names = null;
    this.stage = 'read';
  }

  /** The switcher's entries by name only get the aliases and headings read (a note gone since
   *  leaves it), a slice at a time: at 10k notes it is seconds of work. */
  private async switcherFromNotes(): Promise<void> {
    const pause = slicer();
    for (const id of this.nameOnly) {
      const note = this.notes.get(id);
      if (!note) this.switcher.remove(id);
      else if (note.aliases.length || note.subtitle || note.headings.some((h) => h.level === 1)) this.switcher.put(note);
      this.nameOnly.delete(id);
      await pause();
    }
  }

  /** The quick switcher before any note is read: the cache's index of the unchanged notes (one
   *  import), then the others by file name (their aliases follow in readNotes), put a slice at a
   *  time so the note list answers meanwhile. */
  private async fillSwitcherByName(cached: CachedNotes | null, noteFiles: VaultFile[]): Promise<void> {
    // The snapshot's notes first (ties keep the order of a cold index), then those it lacks. A
    // damaged snapshot leaves the switcher to the names and the notes, and the cache is written again.
    const snap = await cached?.data.switcher().catch((err) => void (this.origin.notice ??= cacheNotice(err)));
    const pause = slicer();
    if (snap) {
      await inTurns(this.switcher.restoring(snap, (id) => this.names!.has(id) && cached!.same(this.files.get(id)!)));
    }
    const byName = noteFiles.filter((f) => !this.switcher.has(f.id));
    for (const f of byName) {
      this.switcher.put({ id: f.id, title: titleOf(f.id), aliases: [], subtitle: null, headings: [] });
      this.nameOnly.add(f.id);
      await pause();
    }
    this.filled.resolve();
  }

  /** The full-text index, with every change on disk taken in. */
  get search(): SearchIndex {
    this.flushText();
    return this.text;
  }

  /** Notes that may hold `text` (SearchIndex.candidates), without waiting for the changes not yet
   *  in the full-text index: the changed notes are candidates too. For callers that check each
   *  candidate's text (unlinked mentions), so the note view never waits for a re-index. */
  textCandidates(text: string): string[] {
    if (!this.textPending.size) return this.text.candidates(text);
    return [...new Set([...this.text.candidates(text), ...this.textPending.keys()])];
  }

  /** A note changed (or, null, was deleted): into the full-text index soon, or at the next search. */
  private textChanged(id: string, note: ParsedNote | null): void {
    this.textPending.delete(id);
    this.textPending.set(id, note);
    if (!this.fullText) return;
    const now = performance.now();
    if (this.textTimer) clearTimeout(this.textTimer);
    else this.textSince = now;
    this.textTimer = setTimeout(() => void this.flushTextInTurns(), Math.min(TEXT_QUIET_MS, Math.max(0, this.textSince + TEXT_MAX_WAIT_MS - now)));
    // A pending put never keeps a process (a CLI run, a test) alive.
    this.textTimer.unref?.();
    this.sweepWhenQuiet();
  }

  /** (Re)starts the wait before the sweep: a change on disk puts it off, and stops one under way. */
  private sweepWhenQuiet(): void {
    if (this.sweepTimer) clearTimeout(this.sweepTimer);
    this.sweepTimer = setTimeout(() => void this.sweepInTurns(), SWEEP_QUIET_MS);
    this.sweepTimer.unref?.();
  }

  private async sweepInTurns(): Promise<void> {
    this.sweepTimer = null;
    // Stops when a change comes (its own wait starts the sweep again).
    await inRestedSteps(() => !this.sweepTimer && !this.textPending.size && (this.text.sweepOne() || this.switcher.sweepOne()));
  }

  /** Puts the pending changes into the full-text index (not before it is filled: open does it
   *  then), all at once: a search needs every one. */
  private flushText(): void {
    if (!this.fullText) return;
    if (this.textTimer) clearTimeout(this.textTimer);
    this.textTimer = null;
    while (this.putNextPending());
  }

  /** Whether flushTextInTurns is under way. */
  private flushing = false;

  /** The timer's flush: one change at a time, resting TEXT_REST times as long after each. The
   *  changes of two seconds of steady saves come together, and taking a note in cost about 40 ms
   *  at 10k notes while the remove from an imported index was not deferred (SearchIndex.sweepOne):
   *  in one go, 16 of them held the index worker for 0.5 s, and a backlink asked meanwhile waited
   *  for all of it. One per turn without a rest did not help: an edit's way to its backlink
   *  (watcher, read, note view) takes several turns, and each waited for a put. */
  private async flushTextInTurns(): Promise<void> {
    this.textTimer = null;
    // One loop at a time: a change that comes while one rests is taken by it. A second loop
    // (the timer of a change made meanwhile) put its changes in the same turns as the first.
    if (!this.fullText || this.flushing) return;
    this.flushing = true;
    try {
      await inRestedSteps(() => this.putNextPending());
    } finally {
      this.flushing = false;
    }
  }

  /** Puts the oldest pending change into the full-text index; false when none is left. A change
   *  that comes meanwhile is pending again. */
  private putNextPending(): boolean {
    const next = this.textPending.entries().next();
    if (next.done) return false;
    const [id, note] = next.value;
    this.textPending.delete(id);
    if (note) this.text.put(note);
    else this.text.remove(id);
    return true;
  }

  /** The cached link graph, brought up to date: changed notes re-resolve their links, and files
   *  added or removed since re-resolve the links that could name them. */
  private async restoreGraph(cached: CachedNotes, fresh: Set<ParsedNote>): Promise<LinkGraph> {
    let graph: LinkGraph;
    try {
      graph = await inTurns(LinkGraph.restoring(cached.graph, cached.byId, this.fileIndex));
    } catch {
      return inTurns(LinkGraph.building(this.notes.values(), this.fileIndex));
    }
    for (const id of cached.notReused()) if (!this.notes.has(id)) graph.removeNote(id);
    for (const note of fresh) graph.setNote(note);
    const before = new Set(cached.data.allFiles);
    const changedFiles = [...this.files.keys()].filter((id) => !before.delete(id));
    for (const id of [...changedFiles, ...before]) graph.fileAddedOrRemoved(id);
    return graph;
  }

  /** Whether the index differs from the cache it was opened from (or there was none usable). */
  cacheStale(): boolean {
    const { fromCache, read, dropped, notice } = this.origin;
    return read > 0 || dropped > 0 || notice !== null || fromCache !== this.notes.size;
  }

  /** Writes the index cache, so the next open (with the same `cacheDir`) re-reads only the
   *  files changed since. Needs the vault to have been opened with a `cacheDir`, and fully indexed.
   *  `swapSwitcher`: then swap a quick switcher built entry by entry for its imported copy (for a
   *  process that goes on: the app's IndexSaver; a CLI command exits after the save). */
  async saveCache({ swapSwitcher = false } = {}): Promise<void> {
    if (!this.cacheDir) throw new Error('the vault was opened without a cacheDir');
    if (!this.fullText) throw new Error('the vault is still being indexed');
    const notes = this.allNotes();
    const files = notes.map((n) => cachedFileOf(this.files.get(n.id)!));
    const quick = this.quick;
    const edits = quick.edits;
    const switcher = quick.snapshot();
    const bodies = await writeIndexCache(this.cacheDir, this.root, {
      files,
      notes,
      allFiles: [...this.files.keys()],
      graph: this.links().snapshot(),
      search: this.search.snapshot(),
      switcher,
    });
    // The bodies just written are read from there from now on, and not held: those of the notes
    // not changed meanwhile (an edit made during the save keeps its own, until the next save).
    notes.forEach((note, i) => {
      if (this.notes.get(note.id) === note) storeBody(note, bodies, i);
    });
    // The file before stays open: a note replaced during this save was read from it, and the
    // index reads it again when it takes it out (at the latest when the next save snapshots the
    // index). The one before that is let go now, or every save would keep a deleted data file
    // open (and its disk space taken) for as long as an old note is referenced somewhere; such a
    // note reads its body from its own file instead.
    this.bodyFiles.push(bodies);
    while (this.bodyFiles.length > 2) this.bodyFiles.shift()!.close();
    if (swapSwitcher && !quick.imported) await this.reimportSwitcher(quick, switcher, edits);
  }

  /** Closes the index cache's data files the notes' bodies are read from, for a vault no longer
   *  shown (AppApi opened another): otherwise they stay open, and a deleted one keeps its disk
   *  space, until the vault is collected. A body asked for after is read from its note's file. */
  closeFiles(): void {
    for (const file of this.bodyFiles.splice(0)) file.close();
  }

  /** The quick switcher a cold open built entry by entry, imported again from the snapshot just
   *  saved, as a warm start has it: at 10k notes 66 MB of heap → about 30 (quick-switch.ts,
   *  `imported`), for 0.15 s in turns. Kept as it was when it changed meanwhile (the next save
   *  tries again). */
  private async reimportSwitcher(built: QuickSwitchIndex, snap: QuickSwitchSnapshot, edits: number): Promise<void> {
    const copy = new QuickSwitchIndex();
    if (!(await inTurns(copy.restoring(snap, () => true)))) return;
    if (this.quick === built && built.edits === edits) this.quick = copy;
  }

  private async read(file: VaultFile): Promise<ParsedNote> {
    const { text, diagnostics } = await readNoteFile(file.id, file.abs);
    return parseNote(file.id, text, diagnostics);
  }

  allNotes(): ParsedNote[] {
    return [...this.notes.values()];
  }

  /** Every note's id, from the first step on (before the notes are read: their files). */
  noteIds(): string[] {
    return [...(this.names?.keys() ?? this.notes.keys())];
  }

  /** Whether every note's tags are known: once read, or before from an unchanged cache. */
  tagsKnown(): boolean {
    return !this.names || [...this.names.values()].every((t) => t !== null);
  }

  allFileIds(): string[] {
    return [...this.files.keys()];
  }

  getNote(id: string): ParsedNote | undefined {
    return this.notes.get(id);
  }

  /** Absolute path of a file of the vault, or null (unknown id, or one that leaves the vault). */
  absPath(id: string): string | null {
    return this.files.get(id)?.abs ?? null;
  }

  /** A note by id, id without `.md`, title, or alias; case-insensitive after NFC. */
  findNote(ref: string): ParsedNote | undefined {
    if (this.notes.has(ref)) return this.notes.get(ref);
    const k = fold(ref.trim());
    const id = fold(ref.trim().replace(/\.md$/i, '') + '.md');
    const all = this.allNotes();
    return all.find((n) => fold(n.id) === id) ?? all.find((n) => fold(n.title) === k) ?? all.find((n) => n.aliases.some((a) => fold(a) === k));
  }

  /** The file a link path written in note `fromId` points at (electron/domain/README.md §1), or null. */
  resolve(linkPath: string, fromId: string): string | null {
    return resolveLink(linkPath, fromId, this.fileIndex).target;
  }

  /** A note's links resolved against the files of the folder walk, as the link graph resolves
   *  them: what the note view shows of a note read ahead (readAhead), before the graph is built. */
  resolvedLinks(note: ParsedNote): ResolvedLink[] {
    return note.links.map((link) => {
      const r = resolveLink(link.path, note.id, this.fileIndex);
      return { ...link, target: r.target, ambiguous: r.ambiguous };
    });
  }

  /**
   * Before every note is read (stage `names`, which takes seconds on a first open of a large
   * vault): the note `id` read and parsed from its own file, with the notes it embeds, to
   * `embedDepth` (the depth the view shows them). Nothing is kept: the open's own read puts every
   * note in. Null when the vault has no such note file.
   */
  async readAhead(id: string, embedDepth: number): Promise<{ note: ParsedNote; embedded: Map<string, ParsedNote> } | null> {
    const file = this.files.get(id);
    if (!file || !isNoteId(id)) return null;
    const note = await this.read(file);
    const embedded = new Map<string, ParsedNote>();
    let level = [note];
    for (let depth = 0; depth < embedDepth && level.length; depth++) {
      const next: ParsedNote[] = [];
      for (const from of level) {
        for (const link of from.links) {
          if (link.kind !== 'embed') continue;
          const target = this.resolve(link.path, from.id);
          const targetFile = target ? this.files.get(target) : undefined;
          if (!target || !targetFile || !isNoteId(target) || target === id || embedded.has(target)) continue;
          const read = await this.read(targetFile).catch(() => null);
          if (!read) continue;
          embedded.set(target, read);
          next.push(read);
        }
      }
      level = next;
    }
    return { note, embedded };
  }

  links(): LinkGraph {
    this.graph ??= LinkGraph.build(this.notes.values(), this.fileIndex);
    return this.graph;
  }

  diagnostics(): Diagnostic[] {
    // Before the notes are read only the folder walk has anything to say.
    if (this.names) return [...this.scanDiagnostics];
    this.diagnosticsKept ??= [...this.scanDiagnostics, ...this.allNotes().flatMap((n) => n.diagnostics), ...this.links().diagnostics()];
    return [...this.diagnosticsKept];
  }

  /** diagnostics() as last made, until a note or file changes: the page asks vaultInfo, which
   *  holds them, at every reload, and making them reads every note and link (30 ms at 50k
   *  notes; the bench's probe, asking every 20 ms while a vault was indexed, kept the index
   *  worker busy most of the time). */
  private diagnosticsKept: Diagnostic[] | null = null;

  /** How many notes the vault has (noteIds().length, without the array). */
  noteCount(): number {
    return this.names?.size ?? this.notes.size;
  }

  /** Tag key → display tag and the notes that carry it or one of its descendants. */
  tagTree(): Map<string, { tag: string; ids: Set<string> }> {
    const tree = new Map<string, { tag: string; ids: Set<string> }>();
    const tagged: Iterable<[string, string[] | null]> = this.names ?? [...this.notes.values()].map((n) => [n.id, n.tags]);
    for (const [id, tags] of tagged) {
      for (const tag of tags ?? []) {
        for (const t of tagWithAncestors(tag)) {
          const k = tagKey(t);
          const entry = tree.get(k) ?? { tag: t, ids: new Set<string>() };
          entry.ids.add(id);
          tree.set(k, entry);
        }
      }
    }
    return tree;
  }

  /** Re-reads one file after it was written or created on disk. */
  async fileChanged(abs: string): Promise<VaultChange | null> {
    const id = this.idOf(abs);
    if (!id) return null;
    // Read with blocking calls, from the lstat to the parse: awaited, each of the read's calls
    // waited behind the requests that came meanwhile (a note view asked again and again while its
    // backlink is awaited), and a 0.3 ms read took 2 to 50 ms at 10k notes. The vault runs on a
    // thread of its own in the app (api-worker-entry.ts).
    let st: Stats;
    try {
      st = lstatSync(abs);
    } catch {
      return this.fileDeleted(abs);
    }
    // A symbolic link is never followed: it could lead out of the vault (see scan-vault.ts).
    if (!st.isFile()) return null;
    const existed = this.files.has(id);
    const file = { id, abs, size: st.size, mtimeMs: st.mtimeMs };
    const read = isNoteId(id) ? readNoteFileSync(id, abs) : null;
    const note = read ? parseNote(id, read.text, read.diagnostics) : null;
    // The file, its note, the graph and the index change together.
    this.diagnosticsKept = null;
    this.files.set(id, file);
    if (!existed) this.fileIndex.add(id);
    if (note) {
      this.notes.set(note.id, note);
      this.links().setNote(note);
    }
    if (!existed) this.links().fileAddedOrRemoved(id);
    if (note) {
      this.textChanged(note.id, note);
      this.switcher.put(note);
    }
    return { kind: existed ? 'change' : 'add', id };
  }

  /** Takes in what changed on disk since the vault was walked (or last caught up): files added,
   *  changed (by size and mtime) or gone. For a watcher, which reports only what changes after its
   *  own first walk (watch-vault.ts). */
  async catchUp(): Promise<VaultChange[]> {
    const scan = await scanVault(this.root);
    const changes: VaultChange[] = [];
    const found = new Set<string>();
    for (const file of scan.files) {
      found.add(file.id);
      const known = this.files.get(file.id);
      if (known?.size === file.size && known.mtimeMs === file.mtimeMs) continue;
      const change = await this.fileChanged(file.abs);
      if (change) changes.push(change);
    }
    for (const file of [...this.files.values()]) {
      const change = found.has(file.id) ? null : this.fileDeleted(file.abs);
      if (change) changes.push(change);
    }
    return changes;
  }

  fileDeleted(abs: string): VaultChange | null {
    const id = this.idOf(abs);
    if (!id || !this.files.has(id)) return null;
    this.diagnosticsKept = null;
    this.files.delete(id);
    this.fileIndex.remove(id);
    if (this.notes.delete(id)) {
      this.textChanged(id, null);
      this.switcher.remove(id);
      this.links().removeNote(id);
    }
    this.links().fileAddedOrRemoved(id);
    return { kind: 'delete', id };
  }

  /** A folder was removed or renamed away: every file below it is gone. */
  folderDeleted(abs: string): VaultChange[] {
    const prefix = this.idOf(abs);
    if (!prefix) return [];
    const below = [...this.files.values()].filter((f) => f.id.startsWith(prefix + '/'));
    return below.map((f) => this.fileDeleted(f.abs)).filter((c): c is VaultChange => c !== null);
  }

  private idOf(abs: string): string | null {
    const rel = path.relative(this.root, abs).split(path.sep).join('/').normalize('NFC');
    return resolveInVault(this.root, rel) ? rel : null;
  }
}

/** Runs `step` until it returns false, resting TEXT_REST times as long as each step took before
 *  the next: background work that leaves the thread to requests most of the time, and, like the
 *  timers that start it, never keeps a process alive. */
async function inRestedSteps(step: () => boolean): Promise<void> {
  for (;;) {
    const started = performance.now();
    if (!step()) return;
    await new Promise((r) => setTimeout(r, TEXT_REST * (performance.now() - started)).unref?.());
  }
}

/** A function to await after each piece of a long job: it gives the event loop a turn once the
 *  current slice has run SLICE_MS (other calls wait at most that long). */
function slicer(): () => Promise<void> | undefined {
  let slice = performance.now();
  return () => {
    if (performance.now() - slice <= SLICE_MS) return undefined;
    return new Promise<void>((r) =>
      setImmediate(() => {
        slice = performance.now();
        r();
      }),
    );
  };
}

/** Runs a job given in steps (a generator), with a turn for the event loop whenever a slice of
 *  SLICE_MS has run; resolves to what the job returns. */
async function inTurns<T>(steps: Generator<void, T>): Promise<T> {
  const pause = slicer();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** A promise with its resolve and reject at hand. */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (err: unknown) => void } {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
