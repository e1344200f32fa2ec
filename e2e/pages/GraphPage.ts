import type { Locator, Page } from '@playwright/test';

export interface Rect {
  text: string;
  /** The note the label or dot belongs to. */
  node: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The local graph beside a note, and the global graph at #/graph. */
export class GraphPage {
  constructor(readonly page: Page) {}

  local(): Locator {
    return this.page.getByRole('region', { name: 'Local graph' });
  }

  node(name: string): Locator {
    return this.local().getByRole('link', { name, exact: true });
  }

  /** Every label's box as drawn in the page (after zoom, in CSS px). */
  labelRects(): Promise<Rect[]> {
    return this.local()
      .locator('svg .node text')
      .evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return {
            text: el.textContent ?? '',
            node: el.parentElement?.getAttribute('aria-label') ?? '',
            left: r.left,
            top: r.top,
            right: r.right,
            bottom: r.bottom,
          };
        }),
      );
  }

  dotRects(): Promise<Rect[]> {
    return this.local()
      .locator('svg circle')
      .evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const node = el.parentElement?.getAttribute('aria-label') ?? '';
          return { text: node, node, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      );
  }
}

export function overlapping(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
