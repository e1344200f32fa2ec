import { useState } from 'react';
import type { InputControl } from './calc-view.ts';
import { formatInput } from './format.ts';

interface Props {
  id: string;
  control: InputControl;
  value: number;
  describedBy: string | undefined;
  onChange: (value: number) => void;
}

/**
 * A slider for a number input, with an exact-value box beside it: a definition may leave `max`
 * open (jobs per month, requests per day), so the slider only spans a likely range and the box
 * takes anything the definition allows.
 */
export function NumberField({ id, control, value, describedBy, onChange }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  // Typing a value the definition does not allow keeps the last valid one and says why, beside
  // the box (WAI-ARIA: aria-invalid plus a described-by message), instead of silently reverting.
  const [problem, setProblem] = useState<string | null>(null);
  const errorId = `${id}-error`;
  const min = control.min ?? 0;
  const step = control.step ?? 1;
  const max = control.max ?? softMax(control, min, step, value);
  const fits = (n: number) => Number.isFinite(n) && n >= min && (control.max === null || n <= control.max);
  const shown = formatInput(value, control.unit);
  const range =
    control.max === null ? `${formatInput(min, control.unit)} or more` : `from ${formatInput(min, control.unit)} to ${formatInput(control.max, control.unit)}`;
  return (
    <>
      <div className="calc-number">
        <input
          id={id}
          type="range"
          min={min}
          max={max}
          step={step}
          value={value}
          aria-valuetext={shown}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.valueAsNumber)}
        />
        <input
          type="number"
          className="calc-exact"
          aria-label={`${control.label} (exact value)`}
          min={min}
          max={control.max ?? undefined}
          step={step}
          value={draft ?? String(value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? errorId : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            const text = e.target.value.trim();
            const n = text === '' ? NaN : Number(text);
            if (fits(n)) {
              setProblem(null);
              onChange(n);
            } else if (text !== '' || e.target.validity.badInput) setProblem(`${control.label} must be ${range}; kept ${shown}.`);
          }}
          onBlur={() => setDraft(null)}
        />
        <span className="calc-unit" aria-hidden="true">
          {control.unit === 'fraction' ? `= ${shown}` : (control.unit ?? '')}
        </span>
      </div>
      {problem && (
        <p className="calc-error" id={errorId} role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** Four times the default (or twenty steps) rounded up to a step, and never below the value. */
function softMax(control: InputControl, min: number, step: number, value: number): number {
  const base = typeof control.default === 'number' ? control.default : 0;
  const guess = Math.max(base * 4, min + step * 20);
  return Math.max(Math.ceil(guess / step) * step, value);
}
