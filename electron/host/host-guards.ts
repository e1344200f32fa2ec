// Checks every request to the local host must pass (SECURITY.md): loopback Host header
// (DNS rebinding), same Origin (other web pages), and the per-launch token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** Host must name this server on loopback; a rebinding attack arrives with another name. */
export function hostOk(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).has(String(req.headers.host ?? '').toLowerCase());
}

/** A browser sends Origin on cross-origin requests and on every POST: it must be our own. */
export function originOk(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.method === 'GET' || req.method === 'HEAD';
  return [...allowedHosts(port)].some((h) => origin === `http://${h}`);
}

export function tokenOk(given: unknown, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}
