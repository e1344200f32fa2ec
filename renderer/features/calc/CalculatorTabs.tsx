import type { KeyboardEvent } from 'react';
import type { CalculatorView } from './calc-view.ts';

interface Props {
  calculators: CalculatorView[];
  active: string;
  onSelect: (id: string) => void;
}

/** Tabs for a note with several calculators (WAI-ARIA tabs: arrows move, Home/End jump). */
export function CalculatorTabs({ calculators, active, onSelect }: Props) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = calculators.findIndex((c) => c.id === active);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: calculators.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    const target = calculators[(next + calculators.length) % calculators.length];
    onSelect(target.id);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-tab="${CSS.escape(target.id)}"]`)?.focus();
  };
  return (
    <div className="calc-tabs" role="tablist" aria-label="Calculators of this note" onKeyDown={onKeyDown}>
      {calculators.map((c) => (
        <button
          key={c.id}
          type="button"
          role="tab"
          id={`calc-tab-${c.id}`}
          data-tab={c.id}
          aria-selected={c.id === active}
          aria-controls={`calc-panel-${c.id}`}
          tabIndex={c.id === active ? 0 : -1}
          className={c.id === active ? 'calc-tab active' : 'calc-tab'}
          onClick={() => onSelect(c.id)}
        >
          {c.title}
        </button>
      ))}
    </div>
  );
}
