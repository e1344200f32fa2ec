// The one interface the transports (ipc.ts, host/, protocol.ts) need from the API. AppApi
// implements it in-process (tests, the CLI); ApiWorkerClient implements it by forwarding to
// AppApi on the index worker (the Electron main process and `cairn serve`).
import type { Result, VaultEvent } from './contract.ts';
import type { VaultFileRef } from './domain/vault/open-vault-file.ts';

export interface DispatchOptions {
  /** At most this long (ms) waiting for the index stage the operation needs while a vault opens
   *  (AppApi: NAME_OPS, TEXT_OPS); past it the answer is NOT_READY and the operation does not run.
   *  Left out: it waits as long as the open takes. The local host sets it, so no HTTP request holds
   *  its connection for the whole of a cold index (a browser keeps six per host). */
  waitMs?: number;
}

export interface ApiPort {
  /** Parses the untrusted payload with the contract's schema and answers; never throws. */
  dispatch(op: unknown, payload: unknown, options?: DispatchOptions): Promise<Result<unknown>>;
  /** Vault events (notes changed, index progress); returns the unsubscribe function. */
  onEvent(listener: (e: VaultEvent) => void): () => void;
  /** Where a vault file is, checked inside the vault; null when it is not a servable file. */
  filePath(id: string): Promise<VaultFileRef | null> | VaultFileRef | null;
}
