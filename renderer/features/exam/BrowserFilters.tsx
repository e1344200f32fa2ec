import { DeckSelect } from './DeckSelect.tsx';
import type { BrowserFilter, DueFilter, StateFilter } from './browser-filter.ts';

interface Props {
  filter: BrowserFilter;
  decks: string[];
  onChange: (f: BrowserFilter) => void;
}

export function BrowserFilters({ filter, decks, onChange }: Props) {
  const set = <K extends keyof BrowserFilter>(k: K, v: BrowserFilter[K]) => onChange({ ...filter, [k]: v });
  return (
    <form className="exam-form browser-filters" aria-label="Filter cards" onSubmit={(e) => e.preventDefault()}>
      <label>
        Search <input type="search" value={filter.text} placeholder="words of the card, note or deck" onChange={(e) => set('text', e.target.value)} />
      </label>
      <DeckSelect decks={decks} value={filter.deck} onChange={(d) => set('deck', d)} all="All decks" />
      <label>
        State{' '}
        <select value={filter.state} onChange={(e) => set('state', e.target.value as StateFilter)}>
          <option value="all">Any</option>
          <option value="new">New</option>
          <option value="learning">Learning</option>
          <option value="review">Review</option>
          <option value="suspended">Suspended</option>
        </select>
      </label>
      <label>
        Due{' '}
        <select value={filter.due} onChange={(e) => set('due', e.target.value as DueFilter)}>
          <option value="any">Any time</option>
          <option value="overdue">Overdue</option>
          <option value="today">By today</option>
          <option value="week">Within a week</option>
        </select>
      </label>
      <label>
        Note <input type="search" value={filter.note} placeholder="note title or path" onChange={(e) => set('note', e.target.value)} />
      </label>
    </form>
  );
}
