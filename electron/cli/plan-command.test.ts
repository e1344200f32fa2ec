import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../cli.ts';
import { localDay, startOfLocalDay } from '../domain/reviews/local-day.ts';

// On the shipped vault `notes/`, as the README documents the command.
async function cairn(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const inDays = (n: number) => localDay(startOfLocalDay(new Date(), n));
let dataDir = '';
const saved = process.env.CAIRN_DATA_DIR;

describe('cairn plan', () => {
  before(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'cairn-plan-'));
    process.env.CAIRN_DATA_DIR = dataDir;
  });
  after(() => {
    rmSync(dataDir, { recursive: true });
    if (saved === undefined) delete process.env.CAIRN_DATA_DIR;
    else process.env.CAIRN_DATA_DIR = saved;
  });

  test('--json prints the plan of a deck of notes/: every day to the exam, every unseen card introduced', async () => {
    const deckCards = JSON.parse((await cairn('cards', '--deck', 'exam/mla', '--json')).out) as unknown[];
    const { code, out } = await cairn('plan', '--deck', 'exam/mla', '--exam', inDays(21), '--json');
    assert.equal(code, 0);
    const plan = JSON.parse(out);
    assert.equal(plan.deck, 'exam/mla');
    assert.equal(plan.exam, inDays(21));
    assert.equal(plan.target, 0.9);
    assert.equal(plan.cards, deckCards.length);
    assert.deepEqual(
      plan.days.map((d: { date: string }) => d.date),
      Array.from({ length: 22 }, (_, i) => inDays(i)),
    );
    assert.equal(
      plan.days.reduce((n: number, d: { new: number }) => n + d.new, 0),
      plan.unseen,
    );
    assert.equal(plan.unseen, deckCards.length); // notes/ ships without a review log
    assert.ok(plan.retrievabilityAtExam >= 0.9 && plan.retrievabilityAtExam <= 1);
    assert.ok(plan.days.some((d: { reviews: number }) => d.reviews > 0));
  });

  test('--target changes the goal; the text form names the plan', async () => {
    const plan = JSON.parse((await cairn('plan', '--deck', 'exam/saa', '--exam', inDays(10), '--target', '0.95', '--json')).out);
    assert.equal(plan.target, 0.95);
    assert.ok(plan.retrievabilityAtExam >= 0.95);
    const text = await cairn('plan', '--deck', 'exam/saa', '--exam', inDays(10));
    assert.match(text.out, /exam of exam\/saa on .*10 days left/);
    assert.match(text.out, /predicted retention at the exam: \d+\.\d%/);
  });

  test('bad input: a clear message on stderr, exit 1, nothing on stdout', async () => {
    for (const [args, message] of [
      [['--deck', 'exam/mla', '--exam', inDays(-1)], /in the past/],
      [['--deck', 'exam/mla', '--exam', '13/01/2027'], /YYYY-MM-DD/],
      [['--deck', 'no-such-deck', '--exam', inDays(5)], /has no cards/],
      [['--deck', 'exam/mla', '--exam', inDays(5), '--target', '1.5'], /between 0 and 1/],
      [['--exam', inDays(5)], /--deck needs a tag/],
      [['--deck', 'exam/mla'], /--exam needs/],
    ] as const) {
      const r = await cairn('plan', ...args, '--json');
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.err, message);
      assert.equal(r.out, '');
    }
  });
});
