import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LatestRequest } from './latest-request.ts';

/** A fetch whose answer the test releases by hand, in any order. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const flush = () => new Promise((r) => setImmediate(r));

test('a late answer for an older request is dropped; the newest is delivered', async () => {
  const req = new LatestRequest<string>();
  const seen: string[] = [];
  const old = deferred<string>();
  const fresh = deferred<string>();
  req.run(
    () => old.promise,
    (a) => seen.push(a),
  );
  req.run(
    () => fresh.promise,
    (a) => seen.push(a),
  );
  fresh.resolve('new');
  await flush();
  old.resolve('old');
  await flush();
  assert.deepEqual(seen, ['new']);
});

test('cancel drops the answer in flight', async () => {
  const req = new LatestRequest<string>();
  const seen: string[] = [];
  const d = deferred<string>();
  req.run(
    () => d.promise,
    (a) => seen.push(a),
  );
  req.cancel();
  d.resolve('late');
  await flush();
  assert.deepEqual(seen, []);
});

test('with a debounce only the last of a burst is asked', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const req = new LatestRequest<string>();
  const asked: string[] = [];
  const seen: string[] = [];
  for (const q of ['s', 'sa', 'sag'])
    req.run(
      async () => {
        asked.push(q);
        return q;
      },
      (a) => seen.push(a),
      60,
    );
  t.mock.timers.tick(59);
  assert.deepEqual(asked, []);
  t.mock.timers.tick(1);
  t.mock.timers.reset();
  await flush();
  assert.deepEqual(asked, ['sag']);
  assert.deepEqual(seen, ['sag']);
});

test('a rejected fetch delivers nothing and does not throw', async () => {
  const req = new LatestRequest<string>();
  const seen: string[] = [];
  req.run(
    () => Promise.reject(new Error('transport down')),
    (a) => seen.push(a),
  );
  await flush();
  assert.deepEqual(seen, []);
});
