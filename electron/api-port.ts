// The one interface the transports (ipc.ts, host/, protocol.ts) need from the API. AppApi
// implements it in-process (tests, the CLI); ApiWorkerClient implements it by forwarding to
// AppApi on the index worker (the Electron main process and `cairn serve`).
import type { Result, VaultEvent } from './contract.ts';
import type { VaultFileRef } from './domain/vault/open-vault-file.ts';

export interface ApiPort {
  /** Parses the untrusted payload with the contract's schema and answers; never throws. */
  dispatch(op: unknown, payload: unknown): Promise<Result<unknown>>;
  /** Vault events (notes changed, index progress); returns the unsubscribe function. */
  onEvent(listener: (e: VaultEvent) => void): () => void;
  /** Where a vault file is, checked inside the vault; null when it is not a servable file. */
  filePath(id: string): Promise<VaultFileRef | null> | VaultFileRef | null;
}
