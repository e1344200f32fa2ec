// The floor: what any engine must do before indexing anything — list the vault, read every note
// and parse its frontmatter with gray-matter. Same scan and the same 16 reads in flight as Cairn.
import { readFile } from 'node:fs/promises';
import matter from 'gray-matter';
import { isNoteId, scanVault } from '../../domain/vault/scan-vault.ts';
import { mapLimit } from '../map-limit.ts';
import type { BenchEngine } from './engine.ts';

export function floorEngine(): BenchEngine {
  // Kept, so the memory figure is that of holding the text and frontmatter of every note.
  let held: Array<{ data: unknown; content: string }> = [];
  return {
    name: 'floor',
    async coldIndex(dir) {
      const scan = await scanVault(dir);
      held = [];
      await mapLimit(
        scan.files.filter((f) => isNoteId(f.id)),
        16,
        async (file) => {
          const text = await readFile(file.abs, 'utf8');
          // Options bypass gray-matter's cache keyed by content, which would only add memory.
          const { data, content } = matter(text, {});
          held.push({ data, content });
        },
      );
    },
    // The floor of taking in one edited note: read it and parse its frontmatter.
    async fileChanged(abs) {
      matter(await readFile(abs, 'utf8'), {});
    },
  };
}
