// The one way vault events reach components: a single subscription to the transport, shared by
// every listener (useVaultData for the lists and progress, useApi's `reloadOn` for everything
// that shows vault data). Before this, some views subscribed themselves and others were handed
// the last event as a prop.
import { useEffect, useRef } from 'react';
import type { VaultEvent } from '../electron/contract.ts';
import { api } from './api.ts';

const listeners = new Set<(e: VaultEvent) => void>();
let unsubscribe: (() => void) | null = null;

function subscribe(listener: (e: VaultEvent) => void): () => void {
  listeners.add(listener);
  unsubscribe ??= api.onVaultEvent((e) => {
    for (const l of [...listeners]) l(e);
  });
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribe) {
      unsubscribe();
      unsubscribe = null;
    }
  };
}

/** Calls the latest `listener` for every vault event while the component is mounted. */
export function useVaultEvents(listener: (e: VaultEvent) => void): void {
  const current = useRef(listener);
  current.current = listener;
  useEffect(() => subscribe((e) => current.current(e)), []);
}

/** A change to the vault's contents (not indexing progress): what makes shown data out of date. */
export const isContentChange = (e: VaultEvent): boolean => e.kind !== 'progress';
