import os from 'node:os';
import path from 'node:path';

/** Where Cairn keeps user data: $CAIRN_DATA_DIR, else ~/.config/cairn. A module of its own so
 *  that a thread that only needs the folder (api-worker-client.ts) loads nothing else. */
export function defaultDataDir(env: Record<string, string | undefined> = process.env, home = os.homedir()): string {
  return env.CAIRN_DATA_DIR ? path.resolve(env.CAIRN_DATA_DIR) : path.join(home, '.config', 'cairn');
}
