import type { Heading } from '../../../electron/contract.ts';

/** Headings of the note; a click scrolls to the heading in the rendered note. */
export function Outline({ headings }: { headings: Heading[] }) {
  if (headings.length === 0) return null;
  const top = Math.min(...headings.map((h) => h.level));
  // Headings of embedded notes carry data-heading too; only the note's own count.
  const go = (i: number) =>
    [...document.querySelectorAll<HTMLElement>('.note .markdown [data-heading]')]
      .filter((el) => !el.closest('.embed'))
      [i]?.scrollIntoView({ block: 'start' });
  return (
    <nav className="outline" aria-label="Outline">
      <h2>Outline</h2>
      <ul>
        {headings.map((h, i) => (
          <li key={i} className={`outline-level-${Math.min(h.level - top, 4)}`}>
            <button className="link-button" onClick={() => go(i)}>{h.text}</button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
