import type { SearchHit } from '../../../electron/contract.ts';
import { SafeHtml } from '../../SafeHtml.tsx';
import { noteHref } from '../../useRoute.ts';
import { VirtualList } from '../../VirtualList.tsx';
import { folderOf, repeatedTitles } from './search-keys.ts';

const FIELD_LABEL: Record<SearchHit['field'], string> = { title: 'title', alias: 'alias', heading: 'heading', tag: 'tag', body: 'text' };

/** A note found by its names alone (the quick switcher's answer), shown while the full text is
 *  indexed: the alias that matched, or the folder, as plain text where a search hit has its
 *  snippet. */
export interface NameHit {
  id: string;
  title: string;
  field: 'title' | 'alias';
  text: string;
}

interface Props {
  hits: Array<SearchHit | NameHit>;
  /** The hit chosen from the keyboard (-1: none). */
  active: number;
  onHover: (index: number) => void;
}

/** The hits as a listbox; each row as tall as its snippet wraps to, the folder shown where
 *  titles repeat. */
export function SearchResults({ hits, active, onHover }: Props) {
  const repeated = repeatedTitles(hits);
  return (
    <VirtualList
      id="search-results"
      items={hits}
      rowHeight={76}
      className="search-results"
      label="Search results"
      roles={{ list: 'listbox', item: 'option' }}
      activeIndex={active}
      rowProps={(_, i) => ({ id: `search-hit-${i}`, 'aria-selected': i === active, className: i === active ? 'vrow active' : 'vrow' })}
      render={(hit, i) => (
        <a className="search-hit" href={noteHref(hit.id)} tabIndex={-1} onMouseEnter={() => onHover(i)}>
          <span className="hit-head">
            <span className="hit-title">{hit.title}</span>
            <span className="hit-field">{FIELD_LABEL[hit.field]}</span>
          </span>
          {/* A name hit without an alias shows its folder as its text already. */}
          {repeated.has(hit.title) && ('snippet' in hit || hit.field === 'alias') && <span className="hit-folder">{folderOf(hit.id) || '(vault root)'}</span>}
          {'snippet' in hit ? <SafeHtml className="hit-snippet" html={hit.snippet} /> : <span className="hit-snippet">{hit.text}</span>}
        </a>
      )}
    />
  );
}
