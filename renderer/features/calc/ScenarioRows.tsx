import type { CalcResult, ScenarioResult } from './calc-view.ts';
import { CopyCostBlock } from './CopyCostBlock.tsx';
import { formatChange, formatUsd } from './format.ts';
import { ScenarioMath } from './ScenarioMath.tsx';

interface Props {
  noteId: string;
  result: CalcResult;
  scenario: ScenarioResult;
}

/** One scenario in the table: its figures, then a full-width row with its math and the copy button. */
export function ScenarioRows({ noteId, result, scenario: s }: Props) {
  const cheapest = s.id === result.cheapest;
  const baseline = s.id === result.baseline;
  const saving = result.savingsVsBaseline?.[s.id];
  const kind = cheapest ? 'calc-cheapest' : s.meetsRequirements ? '' : 'calc-violates';
  return (
    <tbody className={kind} data-scenario={s.id}>
      <tr>
        <th scope="row">
          <span className="calc-scenario-label">{s.label}</span>
          {cheapest && <span className="calc-badge calc-badge-cheapest">★ cheapest</span>}
          {baseline && <span className="calc-badge">baseline</span>}
          {s.description && <div className="calc-scenario-desc">{s.description}</div>}
          {s.violations.map((v) => (
            <div key={v} className="calc-violation">
              ✗ {v}
            </div>
          ))}
        </th>
        <td>{formatUsd(s.upfront)}</td>
        <td className="calc-monthly">{formatUsd(s.monthly)}</td>
        <td>{formatUsd(s.total12)}</td>
        <td title={saving && !baseline ? `${saving.amount >= 0 ? 'saves' : 'costs'} ${formatUsd(Math.abs(saving.amount))} a month` : undefined}>
          {baseline ? '—' : saving ? formatChange(saving.percent) : ''}
        </td>
      </tr>
      <tr className="calc-detail-row">
        <td colSpan={5}>
          <div className="calc-detail">
            <ScenarioMath scenario={s} />
            <CopyCostBlock noteId={noteId} calculatorId={result.calculator.id} scenarioId={s.id} scenarioLabel={s.label} inputs={result.inputs} />
          </div>
        </td>
      </tr>
    </tbody>
  );
}
