// `cairn serve` start-up errors end the process with one line on stderr and the README's exit
// codes: 2 for a missing vault, 1 for usage (a port in use included). Runs the real bin.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '../cli.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'electron/bin/cairn.mjs');
const BUILT = existsSync(path.join(ROOT, 'out/api-worker-entry.cjs')) && existsSync(path.join(ROOT, 'out/renderer/index.html'));

/** Runs the bin; resolves when it exits, or kills it after `ms` (then `code` is null). */
function cairn(args: string[], ms = 30_000): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

describe('cairn serve start-up errors', { skip: BUILT ? false : 'out/ is not built: run `npm run build` (npm test does)' }, () => {
  test('a missing vault: exit 2 with one line, nothing left serving', async () => {
    const r = await cairn(['serve', '--vault', path.join(os.tmpdir(), 'cairn-no-such-vault'), '--port', '0']);
    assert.equal(r.code, 2, `exit code (null = still serving): ${r.err}`);
    assert.equal(r.out, '');
    assert.match(r.err, /^cairn: vault not found: .*cairn-no-such-vault\n$/);
  });

  test('a port in use: exit 1 with one line, no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await cairn(['serve', '--port', String(port)]);
      assert.equal(r.code, 1, r.err);
      assert.equal(r.err, `cairn serve: port ${port} is in use; pick another with --port N (0 picks a free one)\n`);
    } finally {
      blocker.close();
    }
  });
});

describe('cairn usage and printing', () => {
  const run = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (s) => void (out += s + '\n'), err: (s) => void (err += s + '\n') });
    return { code, out, err };
  };

  test('--vault "" is a usage error, not the shipped vault', async () => {
    for (const argv of [
      ['index', '--vault', ''],
      ['index', '--vault='],
    ]) {
      const r = await run(...argv);
      assert.equal(r.code, 1, argv.join(' '));
      assert.equal(r.err, 'cairn index: --vault needs a folder (it was empty)\n');
      assert.equal(r.out, '');
    }
  });

  test('control characters in file names are escaped when printed, and --json stays valid', async () => {
    const vault = await mkdtemp(path.join(os.tmpdir(), 'cairn-ansi-'));
    const name = '\u001b[2J\u001b]0;pwned\u0007red\u202e.md';
    await writeFile(path.join(vault, name), '# x\nescapeword\n');
    await writeFile(path.join(vault, 'b.md'), '# b\n');
    try {
      const text = await run('search', 'escapeword', '--vault', vault);
      assert.equal(text.code, 0);
      assert.doesNotMatch(text.out + text.err, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      assert.match(text.out, /\\u001b\[2J\\u001b\]0;pwned\\u0007red\\u202e\.md/);
      const json = await run('links', '--vault', vault, '--json');
      assert.doesNotMatch(json.out, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      const parsed = JSON.stringify(JSON.parse(json.out));
      assert.ok(parsed.includes(JSON.stringify(name.normalize('NFC')).slice(1, -1)), 'the JSON names the file exactly');
    } finally {
      await rm(vault, { recursive: true });
    }
  });
});
