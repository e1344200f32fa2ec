import { useCallback, useState, type RefObject } from 'react';
import type { SearchResult, SwitchHit } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { useApi } from '../../useApi.ts';
import { isContentChange } from '../../vault-events.ts';
import { openNote } from '../../useRoute.ts';
import { type NameHit, SearchResults } from './SearchResults.tsx';
import { isComposing, nameQuery } from './search-keys.ts';
import { useLatestAnswer } from './useLatestAnswer.ts';
import { useTextIndexing } from '../../index-stage.ts';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** Hits asked for at a time: the API's own page (SEARCH_PAGE in electron/contract.ts); "Show
 *  more" asks for another page, up to the API's 500. */
const PAGE = 30;
const MAX_PAGES = 10;
/** Typing pauses this long before a search is asked (each answer for an older text is dropped). */
const DELAY_MS = 60;

/** Results as you type: words, "phrases", tag:name — ranked by the domain's search. The box is a
 *  WAI-ARIA combobox: ↓/↑ move from the box through the hits and back, Enter opens one. */
export function SearchPanel({ query, onQuery, inputRef }: Props) {
  // A search asked while the full text is indexed is answered once it is (at 10k notes, a cold
  // open takes about 7 s, at 50k about 35). Meanwhile the quick switcher, which answers from the
  // first step of the open, finds the notes by their names, and the panel shows those, saying so.
  const indexing = useTextIndexing();
  const askNames = useCallback((q: string, signal?: AbortSignal) => api.quickSwitch({ query: q, limit: PAGE }, { signal }), []);
  const names = indexing ? nameQuery(query) : null;
  const byName = useLatestAnswer<SwitchHit[]>(names ?? '', askNames, DELAY_MS).answer;
  // Pages of hits shown for `pagesFor` (a new query starts at one).
  const [paging, setPaging] = useState({ pagesFor: query, pages: 1 });
  const pages = paging.pagesFor === query ? paging.pages : 1;
  const askSearch = useCallback((q: string, signal?: AbortSignal) => api.search({ query: q, limit: PAGE * pages }, { signal }), [pages]);
  const { answer, current, answerFor } = useLatestAnswer<SearchResult>(query, askSearch, DELAY_MS);
  // -1: the box itself; 0…: a hit.
  const [active, setActive] = useState(-1);
  // A new list of hits (the names' or the full text's) starts from the box.
  const shownNow = answer ?? byName;
  const [shownFor, setShownFor] = useState<typeof shownNow>(null);
  if (shownFor !== shownNow) {
    setShownFor(shownNow);
    setActive(-1);
  }
  const result = answer?.result;
  // The names' hits stand in until the full text answers, for the text in the box only.
  const interim = !answer && names !== null && byName?.text === names && byName.result.ok ? byName.result.value.map(nameHit) : null;
  const hits = result?.ok ? result.value.hits : (interim ?? []);
  const total = useTotal(answer?.text ?? '', result?.ok ? result.value : null);
  const more = result?.ok && hits.length === PAGE * pages && pages < MAX_PAGES && (total === null || total.total > hits.length);

  const onKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (isComposing(e)) return;
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, -1));
    else if (e.key === 'Escape' && active >= 0) setActive(-1);
    else if (e.key === 'Enter') {
      const text = e.currentTarget.value;
      const byNameNow = interim !== null && text === query;
      if (active >= 0 && (answer?.text === text || byNameNow)) openNote(hits[active].id);
      // From the box: the best hit for the text in it now (by name while the full text is indexed).
      else if (byNameNow && interim[0]) openNote(interim[0].id);
      else if (text.trim()) void answerFor(text).then((r) => r.ok && r.value.hits[0] && openNote(r.value.hits[0].id));
    } else return;
    e.preventDefault();
  };

  return (
    <div className="search-panel">
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        aria-label="Search notes"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={hits.length > 0}
        aria-controls="search-results"
        aria-activedescendant={active >= 0 && hits[active] ? `search-hit-${active}` : undefined}
        placeholder="Search notes — words, &quot;phrase&quot;, tag:name"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={onKey}
        autoFocus
      />
      {!query.trim() && (
        <p className="hint">
          Try <code>인스턴스</code>, <code>"Savings Plan"</code> or <code>tag:service 비용</code>.
        </p>
      )}
      {query.trim() && !answer && !interim && (
        <p className="status">{indexing ? 'Searching… the full text is still being indexed; the hits come once it is.' : 'Searching…'}</p>
      )}
      {interim && (
        <>
          <p className="status" role="status">
            {interim.length
              ? `${interim.length === PAGE ? `The ${PAGE} best notes` : `${interim.length} ${interim.length === 1 ? 'note' : 'notes'}`} by name only. The full text is still being indexed; its hits come once it is.`
              : `No note is named like “${names}”. The full text is still being indexed; its hits come once it is.`}
          </p>
          {interim.length > 0 && <SearchResults hits={interim} active={active} onHover={setActive} />}
        </>
      )}
      {result && !result.ok && (
        <p className="error" role="alert">
          Search failed: {result.error.message}
        </p>
      )}
      {result?.ok && hits.length === 0 && <p className="empty">No notes match “{answer?.text}”.</p>}
      {result?.ok && hits.length > 0 && (
        <>
          <p className="muted result-count" aria-live="polite">
            {countText(total?.total ?? result.value.total, total !== null, total?.exact ?? false, hits.length)}
            {!current && ' · searching…'}
          </p>
          <SearchResults hits={hits} active={active} onHover={setActive} />
          {more && (
            <button type="button" className="show-more" onClick={() => setPaging({ pagesFor: query, pages: pages + 1 })}>
              Show {PAGE} more
            </button>
          )}
        </>
      )}
    </div>
  );
}

/**
 * The real number of hits for `text`: the answer's own total when it is exact, else the count
 * asked apart (searchCount), which follows the hits by a few milliseconds; null until it comes.
 * A count for an older text is never shown.
 */
function useTotal(text: string, page: SearchResult | null): { total: number; exact: boolean } | null {
  const asking = page !== null && !page.exact ? text : null;
  const [count] = useApi(
    async (signal) => {
      const r = await api.searchCount({ query: asking! }, { signal });
      return r.ok ? { ok: true as const, value: { text: asking!, ...r.value } } : r;
    },
    [asking],
    { enabled: asking !== null, reloadOn: isContentChange },
  );
  if (page === null) return null;
  if (page.exact) return { total: page.total, exact: true };
  // A count that failed leaves the page's lower bound, said as such (not "counting…" forever).
  if (count.state === 'error') return { total: page.total, exact: false };
  return count.state === 'ok' && count.value.text === text ? count.value : null;
}

/** "320 notes · showing the first 50"; "at least 150 notes · counting…" while the count is
 *  asked; "at least 2,400 notes" when it ran out of time (a phrase of very common words). */
function countText(total: number, counted: boolean, exact: boolean, shown: number): string {
  const notes = `${exact ? '' : 'at least '}${total.toLocaleString('en-US')} ${total === 1 ? 'note' : 'notes'}`;
  if (!counted) return `${notes} · counting…`;
  return total > shown ? `${notes} · showing the first ${shown}` : notes;
}

/** A quick switcher hit as the search list shows it: the alias that matched, else the folder. */
function nameHit(h: SwitchHit): NameHit {
  return { id: h.id, title: h.title, field: h.alias ? 'alias' : 'title', text: h.alias ?? (h.folder || '(vault root)') };
}
