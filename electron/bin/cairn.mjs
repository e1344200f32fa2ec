#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx cairn` works right after `npm install`.
// tsx's CommonJS hook runs in this thread; its ESM hook would run on a loader thread, which on
// Node 20 deadlocks as soon as the CLI starts the index worker (`cairn serve`).
import { createRequire } from 'node:module';
import { register } from 'tsx/cjs/api';

register();
const require = createRequire(import.meta.url);
const { runCli } = require('../cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
