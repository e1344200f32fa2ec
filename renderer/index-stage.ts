// How far the open vault's index is (the last `indexed` event, else vaultInfo's), for the views
// whose answers wait for the full text (search, unlinked mentions): they say what they wait for.
import { createContext, useContext } from 'react';
import type { IndexState } from '../electron/contract.ts';

export const IndexStageContext = createContext<IndexState | null>(null);

/** Whether the full text is still being indexed (false when not known). */
export function useTextIndexing(): boolean {
  const index = useContext(IndexStageContext);
  return index !== null && index.stage !== 'full';
}
