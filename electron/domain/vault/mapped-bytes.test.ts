import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import fc from 'fast-check';
import { mappedUtf8, textsOf } from './mapped-bytes.ts';

test('texts come back as they were written: Korean, emoji, empty texts, none', () => {
  const texts = ['', '세이지메이커 Processing', '😀 a\u0301', '', '{"ko":"인스턴스"}', '\uFEFF at the start of a text'];
  assert.deepEqual(textsOf(mappedUtf8(texts)), texts);
  assert.deepEqual(textsOf(mappedUtf8([])), []);
});

test('large texts get a buffer of their own mapping (33 MB or more), small ones a buffer their size', () => {
  const large = ['인스턴스 '.repeat(40_000), 'x'.repeat(200_000)];
  const out = mappedUtf8(large);
  assert.ok(out.bytes.buffer.byteLength >= 33 * 1024 * 1024, `buffer of ${out.bytes.buffer.byteLength} bytes`);
  assert.equal(out.bytes.length, Buffer.byteLength(large.join('')));
  assert.deepEqual(textsOf(out), large);
  const small = mappedUtf8(['짧은 글']);
  assert.ok(small.bytes.buffer.byteLength < 1024);
});

test('what a thread receives after a transfer reads the same', async () => {
  const texts = ['[1,{"body":"spot instance"}]', '한국어 '.repeat(60_000)];
  const sent = mappedUtf8(texts);
  const { port1, port2 } = new MessageChannel();
  const received = new Promise<typeof sent>((resolve) => port2.once('message', resolve));
  port1.postMessage(sent, [sent.bytes.buffer as ArrayBuffer]);
  assert.equal(sent.bytes.length, 0, 'moved, not copied');
  assert.deepEqual(textsOf(await received), texts);
  port1.close();
  port2.close();
});

test('property: any texts, any number of them, come back the same', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ unit: 'grapheme' }), { maxLength: 12 }), (texts) => {
      assert.deepEqual(textsOf(mappedUtf8(texts)), texts);
    }),
    { numRuns: 300 },
  );
});
