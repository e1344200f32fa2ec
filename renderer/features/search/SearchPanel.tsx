import { useEffect, useState, type RefObject } from 'react';
import type { SearchHit } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { SafeHtml } from '../../SafeHtml.tsx';
import { noteHref } from '../../useRoute.ts';
import { VirtualList } from '../../VirtualList.tsx';

interface Props {
  query: string;
  onQuery: (q: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Changes on every vault event, so the open query runs again (a deleted note leaves the results). */
  refresh?: unknown;
}

type State = { kind: 'idle' } | { kind: 'loading' } | { kind: 'hits'; hits: SearchHit[] } | { kind: 'error'; message: string };

const FIELD_LABEL: Record<SearchHit['field'], string> = { title: 'title', alias: 'alias', heading: 'heading', tag: 'tag', body: 'text' };

/** Results as you type: words, "phrases", tag:name — ranked by the domain's search. */
export function SearchPanel({ query, onQuery, inputRef, refresh }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => {
    if (!query.trim()) return setState({ kind: 'idle' });
    setState((s) => (s.kind === 'hits' ? s : { kind: 'loading' }));
    let live = true;
    const t = setTimeout(() => {
      void api.search({ query, limit: 200 }).then((r) => {
        if (live) setState(r.ok ? { kind: 'hits', hits: r.value } : { kind: 'error', message: r.error.message });
      });
    }, 60);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [query, refresh]);

  return (
    <div className="search-panel">
      <input
        ref={inputRef}
        type="search"
        className="search-input"
        aria-label="Search notes"
        placeholder="Search notes — words, &quot;phrase&quot;, tag:name"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        autoFocus
      />
      {state.kind === 'idle' && <p className="hint">Try <code>인스턴스</code>, <code>"Savings Plan"</code> or <code>tag:service 비용</code>.</p>}
      {state.kind === 'loading' && <p className="status">Searching…</p>}
      {state.kind === 'error' && <p className="error" role="alert">Search failed: {state.message}</p>}
      {state.kind === 'hits' && state.hits.length === 0 && <p className="empty">No notes match “{query}”.</p>}
      {state.kind === 'hits' && state.hits.length > 0 && (
        <>
          <p className="muted result-count" aria-live="polite">{state.hits.length} {state.hits.length === 1 ? 'note' : 'notes'}</p>
          <VirtualList
            items={state.hits}
            rowHeight={76}
            className="search-results"
            label="Search results"
            render={(hit) => (
              <a className="search-hit" href={noteHref(hit.id)}>
                <span className="hit-title">{hit.title}</span>
                <span className="hit-field">{FIELD_LABEL[hit.field]}</span>
                <SafeHtml className="hit-snippet" html={hit.snippet} />
              </a>
            )}
          />
        </>
      )}
    </div>
  );
}
