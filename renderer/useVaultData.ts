import { useRef, useState } from 'react';
import type { IndexState, NoteSummary, TagCount, VaultEvent, VaultInfo } from '../electron/contract.ts';
import { api } from './api.ts';
import { useApi, type Loadable } from './useApi.ts';
import { useVaultEvents } from './vault-events.ts';

export interface VaultData {
  info: Loadable<VaultInfo>;
  notes: Loadable<NoteSummary[]>;
  tags: Loadable<TagCount[]>;
  /** Indexing progress of a vault being opened, or null when it is ready: notes read (the list),
   *  then notes in the full-text index. */
  progress: { done: number; total: number; stage: 'read' | 'text' } | null;
  /** Where the index came from and how far it is, from the last `indexed` event or vaultInfo. */
  index: IndexState | null;
}

/** A burst of file events (a git checkout, a sync) reloads the lists once, this long after the last. */
const BURST_MS = 150;

/** Vault-wide lists, refreshed (debounced) when files change on disk. */
export function useVaultData(): VaultData {
  const [info, reloadInfo] = useApi((signal) => api.vaultInfo({}, { signal }), []);
  const [notes, reloadNotes] = useApi((signal) => api.noteList({}, { signal }), []);
  const [tags, reloadTags] = useApi((signal) => api.tagList({}, { signal }), []);
  const [progress, setProgress] = useState<VaultData['progress']>(null);
  const [indexEvent, setIndexEvent] = useState<IndexState | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useVaultEvents((e: VaultEvent) => {
    if (e.kind === 'progress') return setProgress(e.done < e.total ? { done: e.done, total: e.total, stage: e.stage ?? 'read' } : null);
    if (e.kind === 'indexed') {
      setIndexEvent(e.index);
      if (e.index.stage === 'full') setProgress(null);
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      reloadInfo();
      reloadNotes();
      reloadTags();
    }, BURST_MS);
  });
  const index = indexEvent ?? (info.state === 'ok' ? info.value.index : null);
  return { info, notes, tags, progress, index };
}
