// The card browser's search, filters and sort, over the rows the app sends (pure, tested).
import type { BrowserRow } from '../../../electron/contract.ts';

export type SortKey = 'front' | 'note' | 'deck' | 'phase' | 'due' | 'lapses';
export type StateFilter = 'all' | 'new' | 'learning' | 'review' | 'suspended';
export type DueFilter = 'any' | 'today' | 'week' | 'overdue';

export interface BrowserFilter {
  text: string;
  deck: string;
  state: StateFilter;
  due: DueFilter;
  note: string;
  sort: SortKey;
  descending: boolean;
}

export const DEFAULT_FILTER: BrowserFilter = { text: '', deck: '', state: 'all', due: 'any', note: '', sort: 'note', descending: false };

const fold = (s: string) => s.normalize('NFC').toLowerCase();
const DAY = 86_400_000;

function matchesDue(row: BrowserRow, due: DueFilter, now: Date): boolean {
  if (due === 'any') return true;
  if (!row.due) return false;
  const at = Date.parse(row.due);
  const endOfToday = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
  if (due === 'overdue') return at < new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  if (due === 'today') return at < endOfToday;
  return at < endOfToday + 6 * DAY;
}

function matchesState(row: BrowserRow, state: StateFilter): boolean {
  if (state === 'all') return true;
  if (state === 'suspended') return row.suspended;
  if (state === 'learning') return row.phase === 'learning' || row.phase === 'relearning';
  return row.phase === state;
}

const VALUE: Record<SortKey, (r: BrowserRow) => string | number> = {
  front: (r) => fold(r.front),
  note: (r) => `${fold(r.noteTitle)}\u0000${String(r.line).padStart(8, '0')}`,
  deck: (r) => r.decks[0] ?? '',
  phase: (r) => r.phase,
  due: (r) => (r.due ? Date.parse(r.due) : Number.MAX_SAFE_INTEGER),
  lapses: (r) => r.lapses,
};

export function filterRows(rows: BrowserRow[], f: BrowserFilter, now: Date): BrowserRow[] {
  const words = fold(f.text).split(/\s+/).filter(Boolean);
  const note = fold(f.note.trim());
  const out = rows.filter(
    (r) =>
      (!f.deck || r.decks.some((d) => d === f.deck || d.startsWith(f.deck + '/'))) &&
      matchesState(r, f.state) &&
      matchesDue(r, f.due, now) &&
      (!note || fold(r.noteTitle).includes(note) || fold(r.noteId).includes(note)) &&
      words.every((w) => fold(`${r.front} ${r.noteTitle} ${r.decks.join(' ')}`).includes(w)),
  );
  const key = VALUE[f.sort];
  const sign = f.descending ? -1 : 1;
  return out.sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return (x < y ? -1 : x > y ? 1 : 0) * sign || a.id.localeCompare(b.id);
  });
}
