import { lstat, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../domain-error.ts';
import type { Diagnostic, ParsedNote } from '../notes/note-types.ts';
import { parseNote } from '../notes/parse-note.ts';
import { tagKey, tagWithAncestors } from '../notes/parse-tags.ts';
import { FileIndex, resolveLink } from '../links/resolve-link.ts';
import { LinkGraph } from '../links/link-graph.ts';
import { SearchIndex } from '../search/search-index.ts';
import { fold } from '../text/fold.ts';
import { CachedNotes, cachedFileOf, readIndexCache, writeIndexCache } from './index-cache.ts';
import { readNoteFile } from './read-note-file.ts';
import { isNoteId, resolveInVault, scanVault, type VaultFile } from './scan-vault.ts';

export class VaultError extends DomainError {
  constructor(code: 'VAULT_NOT_FOUND' | 'VAULT_UNREADABLE', message: string) {
    super(code, message);
  }
}

export type VaultChange = { kind: 'add' | 'change' | 'delete'; id: string };

export interface VaultOpenOptions {
  /** Hears (notes read, notes found) while the vault is indexed. */
  onProgress?: (done: number, total: number) => void;
  /** Folder of index caches (e.g. `<dataDir>/index-cache`): open reuses the notes unchanged
   *  since `saveCache` (index-cache.ts). Without it nothing is cached. */
  cacheDir?: string;
}

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
  readonly search = new SearchIndex();

  private cacheDir: string | null = null;

  private constructor(readonly root: string) {}

  /** @param options its options, or only `onProgress`. */
  static async open(dir: string, options: VaultOpenOptions | VaultOpenOptions['onProgress'] = {}): Promise<Vault> {
    const { onProgress, cacheDir } = typeof options === 'function' ? { onProgress: options, cacheDir: undefined } : options;
    const root = path.resolve(dir);
    let st;
    try {
      st = await stat(root);
    } catch {
      throw new VaultError('VAULT_NOT_FOUND', `vault not found: ${root}`);
    }
    if (!st.isDirectory()) throw new VaultError('VAULT_NOT_FOUND', `not a folder: ${root}`);
    const vault = new Vault(await realpath(root));
    // The index cache is read while the folder is scanned (readIndexCache never rejects).
    const reading = cacheDir ? readIndexCache(cacheDir, vault.root) : null;
    let scan;
    try {
      scan = await scanVault(root);
    } catch (err) {
      throw new VaultError('VAULT_UNREADABLE', `vault unreadable: ${(err as Error).message}`);
    }
    for (const p of scan.problems) vault.scanDiagnostics.push({ id: p.id, code: p.code, message: p.message });
    const total = scan.files.filter((f) => isNoteId(f.id)).length;
    let done = 0;
    onProgress?.(0, total);
    vault.cacheDir = cacheDir ?? null;
    const cache = await reading;
    const cached = cache && new CachedNotes(cache);
    if (cached) vault.search.restore(cached.data.search, cached.byId);
    // Files are read in parallel but enter the index in scan order, so ties in ranking (and the
    // cache's equality with a cold index) never depend on which read finished first.
    const read: Array<ParsedNote | null> = new Array(scan.files.length).fill(null);
    await mapLimit(scan.files.map((file, i) => ({ file, i })), 16, async ({ file, i }) => {
      vault.files.set(file.id, file);
      vault.fileIndex.add(file.id);
      if (!isNoteId(file.id)) return;
      const unchanged = cached?.unchanged(file);
      if (unchanged) vault.notes.set(unchanged.id, unchanged);
      else read[i] = await vault.read(file);
      // Every 250 notes and at the end: often enough for a progress bar, rarely enough to be free.
      if (++done % 250 === 0 || done === total) onProgress?.(done, total);
    });
    for (const note of read) if (note) vault.take(note);
    // Cached notes whose file is gone (changed ones were loaded again, replacing theirs).
    for (const id of cached?.notReused() ?? []) if (!vault.notes.has(id)) vault.search.remove(id);
    return vault;
  }

  /** Writes the index cache, so the next open (with the same `cacheDir`) re-reads only the
   *  files changed since. Needs the vault to have been opened with a `cacheDir`. */
  async saveCache(): Promise<void> {
    if (!this.cacheDir) throw new Error('the vault was opened without a cacheDir');
    const notes = this.allNotes();
    const files = notes.map((n) => cachedFileOf(this.files.get(n.id)!));
    await writeIndexCache(this.cacheDir, this.root, { files, notes, search: this.search.snapshot() });
  }

  private async read(file: VaultFile): Promise<ParsedNote> {
    const { text, diagnostics } = await readNoteFile(file.id, file.abs);
    return parseNote(file.id, text, diagnostics);
  }

  private take(note: ParsedNote): void {
    this.notes.set(note.id, note);
    this.search.put(note);
  }

  private async load(file: VaultFile): Promise<ParsedNote> {
    const note = await this.read(file);
    this.take(note);
    return note;
  }

  allNotes(): ParsedNote[] {
    return [...this.notes.values()];
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
    return (
      all.find((n) => fold(n.id) === id) ??
      all.find((n) => fold(n.title) === k) ??
      all.find((n) => n.aliases.some((a) => fold(a) === k))
    );
  }

  /** The file a link path written in note `fromId` points at (electron/domain/README.md §1), or null. */
  resolve(linkPath: string, fromId: string): string | null {
    return resolveLink(linkPath, fromId, this.fileIndex).target;
  }

  links(): LinkGraph {
    this.graph ??= new LinkGraph(this.notes.values(), this.fileIndex);
    return this.graph;
  }

  diagnostics(): Diagnostic[] {
    const perNote = this.allNotes().flatMap((n) => n.diagnostics);
    return [...this.scanDiagnostics, ...perNote, ...this.links().diagnostics];
  }

  /** Tag key → display tag and the notes that carry it or one of its descendants. */
  tagTree(): Map<string, { tag: string; ids: Set<string> }> {
    const tree = new Map<string, { tag: string; ids: Set<string> }>();
    for (const note of this.notes.values()) {
      for (const tag of note.tags) {
        for (const t of tagWithAncestors(tag)) {
          const k = tagKey(t);
          const entry = tree.get(k) ?? { tag: t, ids: new Set<string>() };
          entry.ids.add(note.id);
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
    let st;
    try {
      st = await lstat(abs);
    } catch {
      return this.fileDeleted(abs);
    }
    // A symbolic link is never followed: it could lead out of the vault (see scan-vault.ts).
    if (!st.isFile()) return null;
    const existed = this.files.has(id);
    const file = { id, abs, size: st.size, mtimeMs: st.mtimeMs };
    this.files.set(id, file);
    if (!existed) {
      this.fileIndex.add(id);
      this.graph = null;
    }
    if (isNoteId(id)) {
      await this.load(file);
      this.graph = null;
    }
    return { kind: existed ? 'change' : 'add', id };
  }

  fileDeleted(abs: string): VaultChange | null {
    const id = this.idOf(abs);
    if (!id || !this.files.has(id)) return null;
    this.files.delete(id);
    this.fileIndex.remove(id);
    if (this.notes.delete(id)) this.search.remove(id);
    this.graph = null;
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

async function mapLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
