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
}

/** Vault-wide lists, refreshed (debounced) when files change on disk. */
export function useVaultData(): VaultData {
  const [info, reloadInfo] = useApi(() => api.vaultInfo({}), []);
  const [notes, reloadNotes] = useApi(() => api.noteList({}), []);
  const [tags, reloadTags] = useApi(() => api.tagList({}), []);
  const [lastEvent, setLastEvent] = useState<VaultEvent | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(
    () =>
      api.onVaultEvent((e) => {
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
  return { info, notes, tags, lastEvent };
}
