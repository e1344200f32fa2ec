// Checks every request to the local host must pass (SECURITY.md): loopback Host header
// (DNS rebinding), same Origin (other web pages), and the session cookie that only a browser
// which opened the printed sign-in URL holds.
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

/** Constant-time comparison of a secret; any other string (wrong length, non-ASCII) is simply false. */
export function tokenOk(given: unknown, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Cookies are per host, not per port (RFC 6265 §8.5): two `cairn serve` on 127.0.0.1 would
 * overwrite each other's cookie, so the name carries the port.
 */
export function sessionCookieName(port: number): string {
  return `cairn-session-${port}`;
}

/** The Set-Cookie value: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), whole host. */
export function sessionCookie(port: number, secret: string): string {
  return `${sessionCookieName(port)}=${secret}; HttpOnly; SameSite=Strict; Path=/`;
}

/**
 * The value of cookie `name` in a Cookie header (`a=1; b=2`, RFC 6265 §5.4). Hand-written: one
 * split on `;` for one cookie whose value is base64url, where a cookie library would add a
 * dependency for no gain.
 */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The media type of a Content-Type header, without parameters, lower-case (`application/json`). */
export function mediaType(header: string | undefined): string {
  return String(header ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}
