// README.md house rule 6: domain code never imports 'electron'. Only the three files that need the
// runtime may; everything else (ipc, protocol, menu, settings) takes Electron objects as arguments
// so its tests run under Node — loading the real 'electron' package here would also try to
// download its binary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const MAY_IMPORT_ELECTRON = new Set(['main.ts', 'window.ts', 'preload.ts']);

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts'))
    .map((e) => path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`));
}

// A value import: `import x from 'electron'`, `import { a, type B } from 'electron'`, require(), import().
const VALUE_IMPORT = /^\s*import\s+(?!type\s)[^;]*?from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/m;

test('only main.ts, window.ts and preload.ts import electron at run time', async () => {
  const offenders: string[] = [];
  for (const file of await sources(here)) {
    const rel = path.relative(here, file);
    if (MAY_IMPORT_ELECTRON.has(rel) || rel === 'main.test.ts') continue;
    if (VALUE_IMPORT.test(await readFile(file, 'utf8'))) offenders.push(rel);
  }
  assert.deepEqual(offenders, []);
});

test('the pattern catches what it should', () => {
  assert.match("import { app } from 'electron';", VALUE_IMPORT);
  assert.match("import { app, type App } from 'electron';", VALUE_IMPORT);
  assert.match("const { app } = require('electron');", VALUE_IMPORT);
  assert.doesNotMatch("import type { App } from 'electron';", VALUE_IMPORT);
  assert.doesNotMatch("// Never imports 'electron'", VALUE_IMPORT);
});

// ---- main.ts + window.ts wired against a stand-in for Electron ------------------------------
// No Electron binary is needed: out/main.cjs is built from main.ts and loaded with `electron`
// resolved to the fake below, which records what the main process asks of it.

class FakeWebContents extends EventEmitter {
  sent: Array<[string, unknown]> = [];
  openHandler: ((d: { url: string }) => { action: string }) | null = null;
  send(channel: string, value: unknown) {
    this.sent.push([channel, value]);
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h;
  }
}

function fakeElectron(userData: string) {
  const log = {
    external: [] as string[],
    privileged: [] as unknown[],
    schemes: new Map<string, (r: Request) => Promise<Response>>(),
    menus: [] as unknown[],
    messages: [] as unknown[],
  };
  const ipc = new Map<string, (event: unknown, payload: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>>();
  const permissions = { request: null as null | ((...a: unknown[]) => void), check: null as null | ((...a: unknown[]) => boolean) };
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: () => Promise.resolve(),
    getPath: () => userData,
    getVersion: () => '0.0.0-test',
    requestSingleInstanceLock: () => true,
    sandboxed: false,
    enableSandbox() {
      this.sandboxed = true;
    },
    setAppUserModelId: () => undefined,
    quit: () => undefined,
    exit: () => undefined,
  });
  class BrowserWindow extends EventEmitter {
    static all: BrowserWindow[] = [];
    webContents = new FakeWebContents();
    url = '';
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      super();
      app.emit('web-contents-created', {}, this.webContents);
      BrowserWindow.all.push(this);
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    getNormalBounds = () => ({ x: 11, y: 22, width: 1001, height: 701 });
    isMaximized = () => false;
    isMinimized = () => false;
    isDestroyed = () => false;
    maximize = () => undefined;
    show = () => undefined;
    restore = () => undefined;
    focus = () => undefined;
  }
  const electron = {
    app,
    BrowserWindow,
    ipcMain: { handle: (ch: string, h: never) => void ipc.set(ch, h), removeHandler: (ch: string) => void ipc.delete(ch) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => void log.privileged.push(s),
      handle: (scheme: string, h: (r: Request) => Promise<Response>) => void log.schemes.set(scheme, h),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: never) => void (permissions.request = h),
        setPermissionCheckHandler: (h: never) => void (permissions.check = h),
        setDevicePermissionHandler: () => undefined,
      },
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => void log.menus.push(m) },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showMessageBox: async (...a: unknown[]) => void log.messages.push(a),
      showErrorBox: (...a: unknown[]) => void log.messages.push(a),
    },
    shell: { openExternal: async (url: string) => void log.external.push(url) },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    nativeTheme: { shouldUseDarkColors: false },
  };
  return { electron, app, BrowserWindow, ipc, log, permissions };
}

async function until<T>(probe: () => T | undefined | null | false, what: string, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('main process: window locked down, IPC served, menu and events reach the window', async () => {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'cairn-main-'));
  const vault = path.join(tmp, 'vault');
  const other = path.join(tmp, 'other');
  await cp(path.join(here, '..', 'notes'), vault, { recursive: true });
  await mkdir(other);
  await mkdir(path.join(vault, 'attachments'), { recursive: true });
  await writeFile(path.join(vault, 'attachments', 'pic.png'), 'png-bytes');
  await writeFile(path.join(other, 'only.md'), '# Only\n#solo');
  await mkdir(path.join(tmp, 'out', 'renderer'), { recursive: true });
  await writeFile(path.join(tmp, 'out', 'renderer', 'index.html'), '<!doctype html>');
  // main.cjs and the index worker it starts, built the way electron/build.mjs builds them; the
  // worker requires the file watcher from node_modules, as in a checkout.
  await symlink(path.join(here, '..', 'node_modules'), path.join(tmp, 'node_modules'), 'junction');
  for (const [entry, outfile] of [
    ['main.ts', 'main.cjs'],
    ['api-worker-entry.ts', 'api-worker-entry.cjs'],
  ]) {
    await build({
      entryPoints: [path.join(here, entry)],
      outfile: path.join(tmp, 'out', outfile),
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      external: ['electron', '@parcel/watcher'],
      logLevel: 'silent',
      define: { 'import.meta.url': '__cairn_import_meta_url' },
      banner: { js: "const __cairn_import_meta_url = require('url').pathToFileURL(__filename).href;" },
    });
  }

  const fake = fakeElectron(path.join(tmp, 'profile'));
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const argv = process.argv;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : original.call(this, request, ...rest);
  };
  process.argv = [argv[0]!, path.join(tmp, 'out', 'main.cjs'), '--vault', vault];
  try {
    createRequire(import.meta.url)(path.join(tmp, 'out', 'main.cjs'));
  } finally {
    loader._load = original;
    process.argv = argv;
  }
  const win = await until(() => fake.BrowserWindow.all[0], 'the window');
  const wc = win.webContents;
  try {
    // The window: secure options, our preload, the app origin.
    const prefs = win.options.webPreferences;
    for (const [k, v] of Object.entries({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, spellcheck: false })) {
      assert.equal(prefs[k], v, k);
    }
    assert.equal(prefs.preload, path.join(tmp, 'out', 'preload.cjs'));
    assert.equal(win.url, 'app://cairn/index.html');
    assert.ok(fake.app.sandboxed, 'app.enableSandbox()');

    // Scheme and CSP.
    assert.deepEqual(
      (fake.log.privileged[0] as Array<{ scheme: string }>).map((s) => s.scheme),
      ['app'],
    );
    const page = await fake.log.schemes.get('app')!(new Request('app://cairn/index.html'));
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);

    // Guards installed on every web contents.
    const nav = (url: string) => {
      let prevented = false;
      wc.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    assert.equal(nav('app://cairn/index.html#/note/x'), false);
    assert.equal(nav('https://docs.aws.amazon.com/'), true);
    assert.equal(nav('file:///etc/passwd'), true);
    assert.deepEqual(wc.openHandler!({ url: 'https://example.com/' }), { action: 'deny' });
    assert.deepEqual(wc.openHandler!({ url: 'file:///etc/passwd' }), { action: 'deny' });
    assert.deepEqual(fake.log.external, ['https://docs.aws.amazon.com/', 'https://example.com/']);
    let webviewBlocked = false;
    wc.emit('will-attach-webview', { preventDefault: () => (webviewBlocked = true) });
    assert.ok(webviewBlocked);
    let granted: unknown;
    fake.permissions.request!(wc, 'media', (ok: unknown) => (granted = ok));
    assert.equal(granted, false);
    assert.equal(fake.permissions.check!(wc, 'clipboard-read'), false);

    // IPC: every op, sender checked, vault from --vault.
    const trusted = { senderFrame: { url: 'app://cairn/index.html' } };
    const info = await fake.ipc.get('cairn:vaultInfo')!(trusted, {});
    assert.equal(info.ok, true);
    assert.equal(path.basename((info.value as { root: string }).root), 'vault');
    const forbidden = await fake.ipc.get('cairn:vaultInfo')!({ senderFrame: { url: 'https://evil.example/' } }, {});
    assert.equal(forbidden.error?.code, 'FORBIDDEN');
    const note = await fake.ipc.get('cairn:getNote')!(trusted, { id: 'aws/cost-sagemaker-processing-optimization.md' });
    assert.equal(note.ok, true);

    // Vault images reach the page through the app protocol, by the same guard as the host's /file/.
    const image = await fake.log.schemes.get('app')!(new Request('app://cairn/file/attachments%2Fpic.png'));
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.equal(await image.text(), 'png-bytes');
    assert.equal((await fake.log.schemes.get('app')!(new Request('app://cairn/file/..%2Fout%2Fmain.cjs'))).status, 404);

    // Menu commands and mouse buttons reach the page as commands.
    const menu = fake.log.menus.at(-1) as Array<{ submenu?: Array<{ id?: string; click?: () => void }> }>;
    const item = menu.flatMap((m) => m.submenu ?? []).find((i) => i.id === 'quick-switcher')!;
    item.click!();
    win.emit('app-command', {}, 'browser-backward');
    win.emit('app-command', {}, 'browser-forward');
    assert.deepEqual(
      wc.sent.filter(([c]) => c === 'cairn:command').map(([, v]) => v),
      ['quickSwitcher', 'back', 'forward'],
    );

    // A file written into the vault becomes a vault event for the page.
    await new Promise((r) => setTimeout(r, 300));
    await writeFile(path.join(vault, 'fresh-note.md'), '# Fresh');
    await until(() => wc.sent.some(([c, e]) => c === 'cairn:event' && (e as { id?: string }).id === 'fresh-note.md'), 'the add event');

    // A second launch with --vault opens that vault here.
    fake.app.emit('second-instance', {}, ['cairn', '--vault', other], tmp, { vault: other });
    await until(() => wc.sent.some(([c, v]) => c === 'cairn:command' && v === 'vaultOpened'), 'vaultOpened');
    const switched = await fake.ipc.get('cairn:noteList')!(trusted, {});
    assert.deepEqual(switched.value, [{ id: 'only.md', title: 'only' }]);

    // Closing the window saves its bounds; the recent list has both vaults.
    win.emit('close');
    const saved = JSON.parse(await readFile(path.join(tmp, 'profile', 'settings.json'), 'utf8'));
    assert.deepEqual(saved.window, { x: 11, y: 22, width: 1001, height: 701, maximized: false });
    assert.equal(saved.recentVaults.length, 2);
    assert.equal(path.basename(saved.lastVault), 'other');
  } finally {
    // Let the start-up vault finish opening (IPC waits for it), or its watcher outlives the quit.
    await fake.ipc.get('cairn:vaultInfo')?.({ senderFrame: { url: 'app://cairn/' } }, {});
    fake.app.emit('before-quit');
    await new Promise((r) => setTimeout(r, 100));
    await rm(tmp, { recursive: true, force: true });
  }
});
