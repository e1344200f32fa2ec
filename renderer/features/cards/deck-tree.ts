import type { DeckCounts } from '../../../electron/contract.ts';

export interface DeckNode {
  /** Last segment of the tag: `sagemaker-processing`. */
  name: string;
  /** Full deck key: `service/sagemaker-processing`. */
  path: string;
  counts: DeckCounts;
  children: DeckNode[];
}

export interface DeckRowModel {
  node: DeckNode;
  depth: number;
}

/**
 * `a/b` and `a/c` under one `a`. No counts are summed here: cardDecks already counts a deck's
 * sub-tags in it (electron/domain/README.md §3, "a deck includes its sub-tags"). The whole vault (`''`) is left out.
 */
export function nestDecks(decks: DeckCounts[]): DeckNode[] {
  const roots: DeckNode[] = [];
  const byPath = new Map<string, DeckNode>();
  for (const counts of [...decks].sort((a, b) => a.deck.localeCompare(b.deck))) {
    if (!counts.deck) continue;
    const parts = counts.deck.split('/');
    const node: DeckNode = { name: parts[parts.length - 1], path: counts.deck, counts, children: [] };
    byPath.set(counts.deck, node);
    const parent = parts.length > 1 ? byPath.get(parts.slice(0, -1).join('/')) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** The rows on screen: every root, and the children of expanded decks, depth-first. */
export function visibleDecks(roots: DeckNode[], expanded: ReadonlySet<string>, depth = 0): DeckRowModel[] {
  return roots.flatMap((node) => [{ node, depth }, ...(expanded.has(node.path) ? visibleDecks(node.children, expanded, depth + 1) : [])]);
}

/** Cards a session on this deck would show now. */
export function studyable(c: DeckCounts): number {
  return c.new + c.learning + c.due;
}
