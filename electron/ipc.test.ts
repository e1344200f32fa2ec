import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OP_NAMES, type Result } from './contract.ts';
import { answer, channelOf, isTrustedSender, registerIpc } from './ipc.ts';
import type { ApiPort } from './api-port.ts';

describe('isTrustedSender', () => {
  const cases: Array<[string | null | undefined, boolean]> = [
    ['app://cairn/index.html', true],
    ['app://cairn/index.html#/note/aws', true],
    ['app://other/index.html', false],
    ['file:///home/me/out/renderer/index.html', false],
    ['https://example.com/', false],
    ['devtools://devtools/bundled/devtools_app.html', false],
    ['about:blank', false],
    ['data:text/html,<script>1</script>', false],
    ['', false],
    [null, false],
    [undefined, false],
  ];
  for (const [url, want] of cases) test(String(url), () => assert.equal(isTrustedSender(url), want));
});

type Handler = (event: unknown, payload: unknown) => Promise<Result<unknown>>;

function fakeIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, h: Handler) => {
      assert.ok(!handlers.has(channel), `${channel} registered twice`);
      handlers.set(channel, h);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function recordingApi(result: Result<unknown> = { ok: true, value: 'done' }) {
  const calls: Array<[unknown, unknown]> = [];
  const api: Pick<ApiPort, 'dispatch'> = {
    dispatch: async (op, payload) => {
      calls.push([op, payload]);
      return result;
    },
  };
  return { api, calls };
}

const from = (url: string | null) => ({ senderFrame: url === null ? null : { url } }) as never;

describe('registerIpc', () => {
  test('one cairn:<op> channel per operation of the contract, and nothing else', () => {
    const ipc = fakeIpc();
    const unregister = registerIpc(ipc as never, recordingApi().api);
    assert.deepEqual([...ipc.handlers.keys()].sort(), OP_NAMES.map(channelOf).sort());
    unregister();
    assert.equal(ipc.handlers.size, 0);
  });

  test('a trusted sender reaches dispatch with the untouched payload', async () => {
    const ipc = fakeIpc();
    const { api, calls } = recordingApi();
    registerIpc(ipc as never, api);
    const payload = { query: 'spot', limit: 5 };
    const r = await ipc.handlers.get('cairn:search')!(from('app://cairn/index.html'), payload);
    assert.deepEqual(r, { ok: true, value: 'done' });
    assert.deepEqual(calls, [['search', payload]]);
  });

  for (const url of ['https://evil.example/', 'file:///tmp/x.html', null]) {
    test(`FORBIDDEN for a sender at ${url}, and dispatch is never called`, async () => {
      const ipc = fakeIpc();
      const { api, calls } = recordingApi();
      registerIpc(ipc as never, api);
      const r = await ipc.handlers.get('cairn:getNote')!(from(url), { id: 'aws/x.md' });
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
      assert.equal(calls.length, 0);
    });
  }

  test('calls wait for start-up; a failed start-up still lets calls through', async () => {
    const ipc = fakeIpc();
    const { api, calls } = recordingApi();
    let release!: () => void;
    registerIpc(ipc as never, api, new Promise<void>((r) => (release = r)));
    const pending = ipc.handlers.get('cairn:vaultInfo')!(from('app://cairn/'), {});
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(calls.length, 0);
    release();
    assert.equal((await pending).ok, true);

    const ipc2 = fakeIpc();
    registerIpc(ipc2 as never, api, Promise.reject(new Error('no vault')));
    assert.equal((await ipc2.handlers.get('cairn:vaultInfo')!(from('app://cairn/'), {})).ok, true);
  });
});

describe('answer never throws', () => {
  test('a throwing dispatcher becomes an INTERNAL error value', async () => {
    const api: Pick<ApiPort, 'dispatch'> = { dispatch: () => Promise.reject(new Error('boom')) };
    const r = await answer(api, 'noteList', from('app://cairn/'), {});
    assert.deepEqual(r, { ok: false, error: { code: 'INTERNAL', message: 'boom' } });
  });

  test('an event whose senderFrame getter throws is FORBIDDEN-or-INTERNAL, not a throw', async () => {
    const event = {
      get senderFrame(): never {
        throw new Error('frame gone');
      },
    };
    const r = await answer(recordingApi().api, 'noteList', event as never, {});
    assert.equal(r.ok, false);
  });

  test('error values from dispatch pass through unchanged', async () => {
    const err: Result<unknown> = { ok: false, error: { code: 'BAD_REQUEST', message: 'search: query: too long' } };
    assert.deepEqual(await answer(recordingApi(err).api, 'search', from('app://cairn/'), { query: 'x'.repeat(999) }), err);
  });
});

describe('over the real AppApi on the shipped vault', () => {
  test('payloads are parsed: good call works, path escape and junk are BAD_REQUEST values', async () => {
    const { AppApi } = await import('./app-api.ts');
    const { SHIPPED_VAULT } = await import('./cli.ts');
    const api = new AppApi({ canOpenVault: true, watch: false });
    await api.open(SHIPPED_VAULT);
    const ipc = fakeIpc();
    registerIpc(ipc as never, api);
    const call = (op: string, payload: unknown) => ipc.handlers.get(`cairn:${op}`)!(from('app://cairn/index.html'), payload);

    const note = await call('getNote', { id: 'aws/cost-sagemaker-processing-optimization.md' });
    assert.equal(note.ok, true);
    for (const bad of [{ id: '../../etc/passwd' }, { id: '/etc/passwd' }, { id: 42 }, 'string', { id: 'x.md', extra: 1 }]) {
      const r = await call('getNote', bad);
      assert.equal(!r.ok && r.error.code, 'BAD_REQUEST', JSON.stringify(bad));
    }
    const missing = await call('getNote', { id: 'nope.md' });
    assert.equal(!missing.ok && missing.error.code, 'NOTE_NOT_FOUND');
    await api.close();
  });
});
