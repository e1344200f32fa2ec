// Cards → .apkg bytes: the notes (anki-notes.ts) and the images their cards show, read from the
// vault. An image is included when its link resolves to a file of the vault with an image
// extension and at most MAX_IMAGE bytes; anything else stays as the text of the link.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Card } from './card-types.ts';
import { ankiNotes } from './anki-notes.ts';
import { buildApkg, type MediaFile } from './anki-package.ts';

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i;
const MAX_IMAGE = 20 * 1024 * 1024;

/** What the export needs of a vault (Vault has both). */
export interface VaultFiles {
  resolve(linkPath: string, fromId: string): string | null;
  absPath(id: string): string | null;
}

export interface ApkgExport {
  bytes: Uint8Array;
  notes: number;
  media: number;
}

export async function exportApkg(cards: Card[], vault: VaultFiles, options: { deck?: string; now?: Date } = {}): Promise<ApkgExport> {
  // Image file id → the name it has in Anki's media folder (unique: a clash gets a prefix).
  const names = new Map<string, string>();
  const taken = new Set<string>();
  const notes = ankiNotes(cards, {
    deck: options.deck,
    mediaName: (target, card) => {
      const id = vault.resolve(target, card.noteId);
      if (!id || !IMAGE_EXT.test(id)) return null;
      let name = names.get(id);
      if (!name) {
        const base = path.posix.basename(id);
        name = taken.has(base) ? `${names.size}-${base}` : base;
        taken.add(name);
        names.set(id, name);
      }
      return name;
    },
  });
  const media: MediaFile[] = [];
  for (const [id, name] of names) {
    const abs = vault.absPath(id);
    if (!abs) continue;
    try {
      const bytes = await readFile(abs);
      if (bytes.length <= MAX_IMAGE) media.push({ name, bytes });
    } catch {
      // Gone since the scan: the card keeps its <img>, Anki shows it missing.
    }
  }
  return { bytes: await buildApkg(notes, media, options.now), notes: notes.length, media: media.length };
}
