import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from './cli.ts';

const SEED = 'aws/cost-sagemaker-processing-optimization.md';
const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'bin/cairn.mjs');

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (s) => void (out += s + '\n'), err: (s) => void (err += s + '\n') });
  return { code, out, err };
}

describe('cairn CLI on the shipped vault', () => {
  test('note --json: the seed has 5 tags and 3 aliases', async () => {
    const r = await cli('note', 'cost-sagemaker-processing-optimization', '--json');
    assert.equal(r.code, 0);
    const note = JSON.parse(r.out);
    assert.equal(note.id, SEED);
    assert.equal(note.tags.length, 5);
    assert.deepEqual(note.aliases, ['sagemaker-cost', 'ri-optimization', 'processing-cost']);
    assert.ok(note.backlinks.length > 0, 'shipped notes link to the seed');
    for (const key of ['headings', 'links', 'unlinkedMentions', 'diagnostics']) assert.ok(Array.isArray(note[key]), key);
  });

  test('note by alias', async () => {
    assert.equal(JSON.parse((await cli('note', 'ri-optimization', '--json')).out).id, SEED);
  });

  test('search --json ranks the seed first for 인스턴스를 and ri-optimization', async () => {
    for (const q of ['인스턴스를', 'ri-optimization']) {
      const hits = JSON.parse((await cli('search', q, '--json')).out);
      assert.equal(hits[0].id, SEED, q);
      assert.deepEqual(Object.keys(hits[0]).sort(), ['field', 'id', 'snippet', 'title']);
    }
  });

  test('search --limit', async () => {
    assert.equal(JSON.parse((await cli('search', 'sagemaker', '--limit', '2', '--json')).out).length, 2);
  });

  test('search --queries runs one query a line and prints one JSON line each', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'cairn-q-'));
    const file = path.join(dir, 'q.txt');
    await writeFile(file, '인스턴스\nri-optimization\n\ntag:service\n');
    const r = await cli('search', '--queries', file);
    await rm(dir, { recursive: true });
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.deepEqual(
      lines.map((l) => l.query),
      ['인스턴스', 'ri-optimization', 'tag:service'],
    );
    assert.equal(lines[1].hits[0].id, SEED);
  });

  test('index --json counts and diagnostics', async () => {
    const r = JSON.parse((await cli('index', '--json')).out);
    assert.ok(r.notes >= 13);
    for (const k of ['tags', 'aliases', 'links', 'unresolved', 'ambiguous']) assert.equal(typeof r[k], 'number', k);
    for (const d of r.diagnostics) assert.deepEqual(Object.keys(d).slice(0, 3), ['id', 'code', 'message']);
  });

  test('links --json: every note with lower-cased tags, targets in order, backlinks', async () => {
    const { notes } = JSON.parse((await cli('links', '--json')).out);
    assert.deepEqual(notes[SEED].tags, [
      'service/sagemaker-processing',
      'constraint/cost-sensitive',
      'deployment/mixed-workload',
      'instance/reserved-vs-ondemand',
      'optimization/workload-separation',
    ]);
    const linkers = Object.entries(notes as Record<string, { links: Array<string | null> }>)
      .filter(([, n]) => n.links.includes(SEED))
      .map(([id]) => id)
      .sort();
    assert.deepEqual([...notes[SEED].backlinks].sort(), linkers);
  });

  test('exit 1 on bad usage, with a message on stderr', async () => {
    for (const argv of [['frobnicate'], ['search'], ['search', 'x', '--limit', 'zero'], ['note'], ['index', '--bogus']]) {
      const r = await cli(...argv);
      assert.equal(r.code, 1, argv.join(' '));
      assert.ok(r.err.length > 0);
      assert.equal(r.out, '');
    }
  });

  test('exit 2 when the vault is missing', async () => {
    const r = await cli('index', '--vault', '/nonexistent/vault', '--json');
    assert.equal(r.code, 2);
    assert.match(r.err, /vault not found/);
  });

  test('the installed bin prints exactly one JSON document', async () => {
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [BIN, 'note', 'sagemaker-cost', '--json'], (err, out) => (err ? reject(err) : resolve(out))),
    );
    assert.equal(JSON.parse(stdout).id, SEED);
  });
});
