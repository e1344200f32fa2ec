// Serves the contract over Electron IPC: one `cairn:<op>` channel per operation. Each call checks
// its sender, then hands the untrusted payload to AppApi.dispatch (which parses it with the
// contract's schema) and returns the Result; nothing is thrown across IPC, because an Electron
// `handle` throw reaches the renderer as a bare message (README.md house rule 4).
//
// Only type imports from 'electron': ipcMain is passed in, so tests run under Node.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { OP_NAMES, type OpName, type Result } from './contract.ts';
import { isAppUrl } from './protocol.ts';
import type { ApiPort } from './api-port.ts';

export const channelOf = (op: OpName): string => `cairn:${op}`;

/** Only pages of the app's own origin may call the API (not devtools, not a navigated-away frame). */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return isAppUrl(frameUrl);
}

/** IPC only dispatches: events go through webContents.send, files through the app:// protocol. */
type Dispatcher = Pick<ApiPort, 'dispatch'>;

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

/** Answers one call: never throws, always a Result. */
export async function answer(api: Dispatcher, op: OpName, event: SenderEvent, payload: unknown, ready?: Promise<unknown>): Promise<Result<unknown>> {
  try {
    // senderFrame is null when the frame navigated or was destroyed before the call arrived.
    const url = event.senderFrame?.url;
    if (!isTrustedSender(url)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: `${op}: caller is not the Cairn window` } };
    }
    await ready;
    return await api.dispatch(op, payload);
  } catch (err) {
    return { ok: false, error: { code: 'INTERNAL', message: (err as Error)?.message ?? String(err) } };
  }
}

/**
 * Registers a handler for every operation of the contract. `ready` (the start-up vault opening)
 * is awaited before dispatching, so the window can load while the first vault is indexed.
 * Returns a function that removes the handlers.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, api: Dispatcher, ready?: Promise<unknown>): () => void {
  const settled = ready?.catch(() => undefined);
  for (const op of OP_NAMES) {
    ipcMain.handle(channelOf(op), (event, payload: unknown) => answer(api, op, event, payload, settled));
  }
  return () => {
    for (const op of OP_NAMES) ipcMain.removeHandler(channelOf(op));
  };
}
