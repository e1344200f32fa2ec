import type { AppCommand } from '../../../electron/contract.ts';

/** Everything the app can be told to do from the keyboard, the palette or the Electron menu. */
export type CommandId = AppCommand | 'palette' | 'home' | 'graph' | 'showNotes' | 'showTags' | 'toggleSide' | 'focusNote' | 'openVault';

interface Keys {
  /** Ctrl, or ⌘ on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
  /** KeyboardEvent.key, lower-cased for letters. */
  key: string;
}

export interface CommandInfo {
  id: CommandId;
  label: string;
  keys?: Keys;
}

// One table for the shortcuts, the palette's list and the tooltips, so they cannot disagree.
// Browser-reserved chords (Ctrl+Shift+T/N, Ctrl+N/T/W) are avoided: a page cannot take them.
// Ctrl+O, Ctrl+Shift+F and Alt+←/→ match the Electron menu's accelerators (electron/menu.ts).
export const COMMANDS: CommandInfo[] = [
  { id: 'quickSwitcher', label: 'Go to note…', keys: { mod: true, key: 'o' } },
  { id: 'search', label: 'Search notes', keys: { mod: true, shift: true, key: 'f' } },
  { id: 'palette', label: 'Show all commands', keys: { mod: true, key: 'p' } },
  { id: 'back', label: 'Go back', keys: { alt: true, key: 'ArrowLeft' } },
  { id: 'forward', label: 'Go forward', keys: { alt: true, key: 'ArrowRight' } },
  { id: 'home', label: 'Go to the start page', keys: { alt: true, key: 'Home' } },
  { id: 'graph', label: 'Open the graph of all notes', keys: { mod: true, key: 'g' } },
  { id: 'flashcards', label: 'Open flashcards', keys: { mod: true, shift: true, key: 'k' } },
  { id: 'showNotes', label: 'Show the file tree', keys: { mod: true, shift: true, key: 'e' } },
  { id: 'showTags', label: 'Show tags', keys: { mod: true, shift: true, key: 'g' } },
  { id: 'toggleSide', label: 'Show or hide the outline and links panel', keys: { mod: true, shift: true, key: 'l' } },
  { id: 'focusNote', label: 'Move focus to the note', keys: { mod: true, shift: true, key: 'y' } },
  { id: 'openVault', label: 'Open another vault…', keys: { mod: true, shift: true, key: 'o' } },
];

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_NAMES: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', Home: 'Home' };

/** "Ctrl+Shift+F" (or "⌘⇧F" on macOS), as shown in the palette and tooltips. */
export function formatKeys(k: Keys | undefined): string {
  if (!k) return '';
  const key = KEY_NAMES[k.key] ?? k.key.toUpperCase();
  if (isMac) return `${k.mod ? '⌘' : ''}${k.alt ? '⌥' : ''}${k.shift ? '⇧' : ''}${key}`;
  return [k.mod && 'Ctrl', k.alt && 'Alt', k.shift && 'Shift', key].filter(Boolean).join('+');
}

export function shortcutOf(id: CommandId): string {
  return formatKeys(COMMANDS.find((c) => c.id === id)?.keys);
}

/** The command a key press means, or null. */
export function commandForKey(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): CommandId | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  for (const c of COMMANDS) {
    const k = c.keys;
    if (!k) continue;
    if (k.key === key && !!k.mod === mod && !!k.shift === e.shiftKey && !!k.alt === e.altKey) return c.id;
  }
  return null;
}

/** Commands whose label holds every word typed, in order of the table. */
export function filterCommands(commands: CommandInfo[], query: string): CommandInfo[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((c) => words.every((w) => c.label.toLowerCase().includes(w)));
}
