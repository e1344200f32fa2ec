import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { AppApi } from '../app-api.ts';
import { startHost, type Host } from './host-server.ts';

const CODE = 'c'.repeat(43);
/** The session cookie (`name=value`) that signing in with CODE gave. */
let COOKIE = '';
let dir: string;
let host: Host;
let api: AppApi;

/** A raw HTTP request, so Host and Origin can be set the way an attacker would. */
function call(
  method: string,
  pathname: string,
  opts: { headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method, path: pathname, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** Writes `raw` on a socket and waits: 'closed' when the server closes it within 4 s, else 'open'. */
function socketLife(raw: string): Promise<'closed' | 'open'> {
  return new Promise((resolve) => {
    const socket = connect(host.port, '127.0.0.1', () => socket.write(raw));
    const timer = setTimeout(() => {
      socket.destroy();
      resolve('open');
    }, 4000);
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
  });
}

const origin = () => `http://127.0.0.1:${host.port}`;
const good = (): Record<string, string> => ({ 'content-type': 'application/json', cookie: COOKIE, origin: origin(), host: `127.0.0.1:${host.port}` });
const hostOnly = () => ({ host: `127.0.0.1:${host.port}` });
const withCookie = () => ({ ...hostOnly(), cookie: COOKIE });

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-host-'));
  await mkdir(path.join(dir, 'vault/sub'), { recursive: true });
  await mkdir(path.join(dir, 'renderer'));
  await writeFile(path.join(dir, 'renderer/index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  await writeFile(path.join(dir, 'renderer/main.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'vault/a.md'), '# A\n[[b]]');
  await writeFile(path.join(dir, 'vault/sub/b.md'), '# B');
  await writeFile(path.join(dir, 'secret.md'), 'outside the vault');
  await writeFile(path.join(dir, 'vault/pic.png'), 'png-bytes');
  for (const name of ['link.png', 'fifo.png', 'folder.png', 'zero.png']) await writeFile(path.join(dir, 'vault', name), 'png-bytes');
  api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(dir, 'data'), device: 'test' });
  await api.open(path.join(dir, 'vault'));
  host = await startHost({ api, rendererDir: path.join(dir, 'renderer'), code: CODE, timeouts: { headers: 500, request: 1000, keepAlive: 500 } });
  const signIn = await call('GET', `/?code=${CODE}`, { headers: hostOnly() });
  COOKIE = String((signIn.headers['set-cookie'] as string[])[0]).split(';')[0]!;
});
after(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('local host', () => {
  test('binds to loopback only', () => assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/$/));

  test('the page holds no credential, and has a strict CSP', async () => {
    for (const headers of [hostOnly(), withCookie()]) {
      const r = await call('GET', '/', { headers });
      assert.equal(r.status, 200);
      assert.equal(r.headers['set-cookie'], undefined);
      assert.doesNotMatch(r.body, new RegExp(`${CODE}|${COOKIE.split('=')[1]}|cairn-token`));
      assert.match(String(r.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
      assert.doesNotMatch(String(r.headers['content-security-policy']), /unsafe-eval|unsafe-inline/);
    }
  });

  test('the one-time code becomes an HttpOnly, SameSite=Strict session cookie, once', async () => {
    const [name, value] = COOKIE.split('=');
    assert.equal(name, `cairn-session-${host.port}`);
    assert.match(value!, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(value, CODE);
    // The first sign-in (in before()) redirected to the page without the code; a second use gets no cookie.
    const again = await call('GET', `/?code=${CODE}`, { headers: hostOnly() });
    assert.equal(again.status, 303);
    assert.equal(again.headers.location, '/');
    assert.equal(again.headers['set-cookie'], undefined);
    const wrong = await call('GET', `/note/x?code=${'d'.repeat(43)}&y=1`, { headers: hostOnly() });
    assert.equal(wrong.headers['set-cookie'], undefined);
    assert.equal(wrong.headers.location, '/note/x?y=1');
  });

  test('a fresh host: sign-in sets the cookie with its attributes', async () => {
    const other = await startHost({ api, rendererDir: path.join(dir, 'renderer') });
    try {
      const code = new URL(other.loginUrl).searchParams.get('code')!;
      assert.match(code, /^[A-Za-z0-9_-]{43}$/);
      const r = await new Promise<{ headers: Record<string, unknown> }>((resolve, reject) => {
        request({ host: '127.0.0.1', port: other.port, path: `/?code=${code}`, headers: { host: `127.0.0.1:${other.port}` } }, (res) => {
          res.resume();
          resolve({ headers: res.headers });
        })
          .on('error', reject)
          .end();
      });
      assert.match(
        String((r.headers['set-cookie'] as string[])[0]),
        new RegExp(`^cairn-session-${other.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
      );
    } finally {
      await other.close();
    }
  });

  test('an API call with the session cookie works', async () => {
    const r = await call('POST', '/api/noteList', { headers: good(), body: '{}' });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), {
      ok: true,
      value: [
        { id: 'a.md', title: 'a' },
        { id: 'sub/b.md', title: 'b' },
      ],
    });
  });

  test('refuses a missing or wrong cookie (a non-ASCII one of the right length too) with 403', async () => {
    const [name, value] = COOKIE.split('=') as [string, string];
    const cookies = [
      undefined,
      '',
      `${name}=`,
      `${name}=wrong`,
      `${name}=${value.slice(1)}`,
      `${name}=${value}x`,
      `${name}=${'é'.repeat(value.length)}`,
      `cairn-session-1=${value}`,
      `x-cairn-token=${value}`,
    ];
    for (const cookie of cookies) {
      const headers = { ...good() };
      if (cookie === undefined) delete headers.cookie;
      else headers.cookie = cookie;
      const r = await call('POST', '/api/noteList', { headers, body: '{}' });
      assert.equal(r.status, 403, String(cookie));
      assert.equal(JSON.parse(r.body).error.code, 'FORBIDDEN');
      assert.match(JSON.parse(r.body).error.message, /open the URL that `cairn serve` printed/);
    }
    assert.equal((await call('GET', '/api/events', { headers: hostOnly() })).status, 403);
  });

  test('refuses other Origins, and POSTs without an Origin', async () => {
    for (const o of ['https://evil.example', 'http://localhost.evil.example', 'null', `http://127.0.0.1:${host.port + 1}`]) {
      const r = await call('POST', '/api/noteList', { headers: { ...good(), origin: o }, body: '{}' });
      assert.equal(r.status, 403, o);
    }
    const { origin: _o, ...noOrigin } = good();
    assert.equal((await call('POST', '/api/noteList', { headers: noOrigin, body: '{}' })).status, 403);
  });

  test('refuses other Host headers (DNS rebinding)', async () => {
    for (const h of ['evil.example', `evil.example:${host.port}`, `127.0.0.1:1`, `localhost.evil.example:${host.port}`]) {
      const r = await call('GET', '/', { headers: { host: h } });
      assert.equal(r.status, 403, h);
      assert.doesNotMatch(r.body, new RegExp(CODE));
    }
  });

  test('ids that leave the vault are refused', async () => {
    for (const id of ['../secret.md', '/etc/passwd', 'sub/../../secret.md', '..\\secret.md', 'C:/Windows/win.ini']) {
      const r = JSON.parse((await call('POST', '/api/getNote', { headers: good(), body: JSON.stringify({ id }) })).body);
      assert.equal(r.ok, false, id);
      assert.ok(['BAD_REQUEST', 'OUTSIDE_VAULT', 'NOTE_NOT_FOUND'].includes(r.error.code), `${id}: ${r.error.code}`);
      assert.doesNotMatch(JSON.stringify(r), /outside the vault/);
    }
  });

  test('static files never leave the renderer folder', async () => {
    for (const p of ['/../secret.md', '/%2e%2e/secret.md', '/..%2fsecret.md', '/vault/a.md']) {
      const r = await call('GET', p, { headers: { host: `127.0.0.1:${host.port}` } });
      assert.doesNotMatch(r.body, /outside the vault|# A/, p);
    }
  });

  test('vault images need the session cookie and stay inside the vault', async () => {
    const ok = await call('GET', '/file/pic.png', { headers: withCookie() });
    assert.equal(ok.status, 200);
    assert.equal(ok.body, 'png-bytes');
    assert.equal((await call('GET', '/file/pic.png', { headers: hostOnly() })).status, 403);
    assert.equal((await call('GET', `/file/${encodeURIComponent('../secret.md')}`, { headers: withCookie() })).status, 404);
    assert.equal((await call('GET', '/file/a.md', { headers: withCookie() })).status, 404, 'only images are served');
  });

  test('an image swapped after the scan for a link out, a FIFO or a folder is not served, and nothing blocks', { timeout: 15_000 }, async () => {
    const h = withCookie();
    const swaps: Array<[string, () => Promise<void>]> = [
      ['link.png', () => symlink(path.join(dir, 'secret.md'), path.join(dir, 'vault/link.png'))],
      ['fifo.png', async () => void execFileSync('mkfifo', [path.join(dir, 'vault/fifo.png')])],
      ['folder.png', () => mkdir(path.join(dir, 'vault/folder.png'))],
      ['zero.png', () => symlink('/dev/zero', path.join(dir, 'vault/zero.png'))],
    ];
    for (const [name, swap] of swaps) {
      assert.equal((await call('GET', `/file/${name}`, { headers: h })).status, 200, `${name} is served before the swap`);
      await rm(path.join(dir, 'vault', name));
      await swap();
      const r = await call('GET', `/file/${name}`, { headers: h });
      assert.equal(r.status, 404, name);
      assert.doesNotMatch(r.body, /outside the vault/);
    }
  });

  test('malformed payloads get error codes, never a crash', async () => {
    const cases: Array<[string, string, number, string]> = [
      ['/api/getNote', 'not json', 400, 'BAD_REQUEST'],
      ['/api/getNote', '{"id": 5}', 200, 'BAD_REQUEST'],
      ['/api/getNote', '{"id": "a.md", "extra": 1}', 200, 'BAD_REQUEST'],
      ['/api/search', '{"query": "x", "limit": 1e9}', 200, 'BAD_REQUEST'],
      ['/api/nope', '{}', 200, 'UNKNOWN_OPERATION'],
      ['/api/__proto__', '{}', 200, 'UNKNOWN_OPERATION'],
      ['/api/reviewCard', '{"cardId": "x", "rating": 9}', 200, 'BAD_REQUEST'],
    ];
    for (const [p, body, status, code] of cases) {
      const r = await call('POST', p, { headers: good(), body });
      assert.equal(r.status, status, `${p} ${body}`);
      assert.equal(JSON.parse(r.body).error.code, code, `${p} ${body}`);
    }
  });

  test('a body over 1 MB is answered 413 (read and dropped, not a reset connection)', async () => {
    const big = await call('POST', '/api/search', { headers: good(), body: JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }) });
    assert.equal(big.status, 413);
    assert.equal(JSON.parse(big.body).error.code, 'BAD_REQUEST');
  });

  test('only the media type application/json is JSON', async () => {
    for (const type of ['application/jsonx', 'application/json-patch+json', 'text/plain', 'application/x-www-form-urlencoded', '']) {
      const r = await call('POST', '/api/noteList', { headers: { ...good(), 'content-type': type }, body: '{}' });
      assert.equal(r.status, 415, type);
    }
    for (const type of ['application/json', 'Application/JSON; charset=utf-8', 'application/json ; charset=UTF-8']) {
      assert.equal((await call('POST', '/api/noteList', { headers: { ...good(), 'content-type': type }, body: '{}' })).status, 200, type);
    }
  });

  test('malformed %-encoding in the path is 400, never 500', async () => {
    for (const p of ['/api/%E0%A4%A', '/api/%', '/file/%E0%A4%A', '/%E0%A4%A', '/assets/%zz.js']) {
      const headers = p.startsWith('/api/') ? good() : withCookie();
      const r = await call(p.startsWith('/api/') ? 'POST' : 'GET', p, { headers, body: p.startsWith('/api/') ? '{}' : undefined });
      assert.equal(r.status, 400, p);
    }
  });

  test('slow and idle sockets are closed (headers, request and keep-alive timeouts)', async () => {
    assert.deepEqual(
      await socketLife(`POST /api/noteList HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nContent-Length: 100\r\n\r\n{`),
      'closed',
      'a body that never finishes',
    );
    assert.deepEqual(await socketLife(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`), 'closed', 'headers that never finish');
    assert.deepEqual(await socketLife(`GET /nope.js HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`), 'closed', 'an idle keep-alive socket');
  });

  test('property: any JSON payload to any operation answers a Result', async () => {
    const ops = ['vaultInfo', 'noteList', 'getNote', 'search', 'quickSwitch', 'localGraph', 'openVault', 'reviewCard', 'noteCalculators'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ops), fc.jsonValue(), async (op, payload) => {
        const r = await api.dispatch(op, payload);
        assert.equal(typeof r.ok, 'boolean');
        if (!r.ok) assert.equal(typeof r.error.code, 'string');
      }),
      { numRuns: 300 },
    );
  });
});
