import type { Resizable } from './useResizable.ts';

const STEP = 16;

interface Props {
  label: string;
  size: Resizable;
  /** Which side of the separator the panel is on: dragging towards it shrinks it. */
  panel: 'left' | 'right';
  controls: string;
}

/**
 * A window splitter (WAI-ARIA APG "Window Splitter"): drag it, or focus it and use ←/→ (Home/End
 * for the narrowest and widest); Enter puts the default width back.
 */
export function Separator({ label, size, panel, controls }: Props) {
  const sign = panel === 'left' ? 1 : -1;
  const onKey = (e: React.KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowLeft: -STEP * sign, ArrowRight: STEP * sign };
    if (e.key in moves) size.setWidth(size.width + moves[e.key]);
    else if (e.key === 'Home') size.setWidth(size.min);
    else if (e.key === 'End') size.setWidth(size.max);
    else return;
    e.preventDefault();
  };
  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    const startX = e.clientX;
    const start = size.width;
    const target = e.currentTarget;
    target.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent) => size.setWidth(start + (ev.clientX - startX) * sign);
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };
  return (
    <div
      className={`separator separator-${panel}`}
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-controls={controls}
      aria-valuenow={size.width}
      aria-valuemin={size.min}
      aria-valuemax={size.max}
      tabIndex={0}
      onKeyDown={onKey}
      onPointerDown={onPointerDown}
    />
  );
}
