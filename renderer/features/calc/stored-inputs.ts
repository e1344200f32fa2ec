// The inputs a user set, kept per note and calculator in localStorage so reopening the note (or
// reloading the app) shows the same figures. Only values the user changed are stored: a default
// edited later in the calculator file still reaches users who never touched that input.
import type { InputValues } from './calc-view.ts';

const PREFIX = 'cairn.calc.inputs:';

// JSON-quoting the note id keeps `note:calc` unambiguous whatever characters either id holds.
function notePrefix(noteId: string): string {
  return `${PREFIX}${JSON.stringify(noteId)}:`;
}

function isValue(v: unknown): v is InputValues[string] {
  return typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

function parse(text: string | null): InputValues | null {
  if (!text) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
    const entries = Object.entries(data).filter(([, v]) => isValue(v));
    return entries.length ? (Object.fromEntries(entries) as InputValues) : null;
  } catch {
    return null;
  }
}

/** Every calculator's stored inputs for `noteId`, by calculator id. */
export function loadNoteInputs(noteId: string): Record<string, InputValues> {
  const out: Record<string, InputValues> = {};
  const prefix = notePrefix(noteId);
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const values = parse(localStorage.getItem(key));
      if (values) out[key.slice(prefix.length)] = values;
    }
  } catch {
    // Storage can be disabled (privacy settings): the calculator still works, it just forgets.
  }
  return out;
}

export function saveInputs(noteId: string, calculatorId: string, values: InputValues): void {
  try {
    const key = notePrefix(noteId) + calculatorId;
    if (Object.keys(values).length) localStorage.setItem(key, JSON.stringify(values));
    else localStorage.removeItem(key);
  } catch {
    // Quota or disabled storage: keep working with the values in memory.
  }
}
