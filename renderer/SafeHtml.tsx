// The only place that puts HTML into the page (README.md house rule 8): note HTML is sanitised with
// DOMPurify against an allow-list; links keep only http(s), `#` and in-app note targets.
// A note must not be able to dress up as the app (SECURITY.md, T1 "restyle to mislead"): only
// the class names the markdown renderer itself emits survive (an `overlay` or `switcher` class
// from a note would pick up the app's own fixed, full-window styles), ids are prefixed by
// DOMPurify (SANITIZE_NAMED_PROPS: `user-content-…`, so no id of the app can be taken), and the
// container (.markdown, styles.css) is its own stacking and paint context.
import DOMPurify from 'dompurify';
import { useEffect, useMemo, useRef } from 'react';
import { fileUrl } from './api.ts';

const DATA_ATTRS = [
  'data-note',
  'data-subpath',
  'data-tag',
  'data-self',
  'data-unresolved',
  'data-embed',
  'data-file',
  'data-heading',
  'data-line',
  'data-callout',
];

/**
 * Class names the markdown renderer emits (electron/domain/render/), the one list to extend when
 * it emits more: exact names, and prefixes for families (`callout-note`, `language-ts`, KaTeX's
 * `katex-html`, …). Every other class is dropped. These are styled only under `.markdown`.
 */
export const NOTE_CLASSES = new Set([
  'embed',
  'embed-image',
  'embed-title',
  'embed-omitted',
  'internal-link',
  'is-unresolved',
  'external-link',
  'tag',
  'callout',
  'is-foldable',
  'task-box',
  'is-done',
  'task-item',
  'contains-task-list',
  'math-display',
  'math-error',
  'diagram-error',
]);
export const NOTE_CLASS_PREFIXES = ['callout-', 'language-', 'katex', 'footnote', 'task-list', 'mermaid', 'align-'];

function isNoteClass(name: string): boolean {
  return NOTE_CLASSES.has(name) || NOTE_CLASS_PREFIXES.some((p) => name.startsWith(p));
}

/** Only raster images inline as data: — an SVG can carry script and links; anything remote would leave the machine. */
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp)[;,]/i;
/** Attributes that make the browser fetch something (besides a and img, handled below). */
const FETCHING_ATTRS = new Set(['src', 'poster', 'background', 'srcset', 'data', 'codebase', 'cite', 'longdesc', 'dynsrc', 'lowsrc']);
// Allow-list extension for Obsidian rendering (electron/domain/render/): block ids, footnote
// targets and diagram sources travel as data attributes; math is KaTeX's MathML. MathML is
// DOMPurify's own mathMl profile plus `semantics`/`annotation` (plain text; `annotation-xml`,
// which can carry HTML, stays out). Classes (katex*, callout*, footnote*, mermaid*, align-*)
// need no entry: class is allowed and no style attribute ever is.
const OBSIDIAN_DATA_ATTRS = ['data-block', 'data-footnote', 'data-diagram'];
// Attributes whose values are sizes or keywords, never URLs: without this the strict URI
// allow-list below drops them (`![[img|100]]`'s width, details' open, KaTeX's MathML layout).
const NOT_URI_ATTRS = [
  'width',
  'height',
  'open',
  'colspan',
  'rowspan',
  'start',
  'display',
  'mathvariant',
  'stretchy',
  'fence',
  'separator',
  'lspace',
  'rspace',
  'columnalign',
  'rowalign',
  'rowspacing',
  'columnspacing',
  'columnlines',
  'rowlines',
  'displaystyle',
  'scriptlevel',
  'accent',
  'accentunder',
  'minsize',
  'maxsize',
  'linethickness',
  'encoding',
  'largeop',
  'movablelimits',
  'symmetric',
  'depth',
  'voffset',
  'mathsize',
  'notation',
  'linebreak',
  'framespacing',
  'frame',
  'equalrows',
  'equalcolumns',
  'side',
  'align',
];
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
  // Remote media (video, audio, source, track, poster, background) would leave the machine, and
  // data:image/svg+xml is a document: only inline raster images remain; vault images arrive through data-file.
  // Most nodes carry no attribute at all: walk what is there (a 10k-row table stays cheap).
  if (node.attributes.length === 0) return;
  for (const { name, value } of [...node.attributes]) {
    if (FETCHING_ATTRS.has(name) && !(name === 'src' && INLINE_IMAGE.test(value.trim()))) node.removeAttribute(name);
  }
  if (node.hasAttribute('class')) {
    const kept = [...node.classList].filter(isNoteClass);
    if (kept.length) node.setAttribute('class', kept.join(' '));
    else node.removeAttribute('class');
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
    // `math` is not forbidden here: the hook above keeps it only inside KaTeX's span.katex.
    FORBID_TAGS: [
      'style',
      'form',
      'input',
      'button',
      'textarea',
      'select',
      'iframe',
      'object',
      'embed',
      'svg',
      'link',
      'meta',
      'base',
      'dialog',
      'portal',
      ...MATHML_FORBID,
    ],
    FORBID_ATTR: ['style', 'srcset', 'action', 'formaction', 'xlink:href', 'popover', 'popovertarget', 'ping'],
    ALLOWED_URI_REGEXP: /^(?:https?:|#|data:image\/(?:png|jpe?g|gif|webp);)/i,
    ALLOW_DATA_ATTR: false,
    // Prefixes every id and name with `user-content-` (DOM clobbering, and no id of the app can be taken).
    SANITIZE_NAMED_PROPS: true,
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
  // The one HTML sink (README.md house rule 8): `clean` has been through DOMPurify's allow-list above.
  // Clicks are delegated here for the links inside the note; each link is itself keyboard-reachable.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised above; this is the sink the rule would have us centralise.
  return <div ref={ref} className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />;
}
