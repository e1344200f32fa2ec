import type { PracticeTest } from '../../../electron/contract.ts';
import { noteHref } from '../../useRoute.ts';
import { plainText } from '../cards/card-text.ts';
import { ScenarioCosts } from '../cards/ScenarioCosts.tsx';

/**
 * A missed question with every option's explanation. Options are listed with the note's letters,
 * so they match the cost table of the note's calculator (whose scenarios are named by them).
 */
export function MissedQuestion({ question, picked }: { question: PracticeTest['questions'][number]; picked: string | null }) {
  const options = [...question.options].sort((a, b) => a.original.localeCompare(b.original));
  const right = question.options.find((o) => o.key === question.answer)!;
  const mine = question.options.find((o) => o.key === picked) ?? null;
  return (
    <article className="review-card missed-question" aria-label={`Missed: ${plainText(question.question).slice(0, 80)}`}>
      <div className="card-body">
        <p className="card-front">{plainText(question.question)}</p>
        <p className="verdict wrong">
          {mine ? `You picked ${mine.key} (${mine.original} in the note)` : 'Unanswered'}; the answer is {right.key} ({right.original} in the note).
        </p>
        <ol className="choice-options" aria-label="Options, as lettered in the note">
          {options.map((o) => (
            <li key={o.original} className={`choice${o.key === question.answer ? ' right' : o.key === picked ? ' wrong' : ''}`}>
              <span className="choice-button">
                <span className="choice-key">{o.original}</span>
                <span className="choice-text">{plainText(o.text)}</span>
              </span>
              {question.explanations[o.key] && <p className="explanation">{plainText(question.explanations[o.key])}</p>}
            </li>
          ))}
        </ol>
        <ScenarioCosts noteId={question.noteId} optionKeys={options.map((o) => o.original)} />
        <a className="open-note" href={noteHref(question.noteId)}>
          Open note
        </a>
      </div>
    </article>
  );
}
