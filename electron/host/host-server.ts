// `cairn serve`: the built renderer and the same contract over HTTP, on 127.0.0.1 only.
// POST /api/<op> (JSON body) → Result; GET /api/events → server-sent VaultEvents;
// GET /file/<id> → an image of the vault.
// Sign-in as Jupyter does it (SECURITY.md, "The local host"): the printed URL carries a one-time
// code; the first request with it gets an HttpOnly, SameSite=Strict session cookie and a redirect
// to the same page without the code. Every /api/ and /file/ request needs that cookie; the page
// itself holds no credential, so a local process that fetches `/` learns nothing.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ApiPort } from '../api-port.ts';
import { hostOk, mediaType, originOk, readCookie, sessionCookie, sessionCookieName, tokenOk } from './host-guards.ts';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from '../web-assets.ts';
import { serveVaultFile } from '../domain/vault/open-vault-file.ts';

export interface HostOptions {
  /** The API in this process (AppApi) or on the index worker (ApiWorkerClient). */
  api: ApiPort;
  /** Folder of the built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed one-time sign-in code for tests; a random one per launch otherwise. */
  code?: string;
  /** Socket limits in ms (tests shorten them). */
  timeouts?: Partial<Timeouts>;
}

interface Timeouts {
  /** All request headers must arrive within this (slowloris). */
  headers: number;
  /** The whole request, body included. */
  request: number;
  /** An idle keep-alive socket is closed after this. */
  keepAlive: number;
}

const DEFAULT_TIMEOUTS: Timeouts = { headers: 10_000, request: 30_000, keepAlive: 5_000 };

export interface Host {
  /** The page, without credentials. */
  url: string;
  /** The URL to print: the page with the one-time sign-in code. */
  loginUrl: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;
/** How long an API request may wait for the index before it is answered NOT_READY. */
const HOLD_MS = 1_000;
const NOT_SIGNED_IN = 'not signed in: open the URL that `cairn serve` printed';

export async function startHost(options: HostOptions): Promise<Host> {
  const secret = randomBytes(32).toString('base64url');
  const firstCode = options.code ?? randomBytes(32).toString('base64url');
  let code: string | null = firstCode;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  // Node checks the header and request timeouts on this interval (30 s by default).
  const server = createServer({ connectionsCheckingInterval: Math.min(2_000, timeouts.headers / 2) });
  server.headersTimeout = timeouts.headers;
  server.requestTimeout = timeouts.request;
  server.keepAliveTimeout = timeouts.keepAlive;
  const streams = new Set<ServerResponse>();
  let port = 0;

  server.on('request', (req, res) => {
    handle(req, res).catch((err) => send(res, 500, { ok: false, error: { code: 'INTERNAL', message: String(err?.message ?? err) } }));
  });

  const signedIn = (req: IncomingMessage) => tokenOk(readCookie(req.headers.cookie, sessionCookieName(port)), secret);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    if (!hostOk(req, port)) return forbidden(res, 'unexpected Host header');
    if (!originOk(req, port)) return forbidden(res, 'cross-origin request refused');
    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'malformed URL' } });
    }

    if (pathname.startsWith('/api/')) {
      if (!signedIn(req)) return forbidden(res, NOT_SIGNED_IN);
      if (pathname === '/api/events' && req.method === 'GET') return events(res);
      if (req.method !== 'POST') return send(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'POST only' } });
      if (mediaType(req.headers['content-type']) !== 'application/json') {
        return send(res, 415, { ok: false, error: { code: 'BAD_REQUEST', message: 'JSON only' } });
      }
      const body = await readBody(req);
      if (body === null) return send(res, 413, { ok: false, error: { code: 'BAD_REQUEST', message: `body larger than ${MAX_BODY} bytes` } });
      let payload: unknown;
      try {
        payload = body.length ? JSON.parse(body) : {};
      } catch {
        return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'body is not JSON' } });
      }
      // A call that waits for the index answers NOT_READY after HOLD_MS and the page asks again:
      // held for a whole cold index, a few such calls would take every connection the browser
      // keeps to this host (six) and stall the ones that answer at once.
      return send(res, 200, await options.api.dispatch(pathname.slice(5), payload, { waitMs: HOLD_MS }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'GET only' } });
    if (url.searchParams.has('code')) return signIn(res, url);
    if (pathname.startsWith('/file/')) return signedIn(req) ? file(res, pathname.slice(6)) : forbidden(res, NOT_SIGNED_IN);
    return asset(res, url.pathname);
  }

  /** Exchanges the one-time code for the session cookie, then drops the code from the address bar. */
  function signIn(res: ServerResponse, url: URL): void {
    if (code !== null && tokenOk(url.searchParams.get('code'), code)) {
      code = null;
      res.setHeader('Set-Cookie', sessionCookie(port, secret));
    }
    url.searchParams.delete('code');
    res.writeHead(303, { Location: url.pathname + url.search, 'Cache-Control': 'no-store' });
    res.end();
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

  async function file(res: ServerResponse, id: string): Promise<void> {
    const served = await serveVaultFile((i) => options.api.filePath(i), id);
    if (!served.ok) return send(res, served.status, { ok: false, error: { code: 'NOTE_NOT_FOUND', message: served.message } });
    res.writeHead(200, { 'Content-Type': CONTENT_TYPES[served.ext], 'Cache-Control': 'no-store', 'Content-Security-Policy': "default-src 'none'" });
    res.end(served.bytes);
  }

  async function asset(res: ServerResponse, pathname: string): Promise<void> {
    const index = path.join(options.rendererDir, 'index.html');
    let abs: string;
    try {
      abs = path.resolve(options.rendererDir, '.' + path.posix.normalize('/' + decodeURIComponent(pathname)));
    } catch {
      return send(res, 400, { ok: false, error: { code: 'BAD_REQUEST', message: 'malformed URL' } });
    }
    const inside = !path.relative(options.rendererDir, abs).startsWith('..');
    let target: string;
    if (inside && (await isFile(abs))) target = abs;
    else if (!path.extname(pathname))
      target = index; // client-side route
    else return send(res, 404, { ok: false, error: { code: 'NOTE_NOT_FOUND', message: 'not found' } });
    const data = await readFile(target);
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
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    loginUrl: `${url}?code=${firstCode}`,
    port,
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

/**
 * The body as text, or null when it is over MAX_BODY. An oversized body is still read to its end
 * (and dropped), so the client gets its 413 instead of a reset connection; requestTimeout bounds
 * how long that can take.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
