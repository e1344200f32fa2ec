import type { InputControl, InputValue, InputValues } from './calc-view.ts';
import { InputField } from './InputField.tsx';

interface Props {
  calculatorId: string;
  controls: InputControl[];
  /** What the user set; shown ahead of the server's echo so a slider follows the hand. */
  overrides: InputValues;
  onInput: (name: string, value: InputValue) => void;
  onReset: () => void;
}

export function InputsForm({ calculatorId, controls, overrides, onInput, onReset }: Props) {
  const changed = Object.keys(overrides).length > 0;
  return (
    <fieldset className="calc-inputs">
      <legend>Inputs</legend>
      <div className="calc-fields">
        {controls.map((c) => (
          <InputField key={c.name} idPrefix={`calc-${calculatorId}`} control={c} value={overrides[c.name] ?? c.value} onChange={(v) => onInput(c.name, v)} />
        ))}
      </div>
      <div className="calc-inputs-actions">
        <button type="button" onClick={onReset} disabled={!changed} title="Put every input back to the calculator's default">
          Reset
        </button>
        {changed && <span className="muted">Your inputs are kept for this note.</span>}
      </div>
    </fieldset>
  );
}
