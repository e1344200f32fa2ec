// Keyboard of a WAI-ARIA tree (APG "Tree View"), over the visible rows in order: ↑/↓ move,
// → opens a closed folder or enters an open one, ← closes an open folder or goes to the parent,
// Home/End, Enter activates, and typing letters jumps to the next row whose name starts with them.

export interface TreeRowInfo {
  name: string;
  /** 1 for the top level. */
  level: number;
  /** null for a leaf. */
  open: boolean | null;
}

export type TreeAction = { focus: number } | { toggle: number } | { activate: number } | null;

export function treeKeyAction(rows: TreeRowInfo[], at: number, key: string, typed = ''): TreeAction {
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
  if (typed) return typeAhead(rows, at, typed);
  return null;
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
    if (rows[i].name.toLocaleLowerCase().startsWith(prefix)) return { focus: i };
  }
  return null;
}
