// Runs the AppApi (vault, index, watcher, cards, calculators) on a worker thread, so indexing a
// large vault never blocks the Electron main process or the local host's HTTP loop.
// Messages in: {type:'open', dir} | {type:'watching'} | {type:'settled'} | {type:'dispatch', id, op, payload} | {type:'filePath', id, fileId}.
// Messages out: {type:'reply', id, value} | {type:'event', event}.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { AppApi, type AppApiOptions } from './app-api.ts';

export type WorkerRequest =
  | { type: 'open'; id: number; dir: string }
  | { type: 'watching'; id: number }
  | { type: 'settled'; id: number }
  | { type: 'dispatch'; id: number; op: string; payload: unknown; waitMs?: number }
  | { type: 'filePath'; id: number; fileId: string }
  | { type: 'close'; id: number };

export type WorkerMessage = { type: 'reply'; id: number; value: unknown; error?: { code: string; message: string } } | { type: 'event'; event: unknown };

const port = parentPort;
if (!port) throw new Error('api-worker-entry must run as a worker thread');

// Built, the parse pool's thread sits beside this bundle (out/parse-worker.cjs).
const parseWorker = fileURLToPath(new URL('./parse-worker.cjs', import.meta.url));
// `boot` is for api-worker-boot.ts, which ran this bundle.
const { boot: _boot, ...options } = workerData as AppApiOptions & { boot?: unknown };
const api = new AppApi({ ...options, parseWorker: existsSync(parseWorker) ? parseWorker : undefined });
api.onEvent((event) => port.postMessage({ type: 'event', event } satisfies WorkerMessage));

port.on('message', async (m: WorkerRequest) => {
  const reply = (value: unknown, error?: { code: string; message: string }) =>
    port.postMessage({ type: 'reply', id: m.id, value, error } satisfies WorkerMessage);
  try {
    if (m.type === 'open') {
      const vault = await api.open(m.dir);
      // Answered with the list: the file watcher's first walk (a stat and an inotify watch per
      // file, seconds at 10k notes) goes on behind it; `watching` resolves when it is done.
      reply(vault.root);
    } else if (m.type === 'watching') {
      await api.ready();
      reply(null);
    } else if (m.type === 'settled') {
      // After the watcher: the index cache written if it was due, and the heap collected.
      await api.settled();
      reply(null);
    } else if (m.type === 'dispatch') {
      reply(await api.dispatch(m.op, m.payload, { waitMs: m.waitMs }));
    } else if (m.type === 'filePath') {
      reply(api.filePath(m.fileId));
    } else if (m.type === 'close') {
      // Stops the watcher and writes an index cache save still pending (AppApi.close).
      await api.close();
      reply(null);
    }
  } catch (err) {
    const e = err as Error & { code?: string };
    reply(null, { code: e.code ?? 'INTERNAL', message: e.message });
  }
});
