#!/usr/bin/env node
// `npm start` (after the build): runs Cairn in Electron when the Electron binary is on this
// machine, otherwise serves it to the browser with `cairn serve`. Never downloads anything:
// `require('electron')` would, because node_modules/electron/index.js runs its install.js
// (a network fetch) when path.txt or dist/ is missing — so this file only reads those with fs.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const NO_ELECTRON_MESSAGE = 'Electron binary not available on this machine (offline); serving Cairn in your browser instead:';

function isFile(p) {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** node_modules/electron, found the way Node would, without running its index.js. */
export function electronPackageDir(from = root) {
  try {
    return path.dirname(createRequire(path.join(from, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The Electron executable, or null. The same lookup as node_modules/electron/index.js
 * (ELECTRON_OVERRIDE_DIST_PATH, then dist/<path.txt>), minus its download fallback.
 */
export function findElectronBinary(pkgDir = electronPackageDir(), env = process.env) {
  let rel = '';
  if (pkgDir) {
    try {
      rel = readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
    } catch {
      rel = '';
    }
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = path.join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return isFile(p) ? p : null;
  }
  if (!pkgDir || !rel) return null;
  const p = path.join(pkgDir, 'dist', rel);
  return isFile(p) ? p : null;
}

/** Runs a child with our stdio, passes Ctrl-C / kill on to it and exits with its code. */
function run(command, args, env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`cairn: could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  // Killed by a signal: exit like a shell would (130 for SIGINT).
  child.on('exit', (code, signal) => process.exit(code ?? 128 + (os.constants.signals[signal] ?? 0)));
}

/**
 * `npm start -- --vault ./x` runs in the package root; resolve the vault against the directory
 * the user typed the command in (npm's INIT_CWD) before handing it on.
 */
export function resolveVaultArgs(argv, base = process.env.INIT_CWD || process.cwd()) {
  return argv.map((a, i) => {
    if (argv[i - 1] === '--vault' && !a.startsWith('--')) return path.resolve(base, a);
    if (a.startsWith('--vault=') && a.length > 8) return `--vault=${path.resolve(base, a.slice(8))}`;
    return a;
  });
}

export function main(argv = resolveVaultArgs(process.argv.slice(2))) {
  const binary = findElectronBinary();
  if (binary) {
    // A shell with ELECTRON_RUN_AS_NODE set would turn the app into a plain Node process.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    run(binary, [root, ...argv], env);
  } else {
    console.log(NO_ELECTRON_MESSAGE);
    run(process.execPath, [path.join(root, 'electron/bin/cairn.mjs'), 'serve', ...argv], process.env);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) main();
