import { createContext, useContext } from 'react';
import type { Resizable } from './useResizable.ts';

export interface Layout {
  /** The outline-and-links panel's width, resizable beside the note. */
  side: Resizable;
  /** In a narrow window the panel is a drawer: open or closed. */
  sideOpen: boolean;
  setSideOpen: (open: boolean) => void;
  narrow: boolean;
}

export const LayoutContext = createContext<Layout | null>(null);

export function useLayout(): Layout {
  const l = useContext(LayoutContext);
  if (!l) throw new Error('useLayout outside <LayoutContext.Provider>');
  return l;
}
