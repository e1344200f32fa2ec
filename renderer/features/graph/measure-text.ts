import type { LabelFont } from './local-layout.ts';

/**
 * Measures labels in the font they are drawn in (family, size, and bold for the centre note),
 * from a canvas (no layout pass). `el` is an element whose computed font family the labels use.
 */
export function labelFont(el: Element, sizePx: number): LabelFont {
  const ctx = document.createElement('canvas').getContext('2d');
  const family = getComputedStyle(el).fontFamily;
  if (!ctx) return { width: (t, bold) => t.length * sizePx * (bold ? 0.68 : 0.62), ascent: sizePx, descent: sizePx * 0.3 };
  const font = (bold: boolean) => `${bold ? 600 : 400} ${sizePx}px ${family}`;
  ctx.font = font(false);
  // The font's own line box (not the glyphs'): what the page gives a text element. The canvas
  // reports the first font's; a glyph from a fallback font (Hangul, or the '…' of a cut title,
  // in a Latin font) makes the box as tall as that font's, so room is kept for the tallest
  // common one (CJK fonts: 1.16 em up, 0.3 em down).
  const m = ctx.measureText('Hg');
  const ascent = Math.max(m.fontBoundingBoxAscent || 0, sizePx * 1.16);
  const descent = Math.max(m.fontBoundingBoxDescent || 0, sizePx * 0.3);
  return {
    width: (t, bold) => {
      ctx.font = font(bold);
      return ctx.measureText(t).width;
    },
    ascent,
    descent,
  };
}
