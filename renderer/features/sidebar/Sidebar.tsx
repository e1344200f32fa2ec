import type { RefObject } from 'react';
import type { VaultData } from '../../useVaultData.ts';
import { FileTree } from './FileTree.tsx';
import { TagTree } from './TagTree.tsx';
import { SearchPanel } from '../search/SearchPanel.tsx';

export type SidebarTab = 'search' | 'notes' | 'tags';
export const SIDEBAR_ID = 'sidebar';

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

export function isSidebarTab(t: unknown): t is SidebarTab {
  return TABS.some(([id]) => id === t);
}

/**
 * Tabs with automatic activation (WAI-ARIA APG "Tabs"): one tab stop, ←/→ move and select,
 * Home/End go to the first/last tab.
 */
export function Sidebar({ data, tab, onTab, query, onQuery, searchInput, onTag }: Props) {
  const onKey = (e: React.KeyboardEvent) => {
    const at = TABS.findIndex(([id]) => id === tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1 + TABS.length, Home: 0, End: TABS.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const next = TABS[to % TABS.length][0];
    onTab(next);
    // The new tab takes the focus at once, so a Tab pressed right after goes into its panel.
    document.getElementById(`tab-${next}`)?.focus();
    if (next !== 'search') return;
    // The search panel focuses its box when it mounts: the arrows keep the tab, unless a key was
    // pressed before that frame (a Tab into the box, on a slow machine).
    let keyed = false;
    const mark = () => (keyed = true);
    document.addEventListener('keydown', mark, { capture: true, once: true });
    requestAnimationFrame(() => {
      document.removeEventListener('keydown', mark, { capture: true });
      if (!keyed && document.activeElement === searchInput.current) document.getElementById('tab-search')?.focus();
    });
  };
  return (
    <aside className="sidebar" id={SIDEBAR_ID} aria-label="Sidebar">
      <div className="tabs" role="tablist" aria-label="Sidebar" onKeyDown={onKey}>
        {TABS.map(([id, label]) => (
          <button
            type="button"
            key={id}
            id={`tab-${id}`}
            role="tab"
            aria-selected={tab === id}
            aria-controls="sidebar-panel"
            tabIndex={tab === id ? 0 : -1}
            className={tab === id ? 'tab active' : 'tab'}
            onClick={() => onTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div className="tab-panel" id="sidebar-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'notes' && <FileTree notes={data.notes} />}
        {tab === 'tags' && <TagTree tags={data.tags} onTag={onTag} />}
        {tab === 'search' && <SearchPanel query={query} onQuery={onQuery} inputRef={searchInput} />}
      </div>
    </aside>
  );
}
