import { useEffect, useRef } from 'react';
import type { Rating } from './useReviewSession.ts';

export interface ReviewKeyHandlers {
  space(): void;
  rate(rating: Rating): void;
  pick(key: string): void;
  undo(): void;
}

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

/**
 * Anki's keys (electron/domain/README.md §3): Space shows the answer, then 1–4 rate (Space again = Good);
 * A–D answer a choice card; Ctrl/Cmd+Z undoes the last review.
 */
export function useReviewKeys(handlers: ReviewKeyHandlers): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      // Typing in the search box or the quick switcher is not answering a card.
      if (target?.closest(TYPING) || document.querySelector('[role="dialog"]')) return;
      const h = latest.current;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        h.undo();
      } else if (mod || e.altKey) {
        return;
      } else if (e.key === ' ') {
        // A focused button (the pre-focused rating) answers Space itself; acting here too would
        // send a second review.
        if (target?.closest('button')) return;
        e.preventDefault();
        h.space();
      } else if (/^[1-4]$/.test(e.key)) {
        e.preventDefault();
        h.rate(Number(e.key) as Rating);
      } else if (/^[a-d]$/i.test(e.key)) {
        h.pick(e.key.toUpperCase());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
