import type { CalcResult, FigureSource } from './calc-view.ts';

// Most trusted first, as catalog-schema.ts orders CONFIDENCES.
const ORDER = ['official', 'confirmed', 'single-source', 'assumption'];

/** Under the chart: how old the prices are and how far each figure can be trusted, and where the calculator is defined. */
export function CatalogNote({ result }: { result: CalcResult }) {
  const figures = new Map<string, FigureSource>();
  for (const s of result.scenarios) for (const l of s.lines) for (const f of l.sources) figures.set(f.figure, f);
  const counts = new Map<string, number>();
  for (const f of figures.values()) counts.set(f.confidence, (counts.get(f.confidence) ?? 0) + 1);
  const byConfidence = [...counts].sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b));
  const { catalog, calculator } = result;
  const origin = calculator.origin;

  return (
    <div className="calc-catalog">
      <p>
        Prices as of <strong>{catalog.asOf}</strong>, {calculator.region}: bundled catalog
        {catalog.imports > 0 && ` + ${catalog.imports} imported AWS price list${catalog.imports === 1 ? '' : 's'}`}.{' '}
        {byConfidence.length > 0 && (
          <span>
            Confidence of the {figures.size} figure{figures.size === 1 ? '' : 's'}:{' '}
            {byConfidence.map(([c, n], i) => (
              <span key={c}>
                {i > 0 && ', '}
                {n} <span className={`calc-confidence calc-confidence-${c}`}>{c}</span>
              </span>
            ))}
            .
          </span>
        )}
      </p>
      <details className="calc-about">
        <summary>Sources and definition</summary>
        {calculator.sources.length > 0 && (
          <ul>
            {calculator.sources.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        )}
        <p className="muted">
          Defined in {origin.kind === 'note' ? 'a cost block of ' : ''}
          <code>
            {origin.id}
            {origin.line ? `:${origin.line}` : ''}
          </code>
          .
        </p>
      </details>
    </div>
  );
}
