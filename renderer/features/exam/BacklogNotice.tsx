import type { ExamOverview } from '../../../electron/contract.ts';

/** After missed days: how many due reviews wait for the next days (the most at risk go first). */
export function BacklogNotice({ backlog }: { backlog: ExamOverview['backlog'] }) {
  if (backlog.moved === 0) return null;
  const days = backlog.spread.length;
  return (
    <p className="notice backlog-notice" role="status">
      {backlog.due} reviews are due, more than the day's limit of {backlog.limit}: the least remembered go first today, and {backlog.moved}{' '}
      {backlog.moved === 1 ? 'review was' : 'reviews were'} moved to the next {days === 1 ? 'day' : `${days} days`}.
    </p>
  );
}
