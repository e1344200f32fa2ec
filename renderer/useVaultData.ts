import { useEffect, useRef, useState } from 'react';
import type { NoteSummary, TagCount, VaultEvent, VaultInfo } from '../electron/contract.ts';
import { api } from './api.ts';
import { useApi, type Loadable } from './useApi.ts';

export interface VaultData {
  info: Loadable<VaultInfo>;
  notes: Loadable<NoteSummary[]>;
  tags: Loadable<TagCount[]>;
  /** The last change on disk, so an open note can re-render or say it was deleted. */
  lastEvent: VaultEvent | null;
  /** Indexing progress of a vault being opened, or null when it is ready. */
  progress: { done: number; total: number } | null;
}

/** Vault-wide lists, refreshed (debounced) when files change on disk. */
export function useVaultData(): VaultData {
  const [info, reloadInfo] = useApi(() => api.vaultInfo({}), []);
  const [notes, reloadNotes] = useApi(() => api.noteList({}), []);
  const [tags, reloadTags] = useApi(() => api.tagList({}), []);
  const [lastEvent, setLastEvent] = useState<VaultEvent | null>(null);
  const [progress, setProgress] = useState<VaultData['progress']>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () =>
      api.onVaultEvent((e) => {
        if (e.kind === 'progress') return setProgress(e.done < e.total ? { done: e.done, total: e.total } : null);
        if (e.kind === 'reload') setProgress(null);
        setLastEvent(e);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          reloadInfo();
          reloadNotes();
          reloadTags();
        }, 150);
      }),
    [reloadInfo, reloadNotes, reloadTags],
  );
  return { info, notes, tags, lastEvent, progress };
}
