import type { DeckCounts } from '../../../electron/contract.ts';
import { studyable } from './deck-tree.ts';
import type { ExamStatus } from '../../../electron/contract.ts';
import { DeckExam } from '../exam/DeckExam.tsx';

interface Props {
  counts: DeckCounts;
  /** Full deck path (or "All cards"): the row's accessible name. */
  label: string;
  name: string;
  depth: number;
  /** undefined: the deck has no sub-decks. */
  open?: boolean;
  onToggle?: () => void;
  onStudy: () => void;
  /** The deck's exam, if one is set (README.md, "Exam mode"). */
  exam?: ExamStatus;
}

export function DeckRow({ counts, label, name, depth, open, onToggle, onStudy, exam }: Props) {
  const cards = studyable(counts);
  const cell = (kind: 'new' | 'learning' | 'due', title: string) => (
    <td className={`num deck-count ${kind}${counts[kind] ? '' : ' zero'}`} aria-label={`${title} ${counts[kind]}`}>
      {counts[kind]}
    </td>
  );
  return (
    <tr className="deck-row" aria-label={label}>
      <th scope="row" className={`deck-name deck-depth-${Math.min(depth, 5)}`}>
        {open === undefined ? (
          <span className="chevron-space" />
        ) : (
          <button type="button" className="chevron-button" aria-label={`${open ? 'Collapse' : 'Expand'} ${label}`} aria-expanded={open} onClick={onToggle}>
            {open ? '▾' : '▸'}
          </button>
        )}
        <span className="deck-label" title={`${label} · ${counts.total} cards`}>
          {name}
        </span>
        <DeckExam exam={exam} />
      </th>
      {cell('new', 'New')}
      {cell('learning', 'Learning')}
      {cell('due', 'Due')}
      <td className="deck-actions">
        <button
          type="button"
          className="study-button"
          disabled={cards === 0}
          title={cards ? `Study ${cards} cards of ${label}` : 'Nothing to study now'}
          onClick={onStudy}
        >
          Study
        </button>
      </td>
    </tr>
  );
}
