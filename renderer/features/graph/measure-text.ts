/** Width in px of `text` in the page's font at `sizePx`, from a canvas (no layout pass). */
export function textMeasurer(sizePx: number): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(document.documentElement).fontFamily;
  if (!ctx) return (t) => t.length * sizePx * 0.62;
  ctx.font = `${sizePx}px ${family}`;
  return (t) => ctx.measureText(t).width;
}
