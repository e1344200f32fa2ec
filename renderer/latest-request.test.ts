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

test('a request no longer wanted is aborted: superseded or cancelled; an answered one is not', async () => {
  const req = new LatestRequest<string>();
  const signals: AbortSignal[] = [];
  const answers = [deferred<string>(), deferred<string>(), deferred<string>()];
  const ask = (i: number) => (signal: AbortSignal) => {
    signals.push(signal);
    return answers[i].promise;
  };
  const seen: string[] = [];
  req.run(ask(0), (a) => seen.push(a));
  req.run(ask(1), (a) => seen.push(a));
  assert.deepEqual(
    signals.map((s) => s.aborted),
    [true, false],
  );
  answers[1].resolve('second');
  await flush();
  // Answered: a later request or cancel has nothing to give up.
  req.run(ask(2), (a) => seen.push(a));
  assert.equal(signals[1].aborted, false);
  req.cancel();
  assert.equal(signals[2].aborted, true);
  answers[2].resolve('third');
  await flush();
  assert.deepEqual(seen, ['second']);
});

test('a request still waiting out its debounce is never asked, so there is nothing to abort', async (t) => {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const req = new LatestRequest<string>();
  let asked = 0;
  req.run(
    async () => {
      asked++;
      return 'x';
    },
    () => undefined,
    60,
  );
  req.cancel();
  t.mock.timers.tick(100);
  t.mock.timers.reset();
  await flush();
  assert.equal(asked, 0);
});
