import { useEffect, useRef, type RefObject } from 'react';
import { entryKey, readEntry, writeEntry, type Panels } from './entry-memory.ts';

/** How long a restore waits for a note's text to arrive (a long note comes in two parts). */
const RESTORE_WAIT_MS = 5000;

/**
 * Back, Forward and reload put the scroller where the entry left it and reopen its panels; a new
 * entry starts at the top with the panels as they are. Scroll positions are saved as the user
 * scrolls, except while a restore is waiting for the text (the short "Loading…" page would
 * otherwise overwrite the position with 0).
 */
export function useEntryMemory(scroller: RefObject<HTMLElement | null>, panels: Panels, applyPanels: (p: Panels) => void): void {
  const key = useRef<string>('');
  const panelsRef = useRef(panels);
  panelsRef.current = panels;
  const apply = useRef(applyPanels);
  apply.current = applyPanels;

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let pending: { target: number; until: number } | null = null;
    let frame = 0;

    const step = () => {
      if (!pending) return;
      const max = el.scrollHeight - el.clientHeight;
      const loading = !!el.querySelector('.status');
      // The entry's own view: until React has rendered it, the last entry's text is still there
      // (the scroller's data-hash, set by App), and a long one would take the scroll (and lose it
      // when the new view's shorter first render replaced it).
      const shown = el.dataset.hash === undefined || el.dataset.hash === location.hash;
      if (shown && max >= pending.target && !loading) {
        el.scrollTop = pending.target;
        pending = null;
        return;
      }
      if (performance.now() > pending.until) {
        el.scrollTop = Math.min(pending.target, max);
        pending = null;
        return;
      }
      frame = requestAnimationFrame(step);
    };
    const arrive = (initial: boolean) => {
      key.current = entryKey();
      const saved = readEntry(key.current);
      cancelAnimationFrame(frame);
      if (saved) {
        if (Object.keys(saved.panels).length) apply.current(saved.panels);
        pending = { target: saved.scroll, until: performance.now() + RESTORE_WAIT_MS };
        frame = requestAnimationFrame(step);
      } else {
        pending = null;
        if (!initial) el.scrollTop = 0;
        writeEntry(key.current, { scroll: el.scrollTop, panels: panelsRef.current });
      }
    };
    const onScroll = () => {
      if (!pending) writeEntry(key.current, { scroll: el.scrollTop });
    };
    // The user taking over ends a restore still waiting for text: a wheel, a pointer, or a key
    // (PageDown, Space, the arrows), which would otherwise be undone once the text is in.
    const takeOver = () => {
      pending = null;
    };
    const onHash = () => arrive(false);
    arrive(true);
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', takeOver, { passive: true });
    el.addEventListener('pointerdown', takeOver);
    el.addEventListener('keydown', takeOver);
    window.addEventListener('hashchange', onHash);
    return () => {
      cancelAnimationFrame(frame);
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', takeOver);
      el.removeEventListener('pointerdown', takeOver);
      el.removeEventListener('keydown', takeOver);
      window.removeEventListener('hashchange', onHash);
    };
  }, [scroller]);

  // Panels opened or closed are remembered by the entry they were changed in.
  useEffect(() => {
    if (key.current) writeEntry(key.current, { panels });
  }, [panels.tab, panels.side]); // eslint-disable-line react-hooks/exhaustive-deps
}
