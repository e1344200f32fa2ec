import { useMemo, useState } from 'react';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { isContentChange } from '../../vault-events.ts';
import { BrowserFilters } from './BrowserFilters.tsx';
import { BrowserTable } from './BrowserTable.tsx';
import { DEFAULT_FILTER, filterRows, type BrowserFilter } from './browser-filter.ts';

const SHOWN = 300;

/** Every card of the vault: search, filter, sort, open its note, suspend or unsuspend. */
export function CardBrowser() {
  // Cards come from the notes: an edited note can add or drop cards.
  const [rows, reload] = useApi((signal) => api.cardBrowser({}, { signal }), [], { reloadOn: isContentChange });
  const [filter, setFilter] = useState<BrowserFilter>(DEFAULT_FILTER);
  const [failure, setFailure] = useState<string | null>(null);
  const matched = useMemo(() => (rows.state === 'ok' ? filterRows(rows.value, filter, new Date()) : []), [rows, filter]);
  const decks = useMemo(() => (rows.state === 'ok' ? [...new Set(rows.value.flatMap((r) => r.decks))].sort() : []), [rows]);

  const suspend = async (cardId: string, suspended: boolean) => {
    const r = await api.suspendCard({ cardId, suspended });
    setFailure(r.ok ? null : `Not saved: ${r.error.message}`);
    reload();
  };

  return (
    <ApiState
      value={rows}
      loading="Reading the cards…"
      failed="Could not read the cards"
      empty="No flashcards in this vault yet."
      isEmpty={(r) => r.length === 0}
    >
      {(all) => (
        <div className="card-browser">
          <BrowserFilters filter={filter} decks={decks} onChange={setFilter} />
          <p className="stat-note" role="status">
            {matched.length} of {all.length} cards{matched.length > SHOWN ? ` (the first ${SHOWN} shown: narrow the search)` : ''}
          </p>
          {failure && (
            <p className="error" role="alert">
              {failure}
            </p>
          )}
          {matched.length === 0 ? (
            <p className="empty">No card matches these filters.</p>
          ) : (
            <BrowserTable rows={matched.slice(0, SHOWN)} filter={filter} onSort={setFilter} onSuspend={(id, s) => void suspend(id, s)} />
          )}
        </div>
      )}
    </ApiState>
  );
}
