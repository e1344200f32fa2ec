#!/usr/bin/env node
// Runs the built CLI bundle (out/cli/cairn.mjs). `npm install` builds it (the `prepare` script);
// after changing the source, `npm run build` brings it up to date.
import { existsSync } from 'node:fs';

const bundle = new URL('../../out/cli/cairn.mjs', import.meta.url);
if (!existsSync(bundle)) {
  process.stderr.write('cairn: the command line is not built; run `npm run build` (npm install does it)\n');
  process.exit(1);
}
await import(bundle.href);
