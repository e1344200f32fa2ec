// What the runner asks of one child process, and what the child answers.
import type { EngineName } from './engines/engine.ts';
import type { Memory, Percentiles } from './measure.ts';
import type { LabelledQuery } from './query-mix.ts';

export interface ChildJob {
  engine: EngineName;
  phase: 'cold' | 'warm';
  size: number;
  vaultDir: string;
  cacheDir: string;
  search: LabelledQuery[];
  quickSwitch: LabelledQuery[];
  /** Notes rewritten one at a time to time the incremental update (cold phase). */
  updates: Array<{ id: string; abs: string }>;
  /** A link to `target` (by its title) appended to `source`, one at a time (cold phase). */
  edits: Array<{ source: string; abs: string; target: string; title: string }>;
  /** Wall-clock budget for the latency loops, per kind of query. */
  latencyBudgetMs: number;
  /** The cold phase's answers, which a warm start must give again. */
  coldAnswers?: string[][];
  outFile: string;
}

export interface QueryStats {
  label: string;
  query: string;
  hits: number;
  p50: number;
}

export interface ChildResult {
  engine: EngineName;
  phase: 'cold' | 'warm';
  size: number;
  /** Scan + read + parse + link graph + full-text index + the first search answered (cold), or
   *  the same from the persisted index (warm). */
  startMs: number;
  /** From the start until the note list could answer (names, frontmatter, tags, links). */
  listMs?: number;
  /** From the start until the full text is indexed (before the first search). */
  openMs?: number;
  /** Right after start, then after a forced GC. */
  memoryAfterStart: Memory;
  /** At the end of the phase (searches can fill caches), after a forced GC. */
  memoryAtEnd?: Memory;
  search?: Percentiles;
  searchByQuery?: QueryStats[];
  /** The exact count asked after a page whose total was a lower bound (Cairn's searchCount). */
  searchCount?: Percentiles;
  quickSwitch?: Percentiles;
  quickSwitchByQuery?: QueryStats[];
  /** File written → handler done → search finds the new text. */
  update?: Percentiles & { missed: number };
  /** Link appended on disk → watcher handler → the target's note view lists the backlink. */
  editBacklink?: Percentiles & { missed: number };
  cacheWriteMs?: number;
  cacheBytes?: number;
  answers?: string[][];
  /** Warm phase: queries whose hits differ from the cold phase's. */
  answersDiffering?: number;
  loadAverage: [number, number];
}
