import type { CalcResult } from './calc-view.ts';
import { ScenarioRows } from './ScenarioRows.tsx';

/** Upfront, monthly, 12-month total (AWS Pricing Calculator's upfront + 12 × monthly) and change vs the baseline. */
export function ScenarioTable({ noteId, result }: { noteId: string; result: CalcResult }) {
  const base = result.scenarios.find((s) => s.id === result.baseline);
  return (
    <div className="calc-table-wrap">
      <table className="calc-table" aria-label="Cost per scenario">
        <thead>
          <tr>
            <th scope="col">Scenario</th>
            <th scope="col">Upfront</th>
            <th scope="col">Monthly</th>
            <th scope="col">12-month total</th>
            <th scope="col" title={base ? `Monthly cost (upfront spread over the term) against ${base.label}` : undefined}>
              {base ? 'vs baseline' : ''}
            </th>
          </tr>
        </thead>
        {result.scenarios.map((s) => (
          <ScenarioRows key={s.id} noteId={noteId} result={result} scenario={s} />
        ))}
      </table>
    </div>
  );
}
