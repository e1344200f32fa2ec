// Serves out/renderer/ at app://cairn/ and says which URLs are the app's own.
//
// Why a custom scheme and not file://: under file:// every local file shares the page's origin
// (a note could point an <img> or a navigation at any path on disk), origin checks on IPC senders
// and navigations would have to compare paths rather than one origin, and there is no response
// to put a CSP header on. A privileged standard scheme gives the renderer a real origin of its
// own, served only from out/renderer, with the CSP on every response.
//
// Vault images are served at app://cairn/file/<id> through the same guard as the host's /file/
// (serveVaultFile: re-checked at request time, no link followed, regular files, a size cap).
//
// Only type imports from 'electron': the protocol object is passed in, so tests run under Node.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY, CONTENT_TYPES } from './web-assets.ts';
import { serveVaultFile } from './domain/vault/open-vault-file.ts';
import type { ApiPort } from './api-port.ts';

/** What the protocol needs of the API: where a vault file is (ApiWorkerClient or AppApi). */
export type VaultFiles = Pick<ApiPort, 'filePath'>;

export const APP_SCHEME = 'app';
export const APP_HOST = 'cairn';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export { CONTENT_SECURITY_POLICY };

/**
 * standard: parsed like http (host, relative URLs, a real origin app://cairn); secure: treated
 * like https (secure context). The renderer's module script is a same-origin load, which needs no
 * CORS privilege; corsEnabled is left off on purpose, because for a custom scheme it lets other
 * origins read responses without any Access-Control-Allow-Origin check (electron/electron#52912).
 * No bypassCSP, no stream or service-worker privileges either.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** True only for URLs of the app's own origin (app://cairn/…). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  // Node's URL reports origin 'null' for non-special schemes, so compare the parts.
  return u.protocol === `${APP_SCHEME}:` && u.hostname.toLowerCase() === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** Links the OS browser may open: plain http(s) only (no file:, javascript:, custom schemes). */
export function isExternalHttpUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** The file under `root` that a URL path names, or null when it would leave `root`. */
export function resolveRendererPath(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  // No asset name has a backslash or NUL; refusing them makes the guard the same on every OS.
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  if (path.isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null;
  const abs = path.resolve(root, rel);
  const back = path.relative(root, abs);
  if (back === '' || back === '..' || back.startsWith('..' + path.sep) || path.isAbsolute(back)) return null;
  return abs;
}

function headers(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

function refuse(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

/** Answers one app:// request: a vault file under /file/ (when `files` is given), else the renderer under `root`. */
export async function serveRendererRequest(root: string, request: Request, files?: VaultFiles): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'method not allowed');
  if (!isAppUrl(request.url)) return refuse(403, 'forbidden');
  const pathname = new URL(request.url).pathname;
  if (files && pathname.startsWith('/file/')) return vaultFile(files, pathname.slice(6), request.method === 'HEAD');
  const file = resolveRendererPath(root, pathname);
  if (!file) return refuse(403, 'forbidden');
  let body: Buffer;
  let served = file;
  try {
    body = await readFile(file);
  } catch {
    // A path without an extension is an in-app route (a reload after history.pushState): serve the shell.
    if (path.extname(file) !== '') return refuse(404, 'not found');
    served = path.join(root, 'index.html');
    try {
      body = await readFile(served);
    } catch {
      return refuse(404, 'not found');
    }
  }
  const type = CONTENT_TYPES[path.extname(served).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
}

async function vaultFile(files: VaultFiles, encodedId: string, head: boolean): Promise<Response> {
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    return refuse(400, 'bad request');
  }
  const served = await serveVaultFile((i) => files.filePath(i), id);
  if (!served.ok) return refuse(served.status, served.message);
  const type = CONTENT_TYPES[served.ext] ?? 'application/octet-stream';
  return new Response(head ? null : new Uint8Array(served.bytes), {
    status: 200,
    headers: { ...headers(type), 'Content-Security-Policy': "default-src 'none'" },
  });
}

/** Call once after app 'ready'; the scheme itself is registered before (APP_SCHEME_PRIVILEGES). */
export function handleAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string, files?: VaultFiles): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(rendererRoot, request, files));
}
