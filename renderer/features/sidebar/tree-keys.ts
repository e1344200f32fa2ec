// Keyboard of a WAI-ARIA tree (APG "Tree View"), over the visible rows in order: ↑/↓ move,
// → opens a closed folder or enters an open one, ← closes an open folder or goes to the parent,
// Home/End, Enter activates, and typing letters jumps to the next row whose name starts with them.
// Korean names: a focused row is not a text field, so a Korean input method composes nothing
// there and the browser reports each key as `Process`; the key's place on the standard Korean
// (2-set) layout gives its jamo, and the typed consonants match the names' initial consonants
// (초성), as the quick switcher does: ㅅㅇㅈ finds 세이지메이커.
import { getChoseong } from 'es-hangul';

export interface TreeRowInfo {
  name: string;
  /** 1 for the top level. */
  level: number;
  /** null for a leaf. */
  open: boolean | null;
}

export type TreeAction = { focus: number } | { toggle: number } | { activate: number } | null;

export function treeKeyAction(rows: TreeRowInfo[], at: number, key: string, typed = '', typedLatin = ''): TreeAction {
  if (rows.length === 0) return null;
  const row = rows[at];
  switch (key) {
    case 'ArrowDown':
      return { focus: Math.min(at + 1, rows.length - 1) };
    case 'ArrowUp':
      return { focus: Math.max(at - 1, 0) };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: rows.length - 1 };
    case 'ArrowRight':
      if (row.open === false) return { toggle: at };
      if (row.open === true && rows[at + 1]?.level > row.level) return { focus: at + 1 };
      return null;
    case 'ArrowLeft': {
      if (row.open === true) return { toggle: at };
      for (let i = at - 1; i >= 0; i--) if (rows[i].level < row.level) return { focus: i };
      return null;
    }
    case 'Enter':
      return { activate: at };
  }
  if (typed) return typeAhead(rows, at, typed) ?? (typedLatin ? typeAhead(rows, at, typedLatin) : null);
  return null;
}

/** The 2-set Korean layout: the jamo of each letter key (Shift gives the doubled consonants). */
const DUBEOLSIK: Record<string, string> = {
  q: 'ㅂ',
  w: 'ㅈ',
  e: 'ㄷ',
  r: 'ㄱ',
  t: 'ㅅ',
  y: 'ㅛ',
  u: 'ㅕ',
  i: 'ㅑ',
  o: 'ㅐ',
  p: 'ㅔ',
  a: 'ㅁ',
  s: 'ㄴ',
  d: 'ㅇ',
  f: 'ㄹ',
  g: 'ㅎ',
  h: 'ㅗ',
  j: 'ㅓ',
  k: 'ㅏ',
  l: 'ㅣ',
  z: 'ㅋ',
  x: 'ㅌ',
  c: 'ㅊ',
  v: 'ㅍ',
  b: 'ㅠ',
  n: 'ㅜ',
  m: 'ㅡ',
  Q: 'ㅃ',
  W: 'ㅉ',
  E: 'ㄸ',
  R: 'ㄲ',
  T: 'ㅆ',
  O: 'ㅒ',
  P: 'ㅖ',
};

/**
 * What a key adds to a type-ahead word: the character it types, or, for a key an input method
 * took (`Process`), its jamo on the Korean layout; `latin` is that key's letter, for a Korean
 * input method left on while typing a Latin name. Nothing for other keys.
 */
export function typedBy(key: string, code: string, shift: boolean): { text: string; latin: string } {
  if (key.length === 1 && key !== ' ') return { text: key, latin: key };
  const letter = key === 'Process' ? /^Key([A-Z])$/.exec(code)?.[1] : undefined;
  if (!letter) return { text: '', latin: '' };
  const latin = shift ? letter : letter.toLowerCase();
  return { text: DUBEOLSIK[latin] ?? DUBEOLSIK[latin.toLowerCase()] ?? latin, latin };
}

const CONSONANT = /[ㄱ-ㅎ]/;
const HANGUL_START = /^[가-힣]/;

/** Whether `name` starts with `typed` (lower case), or, for typed jamo, whether a Hangul name's
 *  initial consonants start with the consonants typed (vowels typed between them are skipped). */
function startsWith(name: string, typed: string): boolean {
  const lower = name.toLocaleLowerCase();
  if (lower.startsWith(typed)) return true;
  const initials = [...typed].filter((c) => CONSONANT.test(c)).join('');
  return initials !== '' && HANGUL_START.test(name) && getChoseong(name).startsWith(initials);
}

/** The next row (after `at`, wrapping) whose name starts with `typed`; a repeated letter cycles. */
export function typeAhead(rows: TreeRowInfo[], at: number, typed: string): TreeAction {
  const t = typed.toLocaleLowerCase();
  const same = [...t].every((c) => c === t[0]);
  // "aaa" cycles through rows starting with "a" as APG's example does; "ab" searches "ab".
  const prefix = same ? t[0] : t;
  const startAt = same || t.length === 1 ? at + 1 : at;
  for (let k = 0; k < rows.length; k++) {
    const i = (startAt + k) % rows.length;
    if (startsWith(rows[i].name, prefix)) return { focus: i };
  }
  return null;
}
