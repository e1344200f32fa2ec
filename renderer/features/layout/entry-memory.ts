// What each history entry remembers: the note's scroll position and which panels were open.
// The browser's own scroll restoration does not apply here (the note scrolls inside <main>, not
// the window, and its text arrives after the hash changes), so each entry gets a key in
// history.state and its memory lives in sessionStorage under that key: both survive a reload and
// stay per tab, as the browser's own history does.

export interface Panels {
  /** The sidebar tab. */
  tab?: string;
  /** The outline-and-links drawer of narrow windows. */
  side?: boolean;
}

export interface EntryMemory {
  scroll: number;
  panels: Panels;
}

const PREFIX = 'cairn:entry:';
/** Enough for a long session; the oldest entries are dropped beyond it. */
const MAX_ENTRIES = 200;

/** The current entry's key, assigned (without a new entry) the first time an entry is seen. */
export function entryKey(): string {
  const state = history.state as { cairnKey?: unknown } | null;
  if (state && typeof state.cairnKey === 'string') return state.cairnKey;
  const key = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  history.replaceState({ ...(state ?? {}), cairnKey: key }, '');
  return key;
}

export function readEntry(key: string): EntryMemory | null {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    if (!raw) return null;
    const v = JSON.parse(raw) as Partial<EntryMemory>;
    return { scroll: typeof v.scroll === 'number' && v.scroll >= 0 ? v.scroll : 0, panels: v.panels && typeof v.panels === 'object' ? v.panels : {} };
  } catch {
    return null; // storage disabled or a value we did not write: behave as a fresh entry
  }
}

export function writeEntry(key: string, patch: Partial<EntryMemory>): void {
  try {
    const before = readEntry(key);
    const next: EntryMemory = { scroll: patch.scroll ?? before?.scroll ?? 0, panels: { ...before?.panels, ...patch.panels } };
    if (!before) prune();
    sessionStorage.setItem(PREFIX + key, JSON.stringify(next));
  } catch {
    // A full or disabled sessionStorage only costs the memory of this entry.
  }
}

function prune(): void {
  const keys: string[] = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const k = sessionStorage.key(i);
    if (k?.startsWith(PREFIX)) keys.push(k);
  }
  if (keys.length < MAX_ENTRIES) return;
  // Keys start with their creation time in base 36, so a string sort is oldest first.
  keys
    .sort()
    .slice(0, keys.length - MAX_ENTRIES + 1)
    .forEach((k) => sessionStorage.removeItem(k));
}
