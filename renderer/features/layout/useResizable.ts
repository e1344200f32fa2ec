import { useCallback, useEffect, useState } from 'react';

export interface Resizable {
  width: number;
  min: number;
  max: number;
  setWidth: (w: number) => void;
}

/**
 * A panel width the user drags or types, kept in localStorage so it survives a relaunch (the
 * host's origin and the app:// origin each keep their own). `cssVar` on <html> carries it to the
 * stylesheet: the CSP allows no inline style attributes, and a custom property set through the
 * CSSOM is not one.
 */
export function useResizable(storageKey: string, cssVar: string, initial: number, min: number, max: number): Resizable {
  const [width, setRaw] = useState(() => clamp(readStored(storageKey) ?? initial, min, max));
  useEffect(() => {
    document.documentElement.style.setProperty(cssVar, `${width}px`);
  }, [cssVar, width]);
  const setWidth = useCallback(
    (w: number) => {
      const next = clamp(Math.round(w), min, max);
      setRaw(next);
      try {
        localStorage.setItem(storageKey, String(next));
      } catch {
        // Storage disabled: the width lasts for this session only.
      }
    },
    [storageKey, min, max],
  );
  return { width, min, max, setWidth };
}

function readStored(key: string): number | null {
  try {
    const n = Number(localStorage.getItem(key));
    return Number.isFinite(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n));
}
