// The floor: what any engine must do before indexing anything — list the vault, read every note
// and parse its frontmatter with gray-matter. The same scan as Cairn, and each note read with
// one blocking call, as Cairn's parse threads read (parse-worker.ts). Awaited reads, 16 in flight,
// took twice as long on this 2-core machine (README, Benchmark): a floor slower than the reads
// it stands for.
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { isNoteId, scanVault } from '../../domain/vault/scan-vault.ts';
import type { BenchEngine } from './engine.ts';

export function floorEngine(): BenchEngine {
  // Kept, so the memory figure is that of holding the text and frontmatter of every note.
  let held: Array<{ data: unknown; content: string }> = [];
  return {
    name: 'floor',
    async coldIndex(dir) {
      const scan = await scanVault(dir);
      held = [];
      for (const file of scan.files) {
        if (!isNoteId(file.id)) continue;
        // Options bypass gray-matter's cache keyed by content, which would only add memory.
        const { data, content } = matter(readFileSync(file.abs, 'utf8'), {});
        held.push({ data, content });
      }
    },
    // The floor of taking in one edited note: read it and parse its frontmatter.
    async fileChanged(abs) {
      matter(readFileSync(abs, 'utf8'), {});
    },
  };
}
