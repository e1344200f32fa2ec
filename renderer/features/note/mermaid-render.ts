// The lazily loaded half of mermaid-diagrams.ts: Mermaid itself, in strict security mode (no
// click handlers, no HTML in labels), with limits on input size and edges, and DOMPurify's SVG
// profile over what it draws.
import DOMPurify from 'dompurify';
import mermaid from 'mermaid';

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
  const { svg } = await mermaid.render(`cairn-diagram-${++count}`, source);
  // <style> is kept: the SVG is shown as an image, where CSS can neither run script nor fetch.
  const body = purify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true },
    ADD_TAGS: ['style'],
    FORBID_TAGS: ['foreignObject', 'a', 'image', 'use'],
    RETURN_DOM: true,
  });
  const root = body.querySelector('svg');
  if (!root) throw new Error('the diagram produced no picture');
  // Serialised as XML (an image is parsed as XML: HTML entities such as &nbsp; would break it).
  return new XMLSerializer().serializeToString(root);
}
