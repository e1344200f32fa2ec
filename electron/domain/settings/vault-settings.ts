// Settings that belong to one vault (the daily new-card limit, how the Spaced Repetition plugin's
// syntax is read, later exam dates), kept in the app data folder — never in the vault, which holds
// only what the user wrote (README.md, "Study tools") — in one JSON file keyed by the vault's real
// path, so a vault opened through a symlink or a relative path finds the same settings.
// Each field is checked on its own with zod `.catch`: a bad value costs only that value.
import { randomUUID } from 'node:crypto';
import { promises as fs, realpathSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const VAULT_SETTINGS_FILE = 'vault-settings.json';
export const DEFAULT_NEW_CARDS_PER_DAY = 20;

const Separator = (fallback: string) =>
  z
    .string()
    .trim()
    .min(1)
    .max(10)
    .refine((s) => !/\s/.test(s))
    .catch(fallback);

/**
 * The Obsidian Spaced Repetition plugin's parsing settings (its settings tab, "Flashcards"),
 * with the plugin's defaults: `==highlight==` clozes on, `**bold**` and `{{curly}}` clozes off,
 * no end-of-card marker, `#flashcards` as the flashcard tag whose sub-tags name decks.
 */
export const SrSettingsSchema = z.object({
  inlineSeparator: Separator('::'),
  inlineReversedSeparator: Separator(':::'),
  multilineSeparator: Separator('?'),
  multilineReversedSeparator: Separator('??'),
  /** A line holding only this ends a multi-line card (blank lines may then sit inside it); '' = off. */
  endMarker: z.string().trim().max(20).catch(''),
  clozeHighlight: z.boolean().catch(true),
  clozeBold: z.boolean().catch(false),
  clozeCurly: z.boolean().catch(false),
  /** Tags marking flashcards (`#flashcards`); `#flashcards/aws/s3` puts a card in deck `aws/s3`. */
  flashcardTags: z
    .array(
      z
        .string()
        .trim()
        .transform((t) => t.replace(/^#+/, ''))
        .pipe(z.string().min(1).max(100)),
    )
    .max(20)
    .catch(['flashcards']),
});
export type SrSettings = z.infer<typeof SrSettingsSchema>;

export const DEFAULT_REVIEWS_PER_DAY = 200;

const ExamDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const ExamTarget = z.number().gt(0).lt(1);
const DeckName = z.string().trim().min(1).max(300);

/** An exam of a deck (README.md, "Exam mode"): the day, and the recall wanted on it. */
const ExamSchema = z.object({ date: ExamDate, target: ExamTarget.catch(0.9) });

/** Stored exams, deck → exam; an entry that does not parse is dropped, the others kept. */
const ExamsSchema = z
  .preprocess(
    (v) =>
      Object.fromEntries(
        Object.entries(v && typeof v === 'object' && !Array.isArray(v) ? v : {}).filter(
          ([k, e]) => DeckName.safeParse(k).success && ExamSchema.safeParse(e).success,
        ),
      ),
    z.record(DeckName, ExamSchema),
  )
  .catch({});

export const VaultSettingsSchema = z.object({
  newCardsPerDay: z.number().int().min(0).max(9999).catch(DEFAULT_NEW_CARDS_PER_DAY),
  /** Review limit a day: past it, a backlog is spread over the next days. */
  reviewsPerDay: z.number().int().min(1).max(99999).catch(DEFAULT_REVIEWS_PER_DAY),
  exams: ExamsSchema,
  /** Decks whose basic cards are answered by typing. */
  typeInDecks: z.array(DeckName).max(500).catch([]),
  sr: z.preprocess((v) => v ?? {}, SrSettingsSchema).catch(() => SrSettingsSchema.parse({})),
});
export type VaultSettings = z.infer<typeof VaultSettingsSchema>;

/** A change from the UI or the CLI: any subset of the fields, strictly typed (no `.catch`). */
export const VaultSettingsPatchSchema = z
  .object({
    newCardsPerDay: z.number().int().min(0).max(9999).optional(),
    reviewsPerDay: z.number().int().min(1).max(99999).optional(),
    /** deck → exam, or null to remove the deck's exam; other decks' exams are kept. */
    exams: z.record(DeckName, z.object({ date: ExamDate, target: ExamTarget }).strict().nullable()).optional(),
    typeInDecks: z.array(DeckName).max(500).optional(),
    sr: z
      .object({
        inlineSeparator: z.string().trim().min(1).max(10).regex(/^\S+$/).optional(),
        inlineReversedSeparator: z.string().trim().min(1).max(10).regex(/^\S+$/).optional(),
        multilineSeparator: z.string().trim().min(1).max(10).regex(/^\S+$/).optional(),
        multilineReversedSeparator: z.string().trim().min(1).max(10).regex(/^\S+$/).optional(),
        endMarker: z.string().trim().max(20).optional(),
        clozeHighlight: z.boolean().optional(),
        clozeBold: z.boolean().optional(),
        clozeCurly: z.boolean().optional(),
        flashcardTags: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type VaultSettingsPatch = z.infer<typeof VaultSettingsPatchSchema>;

export function defaultVaultSettings(): VaultSettings {
  return VaultSettingsSchema.parse({});
}

/** Whatever was stored, as settings: unknown keys dropped, bad fields back to their default. */
export function normalizeVaultSettings(raw: unknown): VaultSettings {
  return VaultSettingsSchema.parse(raw && typeof raw === 'object' && !Array.isArray(raw) ? raw : {});
}

export function applyPatch(settings: VaultSettings, patch: VaultSettingsPatch): VaultSettings {
  const exams: Record<string, unknown> = { ...settings.exams };
  for (const [deck, exam] of Object.entries(patch.exams ?? {})) {
    if (exam) exams[deck] = exam;
    else delete exams[deck];
  }
  return normalizeVaultSettings({ ...settings, ...patch, exams, sr: { ...settings.sr, ...patch.sr } });
}

/** The key of a vault: its real path (symlinks resolved), or the resolved path if it is gone. */
export function vaultKey(vaultRoot: string): string {
  try {
    return realpathSync.native(vaultRoot);
  } catch {
    return path.resolve(vaultRoot);
  }
}

/** Reads and writes `<dataDir>/vault-settings.json`: `{ "<real vault path>": settings }`. */
export class VaultSettingsStore {
  constructor(private readonly dataDir: string) {}

  get file(): string {
    return path.join(this.dataDir, VAULT_SETTINGS_FILE);
  }

  async load(vaultRoot: string): Promise<VaultSettings> {
    return normalizeVaultSettings((await this.readAll())[vaultKey(vaultRoot)]);
  }

  /** Applies `patch` to the vault's settings and writes the file atomically (temp file + rename). */
  async update(vaultRoot: string, patch: VaultSettingsPatch): Promise<VaultSettings> {
    const all = await this.readAll();
    const key = vaultKey(vaultRoot);
    const next = applyPatch(normalizeVaultSettings(all[key]), patch);
    all[key] = next;
    await fs.mkdir(this.dataDir, { recursive: true });
    const tmp = `${this.file}.${randomUUID()}.tmp`;
    await fs.writeFile(tmp, JSON.stringify(all, null, 2) + '\n', 'utf8');
    await fs.rename(tmp, this.file);
    return next;
  }

  private async readAll(): Promise<Record<string, unknown>> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return {};
    }
    try {
      const parsed: unknown = JSON.parse(text);
      // A null-prototype copy: a vault path of "__proto__" stays an ordinary key.
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.assign(Object.create(null), parsed) : {};
    } catch {
      // Corrupt (hand edit, crash of an older version): defaults, and the next save rewrites it.
      return {};
    }
  }
}
