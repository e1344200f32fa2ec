import { useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';

interface Props<T> {
  items: T[];
  /** The height a row is assumed to have until it has been rendered and measured. */
  rowHeight: number;
  render: (item: T, index: number) => ReactNode;
  className?: string;
  label?: string;
  /** `list`/`listitem` by default; a listbox gives `listbox`/`option`. */
  roles?: { list: string; item: string };
  /** Attributes of a row's wrapper (an `id` for aria-activedescendant, aria-selected…). */
  rowProps?: (item: T, index: number) => Record<string, string | boolean | undefined>;
  /** A row kept in view (and rendered): the active option of a listbox. */
  activeIndex?: number;
  id?: string;
}

/**
 * Renders only the rows in view (plus a margin), so a 10k-note list scrolls smoothly. Rows are
 * as tall as their content: each rendered row is measured (ResizeObserver) and the rows below it
 * move, so a wrapped line is never cut. Unmeasured rows count as `rowHeight`.
 */
export function VirtualList<T>({ items, rowHeight, render, className, label, roles, rowProps, activeIndex, id }: Props<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 800 });
  // Measured heights by item (so they survive a new list holding the same items); `version`
  // re-renders when one changes.
  const heights = useRef(new Map<T, number>());
  const [version, setVersion] = useState(0);
  const current = useRef(items);
  current.current = items;
  const observer = useRef<ResizeObserver | null>(null);
  if (heights.current.size > 4 * items.length + 1000) heights.current = new Map();

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

  useLayoutEffect(() => {
    observer.current = new ResizeObserver((entries) => {
      let changed = false;
      for (const e of entries) {
        const el = e.target as HTMLElement;
        const item = current.current[Number(el.dataset.index)];
        const h = el.offsetHeight;
        // A row being removed measures 0: it keeps its last height.
        if (!el.isConnected || h === 0 || item === undefined || heights.current.get(item) === h) continue;
        heights.current.set(item, h);
        changed = true;
      }
      if (changed) setVersion((v) => v + 1);
    });
    return () => observer.current?.disconnect();
  }, []);

  // Offsets by prefix sums: linear in the rows, which is cheap next to rendering any of them.
  const offsets = useMemo(() => {
    const o = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) o[i + 1] = o[i] + (heights.current.get(items[i]) ?? rowHeight);
    return o;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, version, rowHeight]);
  const total = offsets[items.length];
  const indexAt = (y: number) => {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (offsets[mid + 1] <= y) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || activeIndex === undefined || activeIndex < 0 || activeIndex >= items.length) return;
    const top = offsets[activeIndex];
    const bottom = offsets[activeIndex + 1];
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
  }, [activeIndex, offsets, items.length]);

  const margin = 10;
  const first = Math.max(0, indexAt(view.top) - margin);
  const last = Math.min(items.length, indexAt(view.top + view.height) + 1 + margin);
  const shown = new Set<number>();
  for (let i = first; i < last; i++) shown.add(i);
  if (activeIndex !== undefined && activeIndex >= 0 && activeIndex < items.length) shown.add(activeIndex);
  const rows = [...shown].map((i) => (
    <div
      key={i}
      className="vrow"
      role={roles?.item ?? 'listitem'}
      data-index={i}
      {...rowProps?.(items[i], i)}
      ref={(el) => {
        if (!el) return;
        el.style.setProperty('transform', `translateY(${offsets[i]}px)`);
        const ro = observer.current;
        ro?.observe(el);
        return () => ro?.unobserve(el);
      }}
    >
      {render(items[i], i)}
    </div>
  ));
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is always set (list, tree or listbox), which the rule cannot see through the expression.
    <div ref={ref} id={id} className={`vlist ${className ?? ''}`} role={roles?.list ?? 'list'} aria-label={label}>
      <div className="vlist-space" ref={(el) => el?.style.setProperty('height', `${total}px`)}>
        {rows}
      </div>
    </div>
  );
}
