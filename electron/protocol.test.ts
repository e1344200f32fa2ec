import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  handleAppProtocol,
  isAppUrl,
  isExternalHttpUrl,
  resolveRendererPath,
  serveRendererRequest,
} from './protocol.ts';
import { AppApi } from './app-api.ts';

describe('isAppUrl: only the app origin', () => {
  const cases: Array<[string | null | undefined, boolean]> = [
    ['app://cairn/index.html', true],
    ['app://cairn/', true],
    ['app://cairn/notes/x?y#z', true],
    ['APP://CAIRN/index.html', true],
    ['app://evil/index.html', false],
    ['app://cairn.evil/index.html', false],
    ['app://cairn:8080/index.html', false],
    ['app://user:pw@cairn/index.html', false],
    ['file:///work/out/renderer/index.html', false],
    ['http://cairn/index.html', false],
    ['https://example.com/', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['about:blank', false],
    ['', false],
    [null, false],
    [undefined, false],
    ['not a url', false],
  ];
  for (const [url, want] of cases) test(String(url), () => assert.equal(isAppUrl(url), want));
});

describe('isExternalHttpUrl', () => {
  const cases: Array<[string, boolean]> = [
    ['https://docs.aws.amazon.com/sagemaker/', true],
    ['http://example.com', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['app://cairn/index.html', false],
    ['mailto:a@b.c', false],
    ['smb://host/share', false],
    ['https://', false],
  ];
  for (const [url, want] of cases) test(url, () => assert.equal(isExternalHttpUrl(url), want));
});

describe('resolveRendererPath refuses paths that leave out/renderer', () => {
  const root = path.resolve('/srv/out/renderer');
  const inside: Array<[string, string]> = [
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/main.js', 'main.js'],
    ['/assets/font.woff2', 'assets/font.woff2'],
    ['/a/../main.css', 'main.css'],
    ['/%6Dain.js', 'main.js'],
  ];
  for (const [p, rel] of inside) test(`${p} → ${rel}`, () => assert.equal(resolveRendererPath(root, p), path.join(root, rel)));

  const outside = [
    '/..',
    '/../main.cjs',
    '/../../../etc/passwd',
    '/..%2F..%2Fetc%2Fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%5C..%5Cwindows',
    '//etc/passwd/../../..',
    '/assets/../../preload.cjs',
    '/%00index.html',
    '/%E0%A4%A',
    '/C:%5Cwindows',
  ];
  for (const p of outside) {
    test(`refuses ${p}`, () => assert.equal(resolveRendererPath(root, p), null));
  }
});

describe('serveRendererRequest', () => {
  let root: string;
  let base: string;
  before(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'cairn-protocol-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    await writeFile(path.join(root, 'main.js'), 'console.log(1)');
    await writeFile(path.join(base, 'secret.txt'), 'outside the renderer');
  });
  after(() => rm(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => serveRendererRequest(root, new Request(url, { method }));

  test('index.html with the CSP header and nosniff', async () => {
    const r = await get(APP_ENTRY_URL);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(r.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.match(await r.text(), /main\.js/);
  });

  test('the CSP keeps rule 7 and forbids eval and inline script', () => {
    for (const d of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'"]) {
      assert.ok(CONTENT_SECURITY_POLICY.includes(d), d);
    }
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-eval|unsafe-inline|\*/);
  });

  test('scripts are served as JavaScript', async () => {
    const r = await get('app://cairn/main.js');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/javascript; charset=utf-8');
  });

  test('a file next to out/renderer is refused', async () => {
    const r = await get('app://cairn/..%2Fsecret.txt');
    assert.equal(r.status, 403);
    assert.doesNotMatch(await r.text(), /outside/);
  });

  test('another host of the scheme is refused', async () => {
    assert.equal((await get('app://other/index.html')).status, 403);
  });

  test('missing asset → 404; extensionless route → the app shell', async () => {
    assert.equal((await get('app://cairn/missing.js')).status, 404);
    const r = await get('app://cairn/note/aws');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'text/html; charset=utf-8');
  });

  test('only GET and HEAD', async () => {
    assert.equal((await get('app://cairn/index.html', 'POST')).status, 405);
    const head = await get('app://cairn/index.html', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('handleAppProtocol registers the app scheme on the protocol object', async () => {
    const handlers = new Map<string, (r: Request) => Promise<Response> | Response>();
    handleAppProtocol({ handle: (scheme, h) => void handlers.set(scheme, h as never) }, root);
    assert.deepEqual([...handlers.keys()], ['app']);
    assert.equal((await handlers.get('app')!(new Request(APP_ENTRY_URL))).status, 200);
  });
});

describe('vault files at app://cairn/file/ (the same guard as the host)', () => {
  let base: string;
  let api: AppApi;
  const get = (id: string) => serveRendererRequest(path.join(base, 'renderer'), new Request(`app://cairn/file/${encodeURIComponent(id)}`), api);
  before(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'cairn-protocol-files-'));
    await mkdir(path.join(base, 'renderer'));
    await mkdir(path.join(base, 'vault', 'img'), { recursive: true });
    await writeFile(path.join(base, 'vault', 'a.md'), '# A\n![[pic.png]]');
    await writeFile(path.join(base, 'vault', 'img', 'pic.png'), 'png-bytes');
    await writeFile(path.join(base, 'vault', 'swapped.png'), 'inside');
    await writeFile(path.join(base, 'outside.png'), 'outside-secret');
    api = new AppApi({ canOpenVault: false, watch: false, dataDir: path.join(base, 'data'), device: 't' });
    await api.open(path.join(base, 'vault'));
  });
  after(() => rm(base, { recursive: true, force: true }));

  test('an image of the vault is served with its type', async () => {
    const r = await get('img/pic.png');
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/png');
    assert.equal(await r.text(), 'png-bytes');
  });

  test('an image swapped for a link to an outside file after the scan is not served', async () => {
    await rm(path.join(base, 'vault', 'swapped.png'));
    await symlink(path.join(base, 'outside.png'), path.join(base, 'vault', 'swapped.png'));
    const r = await get('swapped.png');
    assert.equal(r.status, 404);
    assert.doesNotMatch(await r.text(), /outside-secret/);
  });

  test('notes, unknown ids and ids that climb out are not served', async () => {
    for (const id of ['a.md', 'nope.png', '../outside.png']) assert.equal((await get(id)).status, 404, id);
    assert.equal((await serveRendererRequest(path.join(base, 'renderer'), new Request('app://cairn/file/%E0%A4%A'), api)).status, 400);
  });
});
