import type { ExamStatus } from '../../../electron/contract.ts';
import { percent } from './ExamSummary.tsx';

/** Under a deck's name in the Flashcards view: days to its exam, cards not yet introduced, predicted retention. */
export function DeckExam({ exam }: { exam: ExamStatus | undefined }) {
  if (!exam || exam.past) return null;
  if (!exam.plan)
    return (
      <span className="deck-exam">
        exam {exam.date}
        {exam.problem ? ` — ${exam.problem}` : ''}
      </span>
    );
  const p = exam.plan;
  return (
    <a className="deck-exam" href="#/exam" aria-label={`Exam of #${exam.deck}`}>
      exam in {p.daysLeft} {p.daysLeft === 1 ? 'day' : 'days'} · {p.unseen} not yet introduced · {percent(p.retrievabilityAtExam)} predicted
      {p.newLimitRaised ? ` · ${p.newPerDay} new a day` : ''}
    </a>
  );
}
