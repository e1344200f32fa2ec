// Writes the synthetic vault for one size and seed into a temp folder, once: a later run with the
// same size, seed, generator version and vocabulary finds it complete and reuses it.
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRng, deriveSeed } from './prng.ts';
import { renderNote } from './synthetic-note.ts';
import { planVault, type VaultPlan } from './vault-plan.ts';
import { vocabularyHash, type Vocabulary } from './vocabulary.ts';

/** Bump when the generated text changes, so cached vaults of the old shape are not reused. */
export const GENERATOR_VERSION = 1;
/** A dot-file: scanners skip it, so it is never indexed as a note. */
const MARKER = '.bench-vault.json';

export interface SyntheticVault {
  dir: string;
  plan: VaultPlan;
  bytes: number;
  reused: boolean;
}

export async function ensureSyntheticVault(opts: { size: number; seed: number; vocab: Vocabulary; baseDir: string }): Promise<SyntheticVault> {
  const { size, seed, vocab, baseDir } = opts;
  const plan = planVault(size, seed, vocab);
  const dir = path.join(baseDir, `vault-n${size}-s${seed}-g${GENERATOR_VERSION}-${vocabularyHash(vocab)}`);
  const existing = await readMarker(dir);
  if (existing?.notes === size) return { dir, plan, bytes: existing.bytes, reused: true };

  const partial = `${dir}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  const bytes = await writeNotes(partial, plan);
  await writeFile(path.join(partial, MARKER), JSON.stringify({ notes: size, seed, bytes }));
  await rm(dir, { recursive: true, force: true });
  await rename(partial, dir);
  return { dir, plan, bytes, reused: false };
}

/** Each note's text comes from its own seeded stream, so one note does not depend on the others' lengths. */
export function noteText(plan: VaultPlan, index: number): string {
  return renderNote(plan.notes[index], plan, createRng(deriveSeed(plan.seed, `note:${index}`)));
}

async function writeNotes(root: string, plan: VaultPlan): Promise<number> {
  const folders = new Set(plan.notes.map((n) => path.dirname(n.id)));
  for (const f of folders) await mkdir(path.join(root, f), { recursive: true });
  let bytes = 0;
  let next = 0;
  const worker = async () => {
    while (next < plan.notes.length) {
      const i = next++;
      const text = noteText(plan, i);
      bytes += Buffer.byteLength(text);
      await writeFile(path.join(root, plan.notes[i].id), text);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return bytes;
}

async function readMarker(dir: string): Promise<{ notes: number; bytes: number } | null> {
  try {
    return JSON.parse(await readFile(path.join(dir, MARKER), 'utf8'));
  } catch {
    return null;
  }
}
