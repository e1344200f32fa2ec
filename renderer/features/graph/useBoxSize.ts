import { useCallback, useRef, useState } from 'react';

/** The content size of an element, kept current by a ResizeObserver; `ref` goes on the element. */
export function useBoxSize<T extends Element>() {
  const [size, setSize] = useState({ w: 0, h: 0 });
  const el = useRef<T | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const ref = useCallback((node: T | null) => {
    observer.current?.disconnect();
    el.current = node;
    if (!node) return;
    observer.current = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      setSize((s) => (s.w === Math.round(width) && s.h === Math.round(height) ? s : { w: Math.round(width), h: Math.round(height) }));
    });
    observer.current.observe(node);
  }, []);
  return { ref, el, ...size };
}
