import { cairnEngine } from './cairn-engine.ts';
import type { BenchEngine, EngineName } from './engine.ts';
import { flexsearchEngine } from './flexsearch-engine.ts';
import { floorEngine } from './floor-engine.ts';
import { minisearchEngine } from './minisearch-engine.ts';

export function createEngine(name: EngineName): BenchEngine {
  switch (name) {
    case 'cairn':
      return cairnEngine();
    case 'minisearch':
      return minisearchEngine();
    case 'floor':
      return floorEngine();
    case 'flexsearch':
      return flexsearchEngine();
  }
}
