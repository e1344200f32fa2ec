import type { Page } from '@playwright/test';

/**
 * Rows under `selector` whose text is cut: an element that clips (overflow other than visible)
 * holding more than it shows, or text running past the edge of the row's scrolling container.
 * Each row is scrolled into view first, so rows the browser skips off-screen are laid out.
 */
export function clippedRows(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(async (sel) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const bad: string[] = [];
    const rows = [...document.querySelectorAll<HTMLElement>(sel)];
    for (const row of rows) {
      row.scrollIntoView({ block: 'nearest' });
      await frame();
      const label = (row.textContent ?? '').trim().slice(0, 60);
      for (const el of [row, ...row.querySelectorAll<HTMLElement>('*')]) {
        const cs = getComputedStyle(el);
        const clips = cs.overflowX !== 'visible' || cs.overflowY !== 'visible';
        if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
          bad.push(`${label}: <${el.tagName.toLowerCase()}> holds more than it shows`);
        if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) bad.push(`${label}: ellipsis`);
      }
      let box: HTMLElement | null = row.parentElement;
      while (box && getComputedStyle(box).overflowX === 'visible' && getComputedStyle(box).overflowY === 'visible') box = box.parentElement;
      if (box) {
        const limit = box.getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(row);
        for (const r of range.getClientRects()) {
          if (r.width === 0) continue;
          if (r.right > limit.left + box.clientWidth + 1 || r.left < limit.left - 1) bad.push(`${label}: text past the edge of its panel`);
        }
      }
    }
    return [...new Set(bad)];
  }, selector);
}
