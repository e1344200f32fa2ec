// The lazily loaded half of mermaid-diagrams.ts: Mermaid itself, in strict security mode (no
// click handlers, no HTML in labels), with limits on input size and edges, and DOMPurify's SVG
// profile over what it draws.
import DOMPurify from 'dompurify';
import mermaid from 'mermaid';
import { withCspSafeStyles } from './csp-safe-dom.ts';

mermaid.initialize({
  startOnLoad: false,
  securityLevel: 'strict',
  suppressErrorRendering: true,
  maxTextSize: 50_000,
  maxEdges: 500,
  htmlLabels: false,
  flowchart: { htmlLabels: false },
  fontFamily: 'sans-serif',
});

const purify = DOMPurify();
let count = 0;

export async function renderDiagramSvg(source: string): Promise<string> {
  await mermaid.parse(source);
  // DOMPurify's default instance is the one Mermaid sanitises with (one module in the bundle).
  return withCspSafeStyles(DOMPurify, async (styles) => {
    const { svg } = await mermaid.render(`cairn-diagram-${++count}`, source);
    const clean = purify.sanitize(svg, {
      USE_PROFILES: { svg: true, svgFilters: true },
      ADD_ATTR: [styles.renamed],
      FORBID_TAGS: ['foreignObject', 'a', 'image', 'use', 'style'],
    });
    const root = new DOMParser().parseFromString(clean, 'text/html').querySelector('svg');
    if (!root) throw new Error('the diagram produced no picture');
    // Serialised as XML (an image is parsed as XML: HTML entities such as &nbsp; would break it);
    // the styles come back only now, in text shown as an image, where CSS runs no script and
    // fetches nothing.
    return styles.restore(new XMLSerializer().serializeToString(root));
  });
}
