import type { ReactNode } from 'react';
import { useLayout } from './layout-context.ts';
import { Separator } from './Separator.tsx';

export const NOTE_SIDE_ID = 'note-side';

/**
 * The note's outline and links: a resizable column beside the note in a wide window, a drawer
 * over the note's right edge in a narrow one (toggled from the top bar or Esc), never a block
 * under a long note.
 */
export function NoteSide({ children }: { children: ReactNode }) {
  const { side, sideOpen, setSideOpen, narrow } = useLayout();
  const hidden = narrow && !sideOpen;
  return (
    <>
      {!narrow && <Separator label="Resize the outline and links panel" size={side} panel="right" controls={NOTE_SIDE_ID} />}
      <aside
        id={NOTE_SIDE_ID}
        className={`note-side${narrow ? ' drawer' : ''}${sideOpen ? ' open' : ''}`}
        aria-label="Outline and links"
        hidden={hidden}
        onKeyDown={(e) => {
          if (narrow && e.key === 'Escape') setSideOpen(false);
        }}
      >
        {children}
      </aside>
    </>
  );
}
