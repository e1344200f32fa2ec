import { useEffect, useRef, useState } from 'react';
import { treeKeyAction, typedBy, type TreeRowInfo } from './tree-keys.ts';

/** How long typed letters add up to one type-ahead search (as in APG's tree example). */
const TYPE_AHEAD_MS = 500;

interface Options {
  rows: TreeRowInfo[];
  /** Row to focus first (the open note), or -1. */
  initial: number;
  toggle: (i: number) => void;
  activate: (i: number) => void;
  idOf: (i: number) => string;
}

/**
 * One tab stop for the whole tree (roving tabindex); keys move DOM focus between rows. Shared by
 * the file tree and the tag tree: each gives its visible rows and what toggling and activating
 * a row do, and spreads `rowProps(i)` on row i.
 */
export function useTreeFocus({ rows, initial, toggle, activate, idOf }: Options) {
  const [focused, setFocused] = useState(Math.max(initial, 0));
  const typed = useRef({ text: '', latin: '', at: 0 });
  const moved = useRef(false);
  const at = Math.min(focused, Math.max(rows.length - 1, 0));

  useEffect(() => {
    if (initial >= 0 && !moved.current) setFocused(initial);
  }, [initial]);

  const focusRow = (i: number) => {
    moved.current = true;
    setFocused(i);
    const el = document.getElementById(idOf(i));
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const add = typedBy(e.key, e.code, e.shiftKey);
    let { text, latin } = add;
    if (text) {
      const now = performance.now();
      const goesOn = now - typed.current.at < TYPE_AHEAD_MS;
      if (goesOn) ({ text, latin } = { text: typed.current.text + text, latin: typed.current.latin + latin });
      typed.current = { text, latin, at: now };
    } else typed.current = { text: '', latin: '', at: 0 }; // any other key ends a type-ahead word
    const action = treeKeyAction(rows, at, e.key, text, latin);
    if (!action) return;
    e.preventDefault();
    if ('focus' in action) focusRow(action.focus);
    else if ('toggle' in action) toggle(action.toggle);
    else activate(action.activate);
  };

  /** What every row (role="treeitem") carries: its level, id and its place in the roving tab order. */
  const rowProps = (i: number) => ({
    id: idOf(i),
    'aria-level': rows[i].level,
    'aria-expanded': rows[i].open ?? undefined,
    tabIndex: i === at ? 0 : -1,
    onFocus: () => setFocused(i),
  });

  return { focused: at, onKeyDown, rowProps };
}
