import type { CalculatorView, InputValue, InputValues } from './calc-view.ts';
import { CatalogNote } from './CatalogNote.tsx';
import { CostChart } from './CostChart.tsx';
import { formatChange, formatUsd } from './format.ts';
import { InputsForm } from './InputsForm.tsx';
import { ScenarioTable } from './ScenarioTable.tsx';

interface Props {
  noteId: string;
  view: CalculatorView;
  overrides: InputValues;
  onInput: (name: string, value: InputValue) => void;
  onReset: () => void;
}

/** One calculator: its inputs, the chart, where the prices come from, and the per-scenario table. */
export function CalculatorCard({ noteId, view, overrides, onInput, onReset }: Props) {
  const { result } = view;
  const cheapest = result.scenarios.find((s) => s.id === result.cheapest);
  const saving = cheapest && cheapest.id !== result.baseline ? result.savingsVsBaseline?.[cheapest.id] : undefined;
  return (
    <div className="calc-card" data-calculator={view.id}>
      <h3 className="calc-title">{view.title}</h3>
      {result.calculator.description && <p className="calc-description">{result.calculator.description}</p>}
      <InputsForm calculatorId={view.id} controls={view.controls} overrides={overrides} onInput={onInput} onReset={onReset} />
      <CostChart result={result} />
      <p className="calc-verdict">
        {cheapest
          ? `Cheapest that meets the requirements: ${cheapest.label}, ${formatUsd(cheapest.amortizedMonthly)} a month${saving ? ` (${formatChange(saving.percent)} vs baseline)` : ''}.`
          : 'No scenario meets every requirement with these inputs.'}
      </p>
      <CatalogNote result={result} />
      <ScenarioTable noteId={noteId} result={result} />
    </div>
  );
}
