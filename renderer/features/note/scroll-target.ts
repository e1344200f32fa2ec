// Scrolling inside a rendered note: to a heading (`[[note#Heading]]`), a block (`[[note#^id]]`,
// `data-block` set by electron/domain/render/block-ids.ts) or a footnote, which is then briefly
// highlighted so the eye finds it.

const FLASH_MS = 2000;

/** The element a link's subpath names inside `root`, or null. */
export function findTarget(root: ParentNode, subpath: string): HTMLElement | null {
  if (subpath.startsWith('^')) {
    const id = subpath.slice(1);
    return [...root.querySelectorAll<HTMLElement>('[data-block]')].find((el) => el.dataset.block === id && !el.closest('.embed')) ?? null;
  }
  const want = subpath.trim().toLowerCase();
  return [...root.querySelectorAll<HTMLElement>('[data-heading]')].find((h) => h.dataset.heading?.toLowerCase() === want) ?? null;
}

/** Scrolls to the target and highlights it for a moment; false when there is none. */
export function scrollToTarget(root: ParentNode, subpath: string | null): boolean {
  if (!subpath) return false;
  const el = findTarget(root, subpath);
  if (!el) return false;
  const isBlock = subpath.startsWith('^');
  el.scrollIntoView({ block: isBlock ? 'center' : 'start' });
  if (isBlock) flash(el);
  return true;
}

/** A footnote reference or back-reference: `data-footnote` is the id of the other end. */
export function scrollToFootnote(root: HTMLElement, id: string): void {
  // SafeHtml prefixes every id of note HTML with `user-content-` (DOM clobbering).
  const el = [...root.querySelectorAll<HTMLElement>('[id]')].find((x) => x.id === id || x.id === `user-content-${id}`);
  if (!el) return;
  el.scrollIntoView({ block: 'center' });
  flash(el.closest('li') ?? el);
}

function flash(el: HTMLElement): void {
  el.classList.remove('is-flashed');
  // Restart the animation when the same block is flashed twice.
  void el.offsetWidth;
  el.classList.add('is-flashed');
  window.setTimeout(() => el.classList.remove('is-flashed'), FLASH_MS);
}
