import type { RefObject } from 'react';
import type { VaultData } from '../../useVaultData.ts';
import { FileTree } from './FileTree.tsx';
import { TagTree } from './TagTree.tsx';
import { SearchPanel } from '../search/SearchPanel.tsx';

export type SidebarTab = 'search' | 'notes' | 'tags';

interface Props {
  data: VaultData;
  tab: SidebarTab;
  onTab: (t: SidebarTab) => void;
  query: string;
  onQuery: (q: string) => void;
  searchInput: RefObject<HTMLInputElement | null>;
  onTag: (tag: string) => void;
}

const TABS: Array<[SidebarTab, string]> = [
  ['notes', 'Notes'],
  ['tags', 'Tags'],
  ['search', 'Search'],
];

export function Sidebar({ data, tab, onTab, query, onQuery, searchInput, onTag }: Props) {
  return (
    <aside className="sidebar">
      <div className="tabs" role="tablist" aria-label="Sidebar">
        {TABS.map(([id, label]) => (
          <button key={id} role="tab" aria-selected={tab === id} className={tab === id ? 'tab active' : 'tab'} onClick={() => onTab(id)}>
            {label}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" aria-label={TABS.find(([id]) => id === tab)?.[1]}>
        {tab === 'notes' && <FileTree notes={data.notes} />}
        {tab === 'tags' && <TagTree tags={data.tags} onTag={onTag} />}
        {tab === 'search' && <SearchPanel query={query} onQuery={onQuery} inputRef={searchInput} />}
      </div>
    </aside>
  );
}
