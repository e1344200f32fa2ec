import type { ExamPlan } from '../../../electron/contract.ts';
import { planBars } from './plan-chart-layout.ts';

/**
 * The plan as stacked bars, one a day to the exam: reviews under new cards. Plain SVG with
 * attributes only (the CSP forbids inline styles); each bar's title gives the figures.
 */
export function PlanChart({ plan }: { plan: ExamPlan }) {
  const layout = planBars(plan.days);
  return (
    <figure className="plan-chart">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={`Plan for #${plan.deck}: ${plan.days.length} days to ${plan.exam}`}>
        <line className="plan-axis" x1={0} x2={layout.width} y1={layout.base} y2={layout.base} />
        {layout.bars.map((b) => (
          <g key={b.date} className="plan-day">
            <title>{`${b.date}: ${b.reviews} reviews, ${b.new} new`}</title>
            <rect className="plan-reviews" x={b.x} width={b.w} y={b.reviewsY} height={b.reviewsH} />
            <rect className="plan-new" x={b.x} width={b.w} y={b.newY} height={b.newH} />
          </g>
        ))}
        <text className="plan-label" x={0} y={layout.height - 2}>
          {plan.days[0]?.date}
        </text>
        <text className="plan-label end" x={layout.width} y={layout.height - 2}>{`exam ${plan.exam}`}</text>
        <text className="plan-label" x={0} y={9}>{`${layout.max} cards`}</text>
      </svg>
      <figcaption className="plan-legend">
        <span className="legend-reviews">reviews</span> <span className="legend-new">new cards</span>
      </figcaption>
    </figure>
  );
}
