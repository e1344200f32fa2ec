// The desktop app's own state (recent vaults, last vault, window bounds), kept as JSON in
// app.getPath('userData'). Never imports 'electron': the caller passes the directory, so this
// module runs under plain Node in tests.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MAX_RECENT = 10;
export const SETTINGS_FILE = 'settings.json';

const Bounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(150).max(100_000),
  maximized: z.boolean().optional(),
});
export type WindowState = z.infer<typeof Bounds>;

export interface Settings {
  /** Most recent first, absolute, no duplicates, at most MAX_RECENT. */
  recentVaults: string[];
  lastVault?: string;
  window?: WindowState;
}

const AbsolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => path.isAbsolute(p) && !p.includes('\0'));

export function defaultSettings(): Settings {
  return { recentVaults: [] };
}

/**
 * Whatever was on disk, as Settings: each field is checked on its own, so one bad field costs
 * only that field; unknown keys are dropped.
 */
export function normalizeSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return defaultSettings();
  const r = raw as Record<string, unknown>;
  const recent = Array.isArray(r.recentVaults) ? r.recentVaults.filter((p): p is string => AbsolutePath.safeParse(p).success) : [];
  const settings: Settings = { recentVaults: dedupeRecent(recent) };
  const last = AbsolutePath.safeParse(r.lastVault);
  if (last.success) settings.lastVault = last.data;
  const win = Bounds.safeParse(r.window);
  if (win.success) settings.window = win.data;
  return settings;
}

function dedupeRecent(list: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of list) {
    const key = path.resolve(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(key);
  }
  return out.slice(0, MAX_RECENT);
}

/** `dir` moved to the front of the list. */
export function pushRecent(list: string[], dir: string): string[] {
  return dedupeRecent([path.resolve(dir), ...list]);
}

export function loadSettings(file: string): Settings {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return defaultSettings();
  }
  try {
    return normalizeSettings(JSON.parse(text));
  } catch {
    // A corrupt file (crash mid-write by an older version, hand edit): start over, don't crash.
    return defaultSettings();
  }
}

/** Write to a temp file and rename, so a crash never leaves half a file behind. */
export function saveSettings(file: string, settings: Settings): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(normalizeSettings(settings), null, 2) + '\n');
  fs.renameSync(tmp, file);
}

export class SettingsStore {
  private state: Settings;

  constructor(readonly file: string) {
    this.state = loadSettings(file);
  }

  get(): Settings {
    return structuredClone(this.state);
  }

  recentVaults(): string[] {
    return [...this.state.recentVaults];
  }

  vaultOpened(dir: string): void {
    const root = path.resolve(dir);
    this.update({ ...this.state, recentVaults: pushRecent(this.state.recentVaults, root), lastVault: root });
  }

  forgetVault(dir: string): void {
    const root = path.resolve(dir);
    const lastVault = this.state.lastVault === root ? undefined : this.state.lastVault;
    this.update({ ...this.state, recentVaults: this.state.recentVaults.filter((p) => p !== root), lastVault });
  }

  setWindow(window: WindowState): void {
    this.update({ ...this.state, window });
  }

  private update(next: Settings): void {
    this.state = normalizeSettings(next);
    try {
      saveSettings(this.file, this.state);
    } catch (err) {
      // A read-only profile must not take the app down; the state still lives for this session.
      console.error(`cairn: could not save settings to ${this.file}: ${(err as Error).message}`);
    }
  }
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The saved bounds if a usable part of them is on a current display (a monitor may have been
 * unplugged since), otherwise just the saved size, which the OS then centres.
 */
export function restoreBounds(saved: WindowState | undefined, workAreas: Rect[], fallback: { width: number; height: number }): Partial<Rect> {
  if (!saved) return { ...fallback };
  const size = { width: saved.width, height: saved.height };
  if (saved.x === undefined || saved.y === undefined) return size;
  const rect = { x: saved.x, y: saved.y, ...size };
  const visible = workAreas.some((a) => overlap(rect, a) >= 100 * 100);
  return visible ? rect : size;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** `--vault DIR` or `--vault=DIR` from a command line, resolved against `cwd`. */
export function parseVaultArg(argv: readonly string[], cwd: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--vault' && i + 1 < argv.length && !argv[i + 1]!.startsWith('--')) return path.resolve(cwd, argv[i + 1]!);
    if (a.startsWith('--vault=') && a.length > '--vault='.length) return path.resolve(cwd, a.slice('--vault='.length));
  }
  return null;
}

/**
 * Vaults to try at start-up, best first: the one asked for on the command line, the last one
 * opened if it still exists, and the shipped notes.
 */
export function startupVaults(opts: { arg: string | null; lastVault?: string; shipped: string; exists: (dir: string) => boolean }): string[] {
  const list: string[] = [];
  if (opts.arg) list.push(opts.arg);
  if (opts.lastVault && opts.exists(opts.lastVault)) list.push(opts.lastVault);
  list.push(opts.shipped);
  return [...new Set(list)];
}
