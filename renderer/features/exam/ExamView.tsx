import type { ExamTab } from '../../useRoute.ts';
import { CardBrowser } from './CardBrowser.tsx';
import { ExamPlanner } from './ExamPlanner.tsx';
import { PracticeView } from './PracticeView.tsx';
import '../cards/cards.css';
import './exam.css';

const TABS: Array<[ExamTab, string, string]> = [
  ['plan', '#/exam', 'Exam plan'],
  ['practice', '#/exam/practice', 'Practice test'],
  ['browse', '#/exam/browse', 'Card browser'],
];

/** `#/exam`: exam dates and plans, practice tests (mock exams) and the card browser. */
export function ExamView({ tab }: { tab: ExamTab }) {
  return (
    <section className="exam-view" aria-labelledby="exam-heading">
      <h1 id="exam-heading">Exam</h1>
      <nav className="exam-tabs" aria-label="Exam tools">
        {TABS.map(([id, href, label]) => (
          <a key={id} href={href} className="exam-tab" aria-current={tab === id ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      {tab === 'plan' && <ExamPlanner />}
      {tab === 'practice' && <PracticeView />}
      {tab === 'browse' && <CardBrowser />}
    </section>
  );
}
