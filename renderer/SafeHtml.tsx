// The only place that puts HTML into the page (README.md house rule 8): note HTML is sanitised with
// DOMPurify against an allow-list; links keep only http(s), `#` and in-app note targets.
import DOMPurify from 'dompurify';
import { useEffect, useMemo, useRef } from 'react';
import { fileUrl } from './api.ts';

const DATA_ATTRS = ['data-note', 'data-subpath', 'data-tag', 'data-self', 'data-unresolved', 'data-embed', 'data-file', 'data-heading', 'data-line', 'data-callout'];

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

export function sanitize(html: string): string {
  return purify.sanitize(html, {
    ADD_ATTR: DATA_ATTRS,
    // Their values are ids and headings, not URLs: exempt them from the URI allow-list.
    ADD_URI_SAFE_ATTR: DATA_ATTRS,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe', 'object', 'embed', 'svg', 'math', 'link', 'meta', 'base'],
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
