// The entry of the built CLI (out/cli/cairn.mjs, made by electron/build.mjs): `npx cairn` runs
// this bundle through electron/bin/cairn.mjs, with no TypeScript compiler at run time.
import { runCli } from './cli.ts';

process.exitCode = await runCli(process.argv.slice(2));
