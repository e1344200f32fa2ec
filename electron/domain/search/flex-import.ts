// Filling a FlexSearch 0.8 `Index` from its own export, keeping fast updates.
//
// Why this layer exists: FlexSearch's import keeps no fast-update registry (0.8.212 serialize.js
// turns `fastupdate` off and keeps the ids in a Set, and refuses an index made with it on), and
// without the registry every remove scans every term of the index. The registry (each id → the
// lists that hold it, as FlexSearch's add.js builds it) is made again from the imported lists in
// one pass, the first time an id is removed: a start that changes nothing never pays for it.
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

/** An index made by `make(false)` (import needs it so) filled from `parts`: call rebuildRegistry
 *  before the first remove. */
export function importParts(make: (fastupdate: boolean) => Index, parts: FlexParts): Index {
  const index = make(false);
  for (const [key, data] of parts) index.import(key, data as string);
  return index;
}

/** Call before the first remove from an imported index: gives it its fast-update registry back. */
export function rebuildRegistry(index: Index): void {
  const idx = index as unknown as { map: Map<unknown, Array<unknown[] | undefined>>; reg: unknown; fastupdate: boolean };
  const reg = new Map<unknown, unknown[][]>();
  for (const slots of idx.map.values()) {
    for (const list of slots) {
      if (!list) continue;
      for (const id of list) {
        const refs = reg.get(id);
        if (refs) refs.push(list);
        else reg.set(id, [list]);
      }
    }
  }
  idx.reg = reg;
  idx.fastupdate = true;
}
