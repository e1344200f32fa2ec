// What the harness asks of each engine. Methods an engine cannot answer are left out and shown
// as "n/a" in the report (the floor has no search, for instance).

export interface BenchEngine {
  readonly name: EngineName;
  /** A first start: scans, reads, parses and indexes the vault; returns when it can be searched.
   *  `cacheDir` is an empty folder for the engine's persisted index. */
  coldIndex(dir: string, cacheDir: string): Promise<StartTimes | undefined>;
  /** Resolves once the start's work that goes on after it can be searched is over (Cairn: the
   *  search warm-up, which runs between requests); nothing else is measured before. */
  settled?(): Promise<void>;
  /** Writes the persisted index into the `cacheDir` given to `coldIndex`. */
  saveCache?(): Promise<void>;
  /** A later start from the persisted index, re-reading only the files changed since. */
  warmStart?(dir: string, cacheDir: string): Promise<StartTimes | undefined>;
  /** Runs a query (Cairn syntax: words, `"phrase"`, `tag:x`); the ids of the hits, best first. */
  search?(query: string): string[];
  /** The real number of hits, where the engine counts them apart from the page of hits. */
  count?(query: string): number;
  quickSwitch?(query: string): string[];
  /** Takes in a file just written on disk, as the app's watcher handler would. */
  fileChanged?(abs: string): Promise<void>;
  /** Takes in a note just written on disk (the watcher's handler), then shows `target` as the
   *  note view does; whether `source` is among its backlinks. */
  editShowsBacklink?(sourceAbs: string, source: string, target: string): Promise<boolean>;
}

/** Milestones of a start, in ms from its beginning (the start's own time is measured outside). */
export interface StartTimes {
  /** The note list (names, frontmatter, tags, links) could answer. */
  listMs?: number;
}

export type EngineName = 'floor' | 'cairn' | 'minisearch' | 'flexsearch';
export const ENGINE_NAMES: readonly EngineName[] = ['floor', 'cairn', 'minisearch', 'flexsearch'];
