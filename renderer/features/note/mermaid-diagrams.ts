// Draws the ```mermaid blocks of a rendered note. Mermaid (large) is loaded only when a note has
// a diagram (a dynamic import, split into its own chunk by electron/build.mjs). Each diagram
// becomes an <img> of its sanitised SVG created here, never note HTML: inside an image an SVG
// runs no script and loads nothing, and its own <style> does not meet the page's CSP. A diagram
// that fails to parse, is too large or takes too long becomes an inline error box; the source
// stays readable beside it.

const TIME_LIMIT_MS = 8000;

export async function drawDiagrams(root: HTMLElement): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre[data-diagram="mermaid"]')];
  if (blocks.length === 0) return;
  let render: (source: string) => Promise<string>;
  try {
    ({ renderDiagramSvg: render } = await import('./mermaid-render.ts'));
  } catch (err) {
    for (const pre of blocks) showError(pre, `the diagram library did not load (${String(err)})`);
    return;
  }
  for (const pre of blocks) {
    if (!pre.isConnected || pre.dataset.drawn) continue;
    pre.dataset.drawn = '1';
    try {
      const svg = await withTimeout(render(pre.textContent ?? ''), TIME_LIMIT_MS);
      pre.replaceWith(diagramImage(svg));
    } catch (err) {
      showError(pre, err instanceof Error ? err.message : String(err));
    }
  }
}

function diagramImage(svg: string): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'mermaid-diagram';
  const img = document.createElement('img');
  img.alt = 'Diagram';
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const viewBox = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svg);
  if (viewBox) img.width = Math.ceil(Number(viewBox[1]));
  figure.append(img);
  return figure;
}

function showError(pre: HTMLElement, message: string): void {
  const box = document.createElement('div');
  box.className = 'diagram-error';
  box.setAttribute('role', 'note');
  box.textContent = `Diagram could not be drawn: ${message.split('\n')[0].slice(0, 300)}`;
  pre.before(box);
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = window.setTimeout(() => reject(new Error(`it took longer than ${ms / 1000} s`)), ms);
    work.then(
      (v) => {
        window.clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        window.clearTimeout(timer);
        reject(e);
      },
    );
  });
}
