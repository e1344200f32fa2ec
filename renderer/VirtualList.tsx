import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

interface Props<T> {
  items: T[];
  rowHeight: number;
  render: (item: T, index: number) => ReactNode;
  className?: string;
  label?: string;
}

/** Renders only the rows in view (plus a margin), so a 10k-note list scrolls smoothly. */
export function VirtualList<T>({ items, rowHeight, render, className, label }: Props<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight || 800 });
    update();
    el.addEventListener('scroll', update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro.disconnect();
    };
  }, []);
  const margin = 10;
  const first = Math.max(0, Math.floor(view.top / rowHeight) - margin);
  const last = Math.min(items.length, Math.ceil((view.top + view.height) / rowHeight) + margin);
  const rows = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} className="vrow" role="listitem" ref={(el) => el?.style.setProperty('transform', `translateY(${i * rowHeight}px)`)}>
        {render(items[i], i)}
      </div>,
    );
  }
  return (
    <div ref={ref} className={`vlist ${className ?? ''}`} role="list" aria-label={label}>
      <div className="vlist-space" ref={(el) => el?.style.setProperty('height', `${items.length * rowHeight}px`)}>
        {rows}
      </div>
    </div>
  );
}
