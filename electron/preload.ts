// Exposes window.cairn: one named verb per operation of the contract, two subscriptions and the
// transport name. Never ipcRenderer, never a generic invoke(channel, …), never the IPC event
// object (its `sender` is ipcRenderer) — README.md house rule 2.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppCommand, CairnApi, VaultEvent } from './contract.ts';
import { APP_COMMANDS, OP_NAMES } from './op-names.ts';

const verbs = Object.fromEntries(OP_NAMES.map((op) => [op, (req: unknown) => ipcRenderer.invoke(`cairn:${op}`, req ?? {})]));

function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const handler = (_event: IpcRendererEvent, value: unknown) => {
    if (accept(value)) listener(value);
  };
  ipcRenderer.on(channel, handler);
  return () => void ipcRenderer.removeListener(channel, handler);
}

const isCommand = (v: unknown): v is AppCommand => typeof v === 'string' && (APP_COMMANDS as readonly string[]).includes(v);

const isVaultEvent = (v: unknown): v is VaultEvent => {
  if (!v || typeof v !== 'object') return false;
  const e = v as { kind?: unknown; id?: unknown };
  return e.kind === 'reload' || ((e.kind === 'add' || e.kind === 'change' || e.kind === 'delete') && typeof e.id === 'string');
};

const api = {
  ...verbs,
  onVaultEvent: (listener: (e: VaultEvent) => void) => subscribe('cairn:event', isVaultEvent, listener),
  onCommand: (listener: (c: AppCommand) => void) => subscribe('cairn:command', isCommand, listener),
  transport: 'electron',
} as CairnApi;

contextBridge.exposeInMainWorld('cairn', api);
