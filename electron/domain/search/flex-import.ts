// Filling a FlexSearch 0.8 `Index` from its own export.
//
// FlexSearch's import keeps no fast-update registry (0.8.212 serialize.js turns `fastupdate` off
// and keeps the ids in a Set, and refuses an index made with it on), so a remove from an imported
// index scans its lists. Measured on the quick switcher's names index at 10k notes: 4-10 ms a
// remove. Building the registry again from the imported lists took 110 ms and about 10 MB, paid
// by the first edit after a start (it showed in edit → backlink), so it is not rebuilt.
import type { Index } from 'flexsearch';

/** FlexSearch's export, each JSON text parsed (its import takes a text or the parsed data). */
export type FlexParts = Array<[key: string, data: unknown]>;

/** The index's export, parsed: it is stored inside a larger JSON text, not as a string in one. */
export function exportParts(index: Index): FlexParts {
  const parts: FlexParts = [];
  index.export((key: string, data: string) => void parts.push([key, JSON.parse(data)]));
  return parts;
}

export function isFlexParts(parts: unknown): parts is FlexParts {
  return Array.isArray(parts) && parts.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string');
}

/** An index made by `make(false)` (import needs it so) filled from `parts`. */
export function importParts(make: (fastupdate: boolean) => Index, parts: FlexParts): Index {
  const index = make(false);
  for (const [key, data] of parts) index.import(key, data as string);
  return index;
}

/**
 * Removals from an index without the fast-update registry: one filled by `import`, or one that
 * never keeps it (`deferring` from the start: the full-text index, note-fields.ts). There a
 * remove reads every list, and it lay on the way from a save to its backlink; so an id only
 * leaves the owner's own maps at once (no hit shows an id its owner no longer knows), and
 * `sweepOne` removes it from FlexSearch later, when the vault is quiet. An index built note by
 * note with its registry removes at once.
 */
export class DeferredRemovals {
  private ids: number[] = [];

  constructor(
    private readonly removeNow: (id: number) => void,
    private deferring = false,
  ) {}

  remove(id: number): void {
    if (this.deferring) this.ids.push(id);
    else this.removeNow(id);
  }

  /** How many ids are still in FlexSearch. */
  get count(): number {
    return this.ids.length;
  }

  /** The ids still in FlexSearch, for a snapshot of the index as it is. */
  waiting(): number[] {
    return [...this.ids];
  }

  /** Removes one waiting id from FlexSearch; false when none was left. */
  sweepOne(): boolean {
    const id = this.ids.pop();
    if (id === undefined) return false;
    this.removeNow(id);
    return true;
  }

  /** The index was just filled by `import`: removals wait from now on, after `ids`. */
  imported(ids: number[] = []): void {
    this.deferring = true;
    this.ids = [...ids];
  }

  /** The index is empty again, built note by note. */
  reset(): void {
    this.deferring = false;
    this.ids = [];
  }
}
