import type { LineResult, ScenarioResult } from './calc-view.ts';
import { formatUsd } from './format.ts';

/** "Show the math": each line's calculation in words, its notes and the prices it used with their confidence. */
export function ScenarioMath({ scenario }: { scenario: ScenarioResult }) {
  return (
    <details className="calc-math">
      <summary>Show the math</summary>
      <ol className="calc-lines">
        {scenario.lines.map((line, i) => (
          <MathLine key={i} line={line} />
        ))}
      </ol>
      {scenario.lines.length > 1 && (
        <p className="calc-math-total">
          Total {formatUsd(scenario.monthly)} a month
          {scenario.upfront > 0 && (
            <>
              {' '}
              + {formatUsd(scenario.upfront)} upfront (12 months: {formatUsd(scenario.total12)})
            </>
          )}
        </p>
      )}
    </details>
  );
}

function MathLine({ line }: { line: LineResult }) {
  // JSON has no Infinity: a break-even that never comes arrives as null.
  const even = line.breakEven && Number.isFinite(line.breakEven.hoursPerMonth) ? line.breakEven : null;
  return (
    <li>
      <div className="calc-line-head">
        <strong>{line.label}</strong>
        <span className="muted">
          {' '}
          {[line.component, line.instance, line.pricing, line.quantity !== 1 ? `× ${line.quantity}` : null].filter(Boolean).join(' · ')}
        </span>
      </div>
      <code className="calc-line-math">{line.math}</code>
      {line.upfront > 0 && <div className="muted">Upfront {formatUsd(line.upfront)}</div>}
      {even && (
        <div className="muted">
          Cheaper than on-demand above {Math.round(even.hoursPerMonth * 10) / 10} h a month ({Math.round(even.utilisation * 1000) / 10}% use).
        </div>
      )}
      {line.note && <div className="muted">{line.note}</div>}
      {line.violations.map((v) => (
        <div key={v} className="calc-violation">
          ✗ {v}
        </div>
      ))}
      {line.sources.length > 0 && (
        <ul className="calc-sources" aria-label="Price sources">
          {line.sources.map((s, i) => (
            <li key={i}>
              {s.figure} <span className={`calc-confidence calc-confidence-${s.confidence}`}>{s.confidence}</span>
              <div className="calc-source-text">{s.source}</div>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
