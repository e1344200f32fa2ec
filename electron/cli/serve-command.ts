import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { AppApi } from '../app-api.ts';
import { startHost } from '../host/host-server.ts';
import { UsageError, type CliCommand } from './cli-types.ts';

const RENDERER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../out/renderer');

export const serveCommand: CliCommand = {
  name: 'serve',
  usage: 'serve [--vault DIR] [--port N]',
  summary: 'Serve the app on http://127.0.0.1 (browser host) until interrupted',
  options: { port: { type: 'string' } },
  async run(ctx) {
    const port = ctx.values.port === undefined ? 0 : Number(ctx.values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a number from 0 to 65535');
    if (!existsSync(path.join(RENDERER, 'index.html'))) {
      ctx.err('cairn serve: the renderer is not built; run `npm run build` first (or `npm run serve`)');
      return 1;
    }
    const api = new AppApi({ canOpenVault: false });
    await api.open(ctx.vaultDir);
    await api.ready();
    const host = await startHost({ api, rendererDir: RENDERER, port });
    ctx.out(`Cairn is serving ${ctx.vaultDir} at ${host.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    await api.close();
  },
};
