// The preload runs the way Electron runs it in a sandboxed renderer: its source wrapped in
// `function (require, process, exports, module, Buffer, global, setImmediate, clearImmediate)`
// (electron lib/sandboxed_renderer/preload.ts), with a require() that knows only 'electron',
// 'events', 'timers' and 'url' — and no __filename, __dirname or Node built-ins.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { OP_NAMES } from './contract.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const BUILT_PRELOAD = path.join(here, '..', 'out', 'preload.cjs');

function fakeRenderer() {
  const invoked: Array<[string, unknown]> = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: async (channel: string, req: unknown) => {
      invoked.push([channel, req]);
      return { ok: true, value: channel };
    },
  });
  const exposed = new Map<string, unknown>();
  const contextBridge = { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) };
  return { ipcRenderer, contextBridge, exposed, invoked };
}

function runSandboxed(source: string, electron: unknown): void {
  const modules: Record<string, unknown> = { electron, events: { EventEmitter }, timers: { setTimeout, clearTimeout } };
  const sandboxRequire = (name: string) => {
    if (name in modules) return modules[name];
    if (name === 'url') return { URL, URLSearchParams };
    throw new Error(`module not found: ${name}`);
  };
  const fn = new Function('require', 'process', 'exports', 'module', 'Buffer', 'global', 'setImmediate', 'clearImmediate', source);
  const exports = {};
  fn(sandboxRequire, new EventEmitter(), exports, { exports }, Buffer, globalThis, setImmediate, clearImmediate);
}

async function bundledPreload(): Promise<string> {
  // build.mjs's settings for the preload, without its import.meta banner (see the last test).
  const r = await build({
    entryPoints: [path.join(here, 'preload.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    write: false,
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

describe('preload in a sandboxed renderer', async () => {
  const source = await bundledPreload();
  const setup = () => {
    const r = fakeRenderer();
    runSandboxed(source, { contextBridge: r.contextBridge, ipcRenderer: r.ipcRenderer });
    const api = r.exposed.get('cairn') as Record<string, unknown> & {
      onCommand(l: (c: unknown) => void): () => void;
      onVaultEvent(l: (e: unknown) => void): () => void;
    };
    return { ...r, api };
  };

  test('exposes window.cairn and nothing else', () => {
    const { exposed } = setup();
    assert.deepEqual([...exposed.keys()], ['cairn']);
  });

  test('one verb per operation, two subscriptions, the transport name — no ipcRenderer, no invoke', () => {
    const { api, ipcRenderer } = setup();
    assert.deepEqual(Object.keys(api).sort(), [...OP_NAMES, 'onCommand', 'onVaultEvent', 'transport'].sort());
    assert.equal(api.transport, 'electron');
    for (const [key, value] of Object.entries(api)) {
      if (key === 'transport') continue;
      assert.equal(typeof value, 'function', key);
      assert.notEqual(value, ipcRenderer.invoke);
    }
    for (const forbidden of ['invoke', 'send', 'on', 'ipcRenderer', 'sendSync']) assert.ok(!(forbidden in api), forbidden);
  });

  test('each verb invokes its own cairn:<op> channel with the request', async () => {
    const { api, invoked } = setup();
    for (const op of OP_NAMES) await (api[op] as (r: unknown) => Promise<unknown>)({ probe: op });
    assert.deepEqual(
      invoked,
      OP_NAMES.map((op) => [`cairn:${op}`, { probe: op }]),
    );
  });

  test('onCommand: the listener gets the command only (never the event), junk is dropped, unsubscribe works', () => {
    const { api, ipcRenderer } = setup();
    const got: unknown[][] = [];
    const off = api.onCommand((...args: unknown[]) => void got.push(args));
    const event = { sender: ipcRenderer, ports: [] };
    ipcRenderer.emit('cairn:command', event, 'quickSwitcher');
    ipcRenderer.emit('cairn:command', event, 'rm -rf /');
    ipcRenderer.emit('cairn:command', event, { toString: () => 'back' });
    off();
    ipcRenderer.emit('cairn:command', event, 'back');
    assert.deepEqual(got, [['quickSwitcher']]);
    assert.equal(ipcRenderer.listenerCount('cairn:command'), 0);
  });

  test('onVaultEvent: only well-formed vault events reach the page', () => {
    const { api, ipcRenderer } = setup();
    const got: unknown[] = [];
    const off = api.onVaultEvent((e) => void got.push(e));
    const index = { stage: 'list', fromCache: 0, read: 12, notice: null, watch: null };
    const events = [
      { kind: 'reload' },
      { kind: 'change', id: 'aws/x.md', extra: 'dropped' },
      { kind: 'change' },
      { kind: 'exec', id: 'x' },
      null,
      'reload',
      // The index status line's events: progress of each stage, and the stage reached.
      { kind: 'progress', done: 3, total: 10, stage: 'read' },
      { kind: 'progress', done: 3, total: 10 },
      { kind: 'progress', done: '3', total: 10 },
      { kind: 'progress', done: 3, total: 10, stage: 'exec' },
      { kind: 'indexed', index },
      { kind: 'indexed', index: { ...index, notice: 'the index cache was damaged; indexed again' } },
      { kind: 'indexed', index: { ...index, watch: 'changes on disk will not show' } },
      { kind: 'indexed', index: { ...index, watch: 7 } },
      { kind: 'indexed', index: { ...index, stage: 'other' } },
      { kind: 'indexed', index: { ...index, read: -1 } },
      { kind: 'indexed' },
    ];
    for (const e of events) ipcRenderer.emit('cairn:event', {}, e);
    off();
    assert.deepEqual(got, [
      { kind: 'reload' },
      { kind: 'change', id: 'aws/x.md' },
      { kind: 'progress', done: 3, total: 10, stage: 'read' },
      { kind: 'progress', done: 3, total: 10 },
      { kind: 'indexed', index },
      { kind: 'indexed', index: { ...index, notice: 'the index cache was damaged; indexed again' } },
      { kind: 'indexed', index: { ...index, watch: 'changes on disk will not show' } },
    ]);
  });

  test('out/preload.cjs as built by build.mjs loads in the sandbox', (t) => {
    if (!existsSync(BUILT_PRELOAD)) {
      console.log('out/preload.cjs not built — run `npm run build`; built-preload check SKIPPED');
      t.skip('out/preload.cjs not built');
      return;
    }
    const r = fakeRenderer();
    try {
      runSandboxed(readFileSync(BUILT_PRELOAD, 'utf8'), { contextBridge: r.contextBridge, ipcRenderer: r.ipcRenderer });
    } catch (err) {
      assert.fail(
        `out/preload.cjs throws in Electron's sandbox (${(err as Error).message}); window.cairn would be missing. ` +
          `A sandboxed preload has no __filename: build.mjs must not give the preload bundle the import.meta.url banner.`,
      );
    }
    assert.ok(r.exposed.has('cairn'));
  });
});
