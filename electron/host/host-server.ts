// `cairn serve`: the built renderer and the same contract over HTTP, on 127.0.0.1 only.
// POST /api/<op> (JSON body) → Result; GET /api/events → server-sent VaultEvents;
// GET /file/<id>?t=TOKEN → an image of the vault. Every API call needs the launch token,
// which only the page this server hands out knows.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiPort } from '../worker-api.ts';
import { hostOk, originOk, tokenOk } from './host-guards.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from '../web-assets.ts';
import { serveVaultFile } from '../domain/vault/open-vault-file.ts';

export interface HostOptions {
  /** The API in this process (AppApi) or on the index worker (WorkerApi). */
  api: ApiPort;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
}

export interface Host {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export async function startHost(options: HostOptions): Promise<Host> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const server = createServer();
  const streams = new Set<ServerResponse>();
  let port = 0;

  server.on('request', (req, res) => {
    handle(req, res).catch((err) => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err?.message ?? err) } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!hostOk(req, port)) return forbidden(res, 'unexpected Host header');
    if (!originOk(req, port)) return forbidden(res, 'cross-origin request refused');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname.startsWith('/api/')) {
      if (!tokenOk(req.headers['x-cairn-token'], token)) return forbidden(res, 'missing or wrong token');
      if (url.pathname === '/api/events' && req.method === 'GET') return events(res);
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'POST only' } });
      if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, { ok: false, error: { code: 'BAD_REQUEST', message: 'JSON only' } });
      }
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false, error: { code: 'BAD_REQUEST', message: 'body too large' } });
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'body is not JSON' } });
      }
      return send(res, 200, await options.api.dispatch(decodeURIComponent(url.pathname.slice(5)), payload));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'GET only' } });
    if (url.pathname.startsWith('/file/')) return file(res, decodeURIComponent(url.pathname.slice(6)), url.searchParams.get('t'));
    return asset(res, url.pathname);
  }

  function events(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = options.api.onEvent((e) => {
    for (const s of streams) s.write(`data: ${JSON.stringify(e)}\n\n`);
  });

  async function file(res: ServerResponse, id: string, t: string | null): Promise<void> {
    if (!tokenOk(t, token)) return forbidden(res, 'missing or wrong token');
    const served = await serveVaultFile((i) => options.api.filePath(i), id);
    if (!served.ok) return send(res, served.status, { ok: false, error: { code: 'NOTE_NOT_FOUND', message: served.message } });
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[served.ext], 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" });
    res.end(served.bytes);
  }

  async function asset(res: ServerResponse, pathname: string): Promise<void> {
    const index = path.join(options.rendererDir, 'index.html');
    const abs = path.resolve(options.rendererDir, '.' + path.posix.normalize('/' + pathname));
    const inside = !path.relative(options.rendererDir, abs).startsWith('..');
    let target: string;
    if (inside && (await isFile(abs))) target = abs;
    else if (!path.extname(pathname)) target = index; // client-side route
    else return send(res, 404, { ok: false, error: { code: 'NOTE_NOT_FOUND', message: 'not found' } });
    let data = await readFile(target);
    if (target === index) {
      // The token reaches only pages this server hands out; another site cannot read it.
      data = Buffer.from(data.toString('utf8').replace('<head>', `<head>\n<meta name="cairn-token" content="${token}">`));
    }
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
    });
    res.end(data);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () => closeServer(server, streams, unsubscribe),
  };
}

function closeServer(server: Server, streams: Set<ServerResponse>, unsubscribe: () => void): Promise<void> {
  unsubscribe();
  for (const s of streams) s.end();
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function forbidden(res: ServerResponse, message: string): void {
  send(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } });
}

async function isFile(abs: string): Promise<boolean> {
  try {
    return (await stat(abs)).isFile();
  } catch {
    return false;
  }
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
