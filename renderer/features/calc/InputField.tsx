import type { InputControl, InputValue } from './calc-view.ts';
import { NumberField } from './NumberField.tsx';

interface Props {
  /** Unique in the page: a note can show several calculators with the same input names. */
  idPrefix: string;
  control: InputControl;
  value: InputValue;
  onChange: (value: InputValue) => void;
}

/** One labelled input: a slider for a number, a select for a choice or an instance, a checkbox for yes/no. */
export function InputField({ idPrefix, control, value, onChange }: Props) {
  const id = `${idPrefix}-${control.name}`;
  const helpId = control.help ? `${id}-help` : undefined;
  const help = control.help && (
    <p className="calc-help" id={helpId}>
      {control.help}
    </p>
  );

  if (control.type === 'boolean') {
    return (
      <div className="calc-field calc-field-check">
        <label>
          <input type="checkbox" checked={value === true} aria-describedby={helpId} onChange={(e) => onChange(e.target.checked)} /> {control.label}
        </label>
        {help}
      </div>
    );
  }

  return (
    <div className="calc-field">
      <label htmlFor={id}>{control.label}</label>
      {control.type === 'number' ? (
        <NumberField id={id} control={control} value={Number(value)} describedBy={helpId} onChange={onChange} />
      ) : (
        <div className="calc-choice">
          <select
            id={id}
            value={String(value)}
            aria-describedby={helpId}
            onChange={(e) => onChange(control.options?.find((o) => String(o) === e.target.value) ?? e.target.value)}
          >
            {(control.options ?? []).map((o) => (
              <option key={String(o)} value={String(o)}>
                {String(o)}
              </option>
            ))}
          </select>
          {control.unit && <span className="calc-unit">{control.unit}</span>}
        </div>
      )}
      {help}
    </div>
  );
}
