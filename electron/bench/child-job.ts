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
  /** Scan + read + parse + index (cold), or start from the persisted index (warm). */
  startMs: number;
  /** Right after start, then after a forced GC. */
  memoryAfterStart: Memory;
  /** At the end of the phase (searches can fill caches), after a forced GC. */
  memoryAtEnd?: Memory;
  search?: Percentiles;
  searchByQuery?: QueryStats[];
  quickSwitch?: Percentiles;
  quickSwitchByQuery?: QueryStats[];
  /** File written → handler done → search finds the new text. */
  update?: Percentiles & { missed: number };
  cacheWriteMs?: number;
  cacheBytes?: number;
  answers?: string[][];
  /** Warm phase: queries whose hits differ from the cold phase's. */
  answersDiffering?: number;
  loadAverage: [number, number];
}
