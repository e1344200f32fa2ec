import { useEffect } from 'react';
import type { Heading } from '../../../electron/contract.ts';
import { useRoute } from '../../useRoute.ts';

/** A huge note's outline would cost more to draw than it helps. */
const MAX_SHOWN = 200;

/** Headings of the note; a click scrolls to the heading in the rendered note. */
export function Outline({ headings, hasCalculator = false }: { headings: Heading[]; hasCalculator?: boolean }) {
  const route = useRoute();
  const line = route.view === 'note' ? route.line : null;
  // #/note/<id>?line=N (a vault problem's link): scroll to the section holding that line.
  useEffect(() => {
    if (!line) return;
    const i = headings.findLastIndex((h) => h.line <= line);
    const el = i >= 0 ? ownHeadings()[i] : null;
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.classList.add('line-target');
    } else void document.querySelector('.note')?.scrollIntoView({ block: 'start' });
  }, [line, headings]);
  if (headings.length === 0 && !hasCalculator) return null;
  const top = Math.min(...headings.map((h) => h.level), 6);
  const go = (i: number) => void ownHeadings()[i]?.scrollIntoView({ block: 'start' });
  return (
    <nav className="outline" aria-label="Outline">
      <h2>Outline</h2>
      <ul>
        {headings.slice(0, MAX_SHOWN).map((h, i) => (
          <li key={i} className={`outline-level-${Math.min(h.level - top, 4)}`}>
            <button type="button" className="link-button" onClick={() => go(i)}>
              {h.text}
            </button>
          </li>
        ))}
        {headings.length > MAX_SHOWN && <li className="muted">… {headings.length - MAX_SHOWN} more headings</li>}
        {hasCalculator && (
          <li className="outline-calculator">
            <button type="button" className="link-button" onClick={() => document.getElementById('cost-calculator')?.scrollIntoView({ block: 'start' })}>
              💲 Cost calculator
            </button>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** Headings of embedded notes carry data-heading too; only the note's own count. */
function ownHeadings(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('.note .markdown [data-heading]')].filter((el) => !el.closest('.embed'));
}
