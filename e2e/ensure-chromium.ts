// Run by `npm test` before the end-to-end suite: a bare machine either gets Debian's chromium
// (as root, where apt-get exists) or stops here with one line that says how, never with a
// wall of failed browser launches.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './find-chromium.ts';

function main(): number {
  const found = findChromium();
  if (found) return 0;
  if (process.env.CAIRN_CHROMIUM) {
    console.error(`e2e: CAIRN_CHROMIUM=${process.env.CAIRN_CHROMIUM} does not exist; point it at a Chromium binary.`);
    return 1;
  }
  const root = process.getuid?.() === 0;
  if (!root || !existsSync('/usr/bin/apt-get')) {
    console.error(
      "e2e: no Chromium found; install Debian's (`sudo apt-get install chromium`) or set CAIRN_CHROMIUM=/path/to/chromium, then run npm test again.",
    );
    return 1;
  }
  console.log("e2e: no Chromium found; installing Debian's chromium with apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ]) {
    // apt's progress goes nowhere; its errors stay on stderr.
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env });
    if (r.status !== 0) {
      console.error(`e2e: apt-get ${args.join(' ')} failed (exit ${r.status}); install chromium by hand or set CAIRN_CHROMIUM.`);
      return 1;
    }
  }
  if (findChromium()) return 0;
  console.error('e2e: chromium was installed but /usr/bin/chromium is still missing; set CAIRN_CHROMIUM.');
  return 1;
}

process.exitCode = main();
