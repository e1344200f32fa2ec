import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { ApiWorkerClient } from '../api-worker-client.ts';
import { startHost, type Host } from '../host/host-server.ts';
import { UsageError, type CliCommand } from './cli-types.ts';
import type { VaultInfo } from '../contract.ts';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out');
const RENDERER = path.join(OUT, 'renderer');
const WORKER = path.join(OUT, 'api-worker-entry.cjs');

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--vault DIR] [--port N]',
  summary: 'Serve the app on http://127.0.0.1 (browser host) until interrupted',
  options: { port: { type: 'string' } },
  async run(ctx) {
    const port = ctx.values.port === undefined ? 0 : Number(ctx.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535');
    if (!existsSync(path.join(RENDERER, 'index.html')) || !existsSync(WORKER)) {
      ctx.err('cairn serve: the app is not built; run `npm run build` first (or `npm run serve`)');
      return 1;
    }
    const started = performance.now();
    // The vault is indexed on a worker thread; the host starts at once and the page shows progress.
    const api = new ApiWorkerClient(WORKER, { canOpenVault: false });
    const opened = api.open(ctx.vaultDir);
    opened.catch(() => undefined); // awaited below, after the host is up (or has failed)
    let host: Host;
    try {
      host = await startHost({ api, rendererDir: RENDERER, port });
    } catch (err) {
      await api.close();
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use; pick another with --port N (0 picks a free one)`);
      if (code === 'EACCES') throw new UsageError(`port ${port} needs privileges; pick another with --port N`);
      throw err;
    }
    try {
      await opened;
    } catch (err) {
      // A missing or unreadable vault ends the command (exit 2, README): nothing is left serving.
      await host.close();
      await api.close();
      throw err;
    }
    // The sign-in URL: the one-time code in it becomes this browser's session cookie (SECURITY.md).
    ctx.out(`Cairn is serving ${ctx.vaultDir} at ${host.loginUrl}`);
    // A watcher that fails (the system's limit of watched folders, say) is said here too, once, as
    // the page's top bar says it: edits on disk will not show.
    let watchSaid = false;
    api.onEvent((e) => {
      if (e.kind !== 'indexed' || !e.index.watch || watchSaid) return;
      watchSaid = true;
      ctx.err(`cairn serve: ${e.index.watch}`);
    });
    // Edits on disk are taken in once the watcher has walked the vault (tests that write files wait for this line).
    void api.watching().then(
      () => ctx.out(`Watching ${ctx.vaultDir} for changes`),
      () => undefined,
    );
    // Once the start is over (full text, watcher, index cache saved): how long it took, and
    // where the notes came from (a cold index is slow, and the cache's notice says why).
    void api
      .settled()
      .then(() => api.dispatch('vaultInfo', {}))
      .then(
        (info) => {
          if (!info.ok) return;
          const { notes, index } = info.value as VaultInfo;
          const from = index.fromCache
            ? `${index.fromCache.toLocaleString('en')} from the index cache, ${index.read.toLocaleString('en')} read`
            : 'read from their files';
          ctx.out(`Indexed ${notes.toLocaleString('en')} notes (${from}); start-up over after ${((performance.now() - started) / 1000).toFixed(1)} s`);
          if (index.notice) ctx.out(index.notice);
        },
        () => undefined,
      );
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await api.close();
  },
};
