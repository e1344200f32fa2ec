// The only place that puts HTML into the page (README.md house rule 8): note HTML is sanitised with
// DOMPurify against an allow-list; links keep only http(s), `#` and in-app note targets.
import DOMPurify from 'dompurify';
import { useEffect, useMemo, useRef } from 'react';
import { fileUrl } from './api.ts';

const DATA_ATTRS = ['data-note', 'data-subpath', 'data-tag', 'data-self', 'data-unresolved', 'data-embed', 'data-file', 'data-heading', 'data-line', 'data-callout'];

// Allow-list extension for Obsidian rendering (electron/domain/render/): block ids, footnote
// targets and diagram sources travel as data attributes; math is KaTeX's MathML. MathML is
// DOMPurify's own mathMl profile plus `semantics`/`annotation` (plain text; `annotation-xml`,
// which can carry HTML, stays out). Classes (katex*, callout*, footnote*, mermaid*, align-*)
// need no entry: class is allowed and no style attribute ever is.
const OBSIDIAN_DATA_ATTRS = ['data-block', 'data-footnote', 'data-diagram'];
// Attributes whose values are sizes or keywords, never URLs: without this the strict URI
// allow-list below drops them (`![[img|100]]`'s width, details' open, KaTeX's MathML layout).
const NOT_URI_ATTRS = ['width', 'height', 'open', 'colspan', 'rowspan', 'start',
  'display', 'mathvariant', 'stretchy', 'fence', 'separator', 'lspace', 'rspace', 'columnalign', 'rowalign',
  'rowspacing', 'columnspacing', 'columnlines', 'rowlines', 'displaystyle', 'scriptlevel', 'accent', 'accentunder',
  'minsize', 'maxsize', 'linethickness', 'encoding', 'largeop', 'movablelimits', 'symmetric', 'depth', 'voffset',
  'mathsize', 'notation', 'linebreak', 'framespacing', 'frame', 'equalrows', 'equalcolumns', 'side', 'align'];
const MATHML_TAGS = ['semantics', 'annotation'];
const MATHML_FORBID = ['annotation-xml', 'maction'];

const purify = DOMPurify();
purify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    if (/^https?:\/\//i.test(href)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (href !== '#') {
      node.removeAttribute('href');
    }
  }
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    // Remote images would leave the machine; vault images arrive through data-file.
    if (!src.startsWith('data:image/')) node.removeAttribute('src');
  }
});

// MathML is kept only where KaTeX put it (inside `span.katex`): a note's own <math> goes whole.
purify.addHook('uponSanitizeElement', (node, data) => {
  if (data.tagName === 'math' && !(node.parentElement?.tagName === 'SPAN' && node.parentElement.classList.contains('katex'))) (node as Element).remove();
});

export function sanitize(html: string): string {
  return purify.sanitize(html, {
    ADD_ATTR: [...DATA_ATTRS, ...OBSIDIAN_DATA_ATTRS],
    // Their values are ids and headings, not URLs: exempt them from the URI allow-list.
    ADD_URI_SAFE_ATTR: [...DATA_ATTRS, ...OBSIDIAN_DATA_ATTRS, ...NOT_URI_ATTRS],
    ADD_TAGS: MATHML_TAGS,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'link', 'meta', 'base', ...MATHML_FORBID],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href'],
    ALLOWED_URI_REGEXP: /^(?:https?:|#|data:image\/(?:png|jpe?g|gif|webp);)/i,
    ALLOW_DATA_ATTR: false,
  });
}

interface Props {
  html: string;
  className?: string;
  onClick?: (e: React.MouseEvent<HTMLDivElement>) => void;
  /** Called after the HTML is in the page (for scrolling to a heading). */
  onRendered?: (el: HTMLDivElement) => void;
}

export function SafeHtml({ html, className, onClick, onRendered }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const clean = useMemo(() => sanitize(html), [html]);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    for (const img of el.querySelectorAll<HTMLImageElement>('img[data-file]')) {
      const url = fileUrl(img.dataset.file ?? '');
      if (url) img.src = url;
    }
    onRendered?.(el);
  }, [clean, onRendered]);
  return <div ref={ref} className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}
