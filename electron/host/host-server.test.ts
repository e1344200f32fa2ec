import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { AppApi } from '../app-api.ts';
import { startHost, type Host } from './host-server.ts';

const TOKEN = 't'.repeat(43);
let dir: string;
let host: Host;
let api: AppApi;

/** A raw HTTP request, so Host and Origin can be set the way an attacker would. */
function call(method: string, pathname: string, opts: { headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
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

const origin = () => `http://127.0.0.1:${host.port}`;
const good = () => ({ 'content-type': 'application/json', 'x-cairn-token': TOKEN, origin: origin(), host: `127.0.0.1:${host.port}` });

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
  host = await startHost({ api, rendererDir: path.join(dir, 'renderer'), token: TOKEN });
});
after(async () => {
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

describe('local host', () => {
  test('binds to loopback only', () => assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/$/));

  test('serves the page with the token and a strict CSP', async () => {
    const r = await call('GET', '/', { headers: { host: `127.0.0.1:${host.port}` } });
    assert.equal(r.status, 200);
    assert.match(r.body, new RegExp(`<meta name="cairn-token" content="${TOKEN}">`));
    assert.match(String(r.headers['content-security-policy']), /default-src 'none'; script-src 'self'/);
    assert.doesNotMatch(String(r.headers['content-security-policy']), /unsafe-eval|unsafe-inline/);
  });

  test('an API call with the token works', async () => {
    const r = await call('POST', '/api/noteList', { headers: good(), body: '{}' });
    assert.equal(r.status, 200);
    assert.deepEqual(JSON.parse(r.body), { ok: true, value: [{ id: 'a.md', title: 'a' }, { id: 'sub/b.md', title: 'b' }] });
  });

  test('refuses a missing or wrong token', async () => {
    for (const token of [undefined, '', 'wrong', TOKEN.slice(1), TOKEN + 'x']) {
      const headers: Record<string, string> = { ...good() };
      if (token === undefined) delete headers['x-cairn-token'];
      else headers['x-cairn-token'] = token;
      const r = await call('POST', '/api/noteList', { headers, body: '{}' });
      assert.equal(r.status, 403, String(token));
      assert.equal(JSON.parse(r.body).error.code, 'FORBIDDEN');
    }
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
      assert.doesNotMatch(r.body, new RegExp(TOKEN));
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

  test('vault images need the token and stay inside the vault', async () => {
    const ok = await call('GET', `/file/pic.png?t=${TOKEN}`, { headers: { host: `127.0.0.1:${host.port}` } });
    assert.equal(ok.status, 200);
    assert.equal((await call('GET', '/file/pic.png', { headers: { host: `127.0.0.1:${host.port}` } })).status, 403);
    assert.equal((await call('GET', `/file/${encodeURIComponent('../secret.md')}?t=${TOKEN}`, { headers: { host: `127.0.0.1:${host.port}` } })).status, 404);
    assert.equal((await call('GET', `/file/a.md?t=${TOKEN}`, { headers: { host: `127.0.0.1:${host.port}` } })).status, 404, 'only images are served');
  });

  test('an image swapped after the scan for a link out, a FIFO or a folder is not served, and nothing blocks', { timeout: 15_000 }, async () => {
    const h = { host: `127.0.0.1:${host.port}` };
    const swaps: Array<[string, () => Promise<void>]> = [
      ['link.png', () => symlink(path.join(dir, 'secret.md'), path.join(dir, 'vault/link.png'))],
      ['fifo.png', async () => void execFileSync('mkfifo', [path.join(dir, 'vault/fifo.png')])],
      ['folder.png', () => mkdir(path.join(dir, 'vault/folder.png'))],
      ['zero.png', () => symlink('/dev/zero', path.join(dir, 'vault/zero.png'))],
    ];
    for (const [name, swap] of swaps) {
      assert.equal((await call('GET', `/file/${name}?t=${TOKEN}`, { headers: h })).status, 200, `${name} is served before the swap`);
      await rm(path.join(dir, 'vault', name));
      await swap();
      const r = await call('GET', `/file/${name}?t=${TOKEN}`, { headers: h });
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
    const big = await call('POST', '/api/search', { headers: good(), body: JSON.stringify({ query: 'x'.repeat(2 * 1024 * 1024) }) }).catch(() => ({ status: 413 }));
    assert.equal(big.status, 413);
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
