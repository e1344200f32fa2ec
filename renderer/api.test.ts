import assert from 'node:assert/strict';
import { test } from 'node:test';

test('in Electron, the verbs hand the bridge the request alone (an AbortSignal cannot cross it), and the rest passes through', async () => {
  const calls: unknown[][] = [];
  const onVaultEvent = () => () => undefined;
  // Frozen, as an object exposed through the context bridge may be.
  const bridge = Object.freeze({
    transport: 'electron',
    onVaultEvent,
    onCommand: onVaultEvent,
    noteList: (...args: unknown[]) => {
      calls.push(args);
      return Promise.resolve({ ok: true, value: [] });
    },
  });
  (globalThis as { window?: unknown }).window = { cairn: bridge };
  try {
    const { api } = await import('./api.ts');
    assert.equal(api.transport, 'electron');
    assert.equal(api.onVaultEvent, onVaultEvent);
    assert.deepEqual(await api.noteList({}, { signal: new AbortController().signal }), { ok: true, value: [] });
    assert.deepEqual(calls, [[{}]]);
    assert.equal(api.noteList, api.noteList, 'one wrapper per verb');
  } finally {
    delete (globalThis as { window?: unknown }).window;
  }
});

test('over HTTP, a call the host answers NOT_READY is asked again until it answers; an aborted one is CANCELLED', async () => {
  const realFetch = globalThis.fetch;
  const asked: string[] = [];
  let notReady = 2;
  globalThis.fetch = (async (url: string, init: RequestInit) => {
    asked.push(`${url} ${init.body}`);
    if (url.endsWith('/search')) {
      // A search that waits until it is given up.
      return new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    }
    const answer = notReady-- > 0 ? { ok: false, error: { code: 'NOT_READY', message: 'still indexing' } } : { ok: true, value: [] };
    return new Response(JSON.stringify(answer));
  }) as typeof fetch;
  (globalThis as { window?: unknown }).window = {};
  try {
    // Its own instance of the module: no window.cairn, so the HTTP transport.
    const { api } = (await import(`./api.ts?${'over-http'}`)) as typeof import('./api.ts');
    assert.equal(api.transport, 'browser');
    assert.deepEqual(await api.tagList({}), { ok: true, value: [] });
    assert.deepEqual(asked, ['/api/tagList {}', '/api/tagList {}', '/api/tagList {}']);
    const controller = new AbortController();
    const searching = api.search({ query: 'spot' }, { signal: controller.signal });
    controller.abort();
    assert.deepEqual(await searching, { ok: false, error: { code: 'CANCELLED', message: 'search was given up' } });
  } finally {
    globalThis.fetch = realFetch;
    delete (globalThis as { window?: unknown }).window;
  }
});
