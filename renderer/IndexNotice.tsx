import { useEffect, useRef } from 'react';

/** One notice of the top bar (IndexStatus): the start of its line in the bar; a click (or Enter)
 *  opens the whole line below the bar, and a click elsewhere or Esc closes it again. */
export function IndexNotice({ line, onDismiss }: { line: string; onDismiss: () => void }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const d = details.current;
      if (!d?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !d.contains(e.target as Node)) d.open = false;
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return (
    <span className="index-notice" role="status">
      <details ref={details}>
        <summary title={line}>{line}</summary>
        <p className="index-notice-full">{line}</p>
      </details>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </span>
  );
}
