import { useEffect, useState } from 'react';
import './calc.css';
import { CalculatorCard } from './CalculatorCard.tsx';
import { CalculatorTabs } from './CalculatorTabs.tsx';
import { useCalculators } from './useCalculators.ts';

/**
 * The note's cost calculators (electron/domain/README.md §4): inputs, chart, table and the math of each scenario.
 * Renders nothing for a note without a calculator; a broken definition is shown, not hidden, since
 * it is the vault's author who has to fix it.
 */
export function CalculatorPanel({ noteId, onPresent }: { noteId: string; onPresent?: (present: boolean) => void }) {
  const calc = useCalculators(noteId);
  const [selected, setSelected] = useState<string | null>(null);
  const { data } = calc;
  const present = Boolean(calc.error || data?.calculators.length || data?.errors.length);
  // The note view lists the panel in its outline: it sits after a note that can be long.
  useEffect(() => onPresent?.(present), [present, onPresent]);
  if (!data && !calc.error) return null;
  const calculators = data?.calculators ?? [];
  const errors = data?.errors ?? [];
  if (data && !calculators.length && !errors.length && !calc.error) return null;
  const active = calculators.find((c) => c.id === selected) ?? calculators[0];
  const several = calculators.length > 1;

  return (
    <section id="cost-calculator" className="calc-panel" aria-label="Cost calculator" aria-busy={calc.pending}>
      <header className="calc-panel-head">
        <h2>Cost calculator</h2>
        <span className="calc-pending" aria-hidden="true">
          {calc.pending && data ? 'Updating…' : ''}
        </span>
      </header>
      {calc.error && (
        <p className="calc-error-text" role="alert">
          Could not compute the calculator: {calc.error}
        </p>
      )}
      {calc.notice && <p className="calc-notice">{calc.notice}</p>}
      {errors.length > 0 && (
        <div className="calc-errors" role="alert">
          <p>
            <strong>{errors.length === 1 ? 'A calculator definition is broken' : `${errors.length} problems in calculator definitions`}</strong>. Fix the file
            and save it; this panel updates.
          </p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                <code>{e}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data?.warnings.map((w, i) => (
        <p key={i} className="calc-notice">
          {w}
        </p>
      ))}
      {several && active && <CalculatorTabs calculators={calculators} active={active.id} onSelect={setSelected} />}
      {active && (
        // biome-ignore lint/a11y/useAriaPropsSupportedByRole: aria-labelledby is only set together with role="tabpanel".
        <div role={several ? 'tabpanel' : undefined} id={`calc-panel-${active.id}`} aria-labelledby={several ? `calc-tab-${active.id}` : undefined}>
          <CalculatorCard
            key={active.id}
            noteId={noteId}
            view={active}
            overrides={calc.overrides[active.id] ?? {}}
            onInput={(name, value) => calc.setInput(active.id, name, value)}
            onReset={() => calc.reset(active.id)}
          />
        </div>
      )}
    </section>
  );
}
