import type { BrowserRow } from '../../../electron/contract.ts';
import { noteHref } from '../../useRoute.ts';
import { plainText } from '../cards/card-text.ts';
import type { BrowserFilter, SortKey } from './browser-filter.ts';

interface Props {
  rows: BrowserRow[];
  filter: BrowserFilter;
  onSort: (f: BrowserFilter) => void;
  onSuspend: (cardId: string, suspended: boolean) => void;
}

const COLUMNS: Array<[SortKey, string]> = [
  ['front', 'Card'],
  ['note', 'Note'],
  ['deck', 'Deck'],
  ['phase', 'State'],
  ['due', 'Due'],
  ['lapses', 'Lapses'],
];

const day = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString('en-CA') : '—');

export function BrowserTable({ rows, filter, onSort, onSuspend }: Props) {
  const sortBy = (key: SortKey) => onSort({ ...filter, sort: key, descending: filter.sort === key ? !filter.descending : false });
  return (
    <table className="deck-table browser-table" aria-label="Cards">
      <thead>
        <tr>
          {COLUMNS.map(([key, label]) => (
            <th key={key} scope="col" aria-sort={filter.sort === key ? (filter.descending ? 'descending' : 'ascending') : undefined}>
              <button type="button" className="sort-button" onClick={() => sortBy(key)}>
                {label}
                {filter.sort === key ? (filter.descending ? ' ▾' : ' ▴') : ''}
              </button>
            </th>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} className={`browser-row${r.suspended ? ' suspended' : ''}`} aria-label={plainText(r.front).slice(0, 80)}>
            <td className="browser-front">{plainText(r.front)}</td>
            <td>
              <a href={noteHref(r.noteId, r.heading)} title={`${r.noteId}, line ${r.line}`}>
                {r.noteTitle}
              </a>
              <span className="stat-note"> :{r.line}</span>
            </td>
            <td className="browser-decks">
              {r.decks
                .slice(0, 2)
                .map((d) => `#${d}`)
                .join(' ')}
              {r.decks.length > 2 ? ` +${r.decks.length - 2}` : ''}
            </td>
            <td>
              {r.suspended ? 'suspended' : r.phase}
              {r.practiced ? <span className="stat-note"> · practised {r.practiced}×</span> : null}
            </td>
            <td className="num">{day(r.due)}</td>
            <td className="num">{r.lapses}</td>
            <td className="deck-actions">
              <button type="button" className="session-button" onClick={() => onSuspend(r.id, !r.suspended)}>
                {r.suspended ? 'Unsuspend' : 'Suspend'}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
