// The quick switcher (electron/domain/README.md §2): titles and aliases, exact before prefix before word start
// before infix before letters in order; then shorter names, then by title.
import { fold } from '../text/fold.ts';

export interface SwitchHit {
  id: string;
  title: string;
  /** The alias that matched, when the title did not. */
  alias: string | null;
}

export interface SwitchNote {
  note: { id: string; title: string };
  names: string[];
  nameKeys: string[];
}

export function quickSwitch(notes: Iterable<SwitchNote>, query: string, limit: number): SwitchHit[] {
  const q = fold(query.trim());
  if (!q) return [];
  const scored: Array<{ hit: SwitchHit; score: number; len: number }> = [];
  for (const doc of notes) {
    let best = Infinity;
    let which = 0;
    doc.nameKeys.forEach((k, i) => {
      const s = switchScore(k, q);
      if (s < best) {
        best = s;
        which = i;
      }
    });
    if (best === Infinity) continue;
    scored.push({
      hit: { id: doc.note.id, title: doc.note.title, alias: which === 0 ? null : doc.names[which] },
      score: best,
      len: doc.names[which].length,
    });
  }
  const byTitle = (a: (typeof scored)[number], b: (typeof scored)[number]) => a.score - b.score || a.len - b.len || a.hit.title.localeCompare(b.hit.title);
  if (!(Number.isInteger(limit) && limit >= 0 && limit < scored.length)) return scored.sort(byTitle).slice(0, limit).map((s) => s.hit);
  // A short query matches thousands of names, and localeCompare is slow: sort by score and
  // length, then by title only the ones that can be shown (those up to `limit` and their ties).
  scored.sort((a, b) => a.score - b.score || a.len - b.len);
  let end = limit;
  while (end > 0 && end < scored.length && scored[end].score === scored[end - 1].score && scored[end].len === scored[end - 1].len) end++;
  return scored.slice(0, end).sort(byTitle).slice(0, limit).map((s) => s.hit);
}

function switchScore(name: string, q: string): number {
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  const at = name.indexOf(q);
  if (at > 0) return /[\s\-_/.]/.test(name[at - 1]) ? 2 : 3;
  // Letters of q in order, one code point of the name at a time (as `for…of` walks it; a
  // surrogate pair never equals one UTF-16 unit of q). Stops once every letter is found.
  let i = 0;
  for (let j = 0; j < name.length && i < q.length; j++) {
    const unit = name.charCodeAt(j);
    if (unit >= 0xd800 && unit <= 0xdbff && j + 1 < name.length && (name.charCodeAt(j + 1) & 0xfc00) === 0xdc00) j++;
    else if (unit === q.charCodeAt(i)) i++;
  }
  return i === q.length ? 4 : Infinity;
}
