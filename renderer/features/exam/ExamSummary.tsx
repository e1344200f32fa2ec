import type { ExamPlan } from '../../../electron/contract.ts';
import { PlanChart } from './PlanChart.tsx';

export const percent = (r: number) => `${(r * 100).toFixed(1)}%`;

/** A plan in figures and as a chart; says when the daily new-card limit had to be raised. */
export function ExamSummary({ plan }: { plan: ExamPlan }) {
  const reviews = plan.days.reduce((n, d) => n + d.reviews, 0);
  return (
    <div className="exam-summary">
      <dl className="stat-tiles exam-tiles">
        <div>
          <dt>Days left</dt>
          <dd>{plan.daysLeft}</dd>
        </div>
        <div>
          <dt>Not yet introduced</dt>
          <dd>
            {plan.unseen} <span className="stat-note">of {plan.cards}</span>
          </dd>
        </div>
        <div>
          <dt>Predicted retention at the exam</dt>
          <dd className={plan.retrievabilityAtExam >= plan.target ? 'on-target' : 'off-target'}>{percent(plan.retrievabilityAtExam)}</dd>
        </div>
      </dl>
      <p className="stat-note">
        Target {percent(plan.target)} · {reviews} reviews and {plan.unseen} new cards until {plan.exam}
        {plan.belowTarget > 0 && ` · ${plan.belowTarget} cards still below the target`}
      </p>
      {plan.newLimitRaised && (
        <p className="notice" role="status">
          New cards a day raised from {plan.newLimit} to {plan.newPerDay} for this deck, so that every card is introduced before the exam.
        </p>
      )}
      <PlanChart plan={plan} />
    </div>
  );
}
