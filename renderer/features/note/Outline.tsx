import type { Heading } from '../../../electron/contract.ts';

/** A huge note's outline would cost more to draw than it helps. */
const MAX_SHOWN = 200;

/** Headings of the note; a click scrolls to the heading in the rendered note. */
export function Outline({ headings, hasCalculator = false }: { headings: Heading[]; hasCalculator?: boolean }) {
  if (headings.length === 0 && !hasCalculator) return null;
  const top = Math.min(...headings.map((h) => h.level), 6);
  // Headings of embedded notes carry data-heading too; only the note's own count.
  const go = (i: number) =>
    [...document.querySelectorAll<HTMLElement>('.note .markdown [data-heading]')]
      .filter((el) => !el.closest('.embed'))
      [i]?.scrollIntoView({ block: 'start' });
  return (
    <nav className="outline" aria-label="Outline">
      <h2>Outline</h2>
      <ul>
        {headings.slice(0, MAX_SHOWN).map((h, i) => (
          <li key={i} className={`outline-level-${Math.min(h.level - top, 4)}`}>
            <button className="link-button" onClick={() => go(i)}>{h.text}</button>
          </li>
        ))}
        {headings.length > MAX_SHOWN && <li className="muted">… {headings.length - MAX_SHOWN} more headings</li>}
        {hasCalculator && (
          <li className="outline-calculator">
            <button className="link-button" onClick={() => document.getElementById('cost-calculator')?.scrollIntoView({ block: 'start' })}>
              💲 Cost calculator
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}
