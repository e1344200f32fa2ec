// Builds the hostile vault in a temp folder: the committed hostile notes plus what is too large
// or too strange to commit (a 20 MB note, a 10k-row table, symbolic links out and in a loop, an
// image to swap for a link, a file name that is not UTF-8, a FIFO named like a note).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SECRET_WORD = 'outside-secret-word-7f3a';
/** A 1×1 PNG: the vault's image, and (with other bytes after it) the outside one a link may point at. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export interface HostileVault {
  vault: string;
  /** A folder beside the vault holding a note that must never be read. */
  outside: string;
}

export async function buildHostileVault(): Promise<HostileVault> {
  const base = await mkdtemp(path.join(os.tmpdir(), 'cairn-hostile-'));
  const vault = path.join(base, 'vault');
  const outside = path.join(base, 'outside');
  await cp(path.join(HERE, 'notes'), vault, { recursive: true });
  await mkdir(outside);
  await writeFile(path.join(outside, 'secret.md'), `# Secret\n${SECRET_WORD}\n`);
  const line = '대용량 노트의 한 줄입니다. SageMaker 인스턴스 비용을 계산합니다. big-note-line\n';
  await writeFile(path.join(vault, 'big-20mb.md'), '# Big\n' + line.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(line))) + 'big-note-end-word\n');
  const rows = Array.from({ length: 10_000 }, (_, i) => `| ${i} | ml.m5.xlarge | ${(i * 0.23).toFixed(2)} |`);
  await writeFile(path.join(vault, 'table-10k.md'), `# Table\n\n| # | instance | $ |\n|---|---|---|\n${rows.join('\n')}\n\ntable-end-word\n`);
  // An image a note shows; the test swaps it for a link to outside/secret.png after the scan.
  await writeFile(path.join(vault, 'swap.png'), PNG);
  await writeFile(path.join(vault, 'image.md'), '# Image\n\n![[swap.png]]\n\nimage-note-word\n');
  await writeFile(path.join(outside, 'secret.png'), Buffer.concat([PNG, Buffer.from(SECRET_WORD)]));
  // A name that is not UTF-8 (Latin-1 é), and a FIFO dressed as a note, which must never be opened.
  await writeFile(Buffer.concat([Buffer.from(vault + '/bad-'), Buffer.from([0xe9]), Buffer.from('-name.md')]), '# Latin-1 name\n');
  if (process.platform !== 'win32') execFileSync('mkfifo', [path.join(vault, 'fifo.md')]);
  await symlink(outside, path.join(vault, 'link-out'));
  await symlink(path.join(outside, 'secret.md'), path.join(vault, 'secret-link.md'));
  await symlink(vault, path.join(vault, 'loop'));
  return { vault, outside };
}
