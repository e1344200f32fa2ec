import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The app's folder: the nearest one above this module holding package.json. From source this
 *  module is in electron/, built it is in out/ or out/cli/ (the CLI bundle), packaged in app.asar. */
function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    dir = up;
  }
  return dir;
}

/** The vault shipped with the app (notes/), beside package.json. */
export const SHIPPED_VAULT = path.join(appRoot(), 'notes');
