import { useCallback, useRef, useState } from 'react';
import type { AppCommand } from '../electron/contract.ts';
import { Home } from './Home.tsx';
import { Sidebar, type SidebarTab } from './features/sidebar/Sidebar.tsx';
import { QuickSwitcher } from './features/search/QuickSwitcher.tsx';
import { NoteView } from './features/note/NoteView.tsx';
import { CardsView } from './features/cards/CardsView.tsx';
import { ExamView } from './features/exam/ExamView.tsx';
import { useRoute } from './useRoute.ts';
import { useShortcuts } from './useShortcuts.ts';
import { IndexStatus } from './IndexStatus.tsx';
import { useVaultData } from './useVaultData.ts';

export function App() {
  const route = useRoute();
  const data = useVaultData();
  const [tab, setTab] = useState<SidebarTab>('notes');
  const [query, setQuery] = useState('');
  const [switcherOpen, setSwitcherOpen] = useState(false);
  const searchInput = useRef<HTMLInputElement>(null);

  const showSearch = useCallback((q?: string) => {
    setTab('search');
    if (q !== undefined) setQuery(q);
    requestAnimationFrame(() => searchInput.current?.focus());
  }, []);
  const filterByTag = useCallback((tag: string) => showSearch(`tag:${tag}`), [showSearch]);

  const run = useCallback(
    (c: AppCommand) => {
      if (c === 'search') showSearch();
      else if (c === 'quickSwitcher') setSwitcherOpen(true);
      else if (c === 'back') history.back();
      else if (c === 'forward') history.forward();
      else if (c === 'flashcards') location.hash = '#/cards';
      else if (c === 'vaultOpened') location.hash = '#/';
    },
    [showSearch],
  );
  useShortcuts(run);

  const vaultName = data.info.state === 'ok' ? data.info.value.name : 'Cairn';
  return (
    <div className="app">
      <header className="topbar">
        <button className="icon-button" aria-label="Back" title="Back (Alt+←)" onClick={() => history.back()}>←</button>
        <button className="icon-button" aria-label="Forward" title="Forward (Alt+→)" onClick={() => history.forward()}>→</button>
        <a className="vault-name" href="#/">{vaultName}</a>
        <IndexStatus progress={data.progress} index={data.index} />
        <button className="switcher-button" onClick={() => setSwitcherOpen(true)} title="Quick switcher (Ctrl/Cmd+O)">
          Go to note… <kbd>Ctrl O</kbd>
        </button>
        <a className="topbar-link" href="#/cards" aria-current={route.view === 'cards' ? 'page' : undefined}>Flashcards</a>
        <a className="topbar-link" href="#/exam" aria-current={route.view === 'exam' ? 'page' : undefined}>Exam</a>
      </header>
      <Sidebar data={data} tab={tab} onTab={setTab} query={query} onQuery={setQuery} searchInput={searchInput} onTag={filterByTag} />
      <main className="main">
        {route.view === 'note' ? (
          <NoteView key={route.id} id={route.id} heading={route.heading} lastEvent={data.lastEvent} onTag={filterByTag} />
        ) : route.view === 'cards' ? (
          <CardsView lastEvent={data.lastEvent} />
        ) : route.view === 'exam' ? (
          <ExamView tab={route.tab} lastEvent={data.lastEvent} />
        ) : (
          <Home data={data} />
        )}
      </main>
      {switcherOpen && <QuickSwitcher onClose={() => setSwitcherOpen(false)} />}
    </div>
  );
}
