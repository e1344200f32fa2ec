// Exposes window.cairn: one named verb per operation of the contract, two subscriptions and the
// transport name. Never ipcRenderer, never a generic invoke(channel, …), never the IPC event
// object (its `sender` is ipcRenderer) — README.md house rule 2.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AppCommand, CairnApi, VaultEvent } from './contract.ts';
import { APP_COMMANDS, OP_NAMES } from './op-names.ts';

const verbs = Object.fromEntries(OP_NAMES.map((op) => [op, (req: unknown) => ipcRenderer.invoke(`cairn:${op}`, req ?? {})]));

function subscribe<T>(channel: string, read: (value: unknown) => T | null, listener: (value: T) => void): () => void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
  const handler = (_event: IpcRendererEvent, value: unknown) => {
    const known = read(value);
    if (known !== null) listener(known);
  };
  ipcRenderer.on(channel, handler);
  return () => void ipcRenderer.removeListener(channel, handler);
}

const readCommand = (v: unknown): AppCommand | null => (typeof v === 'string' && (APP_COMMANDS as readonly string[]).includes(v) ? (v as AppCommand) : null);

const count = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A vault event of the contract, rebuilt from its known fields only; anything else is null. */
const readVaultEvent = (v: unknown): VaultEvent | null => {
  if (!v || typeof v !== 'object') return null;
  const e = v as Record<string, unknown>;
  if (e.kind === 'reload') return { kind: 'reload' };
  if ((e.kind === 'add' || e.kind === 'change' || e.kind === 'delete') && typeof e.id === 'string') return { kind: e.kind, id: e.id };
  // Indexing progress and stages: the status line and its bar (renderer/IndexStatus.tsx).
  if (e.kind === 'progress' && count(e.done) && count(e.total)) {
    if (e.stage === undefined) return { kind: 'progress', done: e.done, total: e.total };
    return e.stage === 'read' || e.stage === 'text' ? { kind: 'progress', done: e.done, total: e.total, stage: e.stage } : null;
  }
  if (e.kind === 'indexed' && e.index && typeof e.index === 'object') {
    const i = e.index as Record<string, unknown>;
    const stageOk = i.stage === 'names' || i.stage === 'list' || i.stage === 'full';
    const line = (x: unknown): x is string | null => x === null || typeof x === 'string';
    if (!stageOk || !count(i.fromCache) || !count(i.read) || !line(i.notice) || !line(i.watch)) return null;
    return { kind: 'indexed', index: { stage: i.stage as 'names' | 'list' | 'full', fromCache: i.fromCache, read: i.read, notice: i.notice, watch: i.watch } };
  }
  return null;
};

const api = {
  ...verbs,
  onVaultEvent: (listener: (e: VaultEvent) => void) => subscribe('cairn:event', readVaultEvent, listener),
  onCommand: (listener: (c: AppCommand) => void) => subscribe('cairn:command', readCommand, listener),
  transport: 'electron',
} as CairnApi;

contextBridge.exposeInMainWorld('cairn', api);
