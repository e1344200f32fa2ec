// Mermaid lays a diagram out in the live page (it measures text) and, while doing so, writes
// `style` attributes and <style> elements, which the CSP (`style-src 'self'`) refuses and reports
// — and so does every parse of markup holding them in this page, even in a DOMParser document
// (measured in Chromium), such as the DOMPurify pass Mermaid runs in strict mode.
// For the length of one drawing, this routes styles through CSSOM, which the CSP allows:
// setAttribute('style', css) becomes `el.style.cssText = css`; a <style> element becomes a
// constructed stylesheet (its rules are scoped to the diagram's id) plus an empty placeholder;
// markup handed to DOMPurify carries `style` attributes renamed. `restore` puts both back in the
// final SVG text, which is never parsed by the page again: it is shown only as an image.
// Nothing changes outside `work`; calls are not nested (diagrams are drawn one at a time).
import type { DOMPurify } from 'dompurify';

const RENAMED = 'data-cairn-style';

export interface CapturedStyles {
  /** Puts the <style> elements and `style` attributes back into the final SVG text. */
  restore(svg: string): string;
  /** The attribute that stands for `style` until `restore`. */
  readonly renamed: string;
}

export async function withCspSafeStyles<T>(purifier: DOMPurify, work: (styles: CapturedStyles) => Promise<T>): Promise<T> {
  const sanitize = purifier.sanitize;
  const setAttribute = Element.prototype.setAttribute;
  const insertBefore = Node.prototype.insertBefore;
  const appendChild = Node.prototype.appendChild;
  const held = new Map<string, Element>();
  const sheets: CSSStyleSheet[] = [];
  const before = document.adoptedStyleSheets;

  const placeholderFor = (node: Node): Node => {
    if (!(node instanceof Element) || node.localName !== 'style') return node;
    const key = `cairn-style-${held.size + 1}`;
    held.set(key, node);
    const css = node.textContent ?? '';
    if (css) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.push(sheet);
      document.adoptedStyleSheets = [...before, ...sheets];
    }
    // <metadata>: drawing code looks for the first <g>, never for this.
    const placeholder = document.createElementNS('http://www.w3.org/2000/svg', 'metadata');
    setAttribute.call(placeholder, 'id', key);
    return placeholder;
  };

  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style' && (this instanceof HTMLElement || this instanceof SVGElement)) {
      this.style.cssText = String(value);
      return;
    }
    return setAttribute.call(this, name, value);
  };
  Node.prototype.insertBefore = function <N extends Node>(this: Node, node: N, child: Node | null): N {
    return insertBefore.call(this, placeholderFor(node), child) as N;
  };
  Node.prototype.appendChild = function <N extends Node>(this: Node, node: N): N {
    return appendChild.call(this, placeholderFor(node)) as N;
  };
  purifier.sanitize = ((dirty: string | Node, cfg?: Record<string, unknown>) => {
    const text = typeof dirty === 'string' ? dirty.replace(/(\s)style="/g, `$1${RENAMED}="`) : dirty;
    const addAttr = Array.isArray(cfg?.ADD_ATTR) ? (cfg.ADD_ATTR as string[]) : [];
    return sanitize.call(purifier, text as string, { ...cfg, ADD_ATTR: [...addAttr, RENAMED] });
  }) as DOMPurify['sanitize'];
  try {
    return await work({
      renamed: RENAMED,
      restore: (svg) =>
        svg
          .replace(/<metadata id="(cairn-style-\d+)"(?:\s*\/>|><\/metadata>)/g, (m, key: string) => {
            const css = held.get(key)?.textContent;
            return css ? `<style>${css.replace(/</g, '\\3C ')}</style>` : m;
          })
          .replace(new RegExp(`(\\s)${RENAMED}="`, 'g'), '$1style="'),
    });
  } finally {
    Element.prototype.setAttribute = setAttribute;
    Node.prototype.insertBefore = insertBefore;
    Node.prototype.appendChild = appendChild;
    purifier.sanitize = sanitize;
    document.adoptedStyleSheets = before;
  }
}
