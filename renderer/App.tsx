import { useCallback, useMemo, useRef, useState } from 'react';
import { api } from './api.ts';
import { Home } from './Home.tsx';
import { Sidebar, SIDEBAR_ID, isSidebarTab, type SidebarTab } from './features/sidebar/Sidebar.tsx';
import { QuickSwitcher } from './features/search/QuickSwitcher.tsx';
import { NoteView } from './features/note/NoteView.tsx';
import { CardsView } from './features/cards/CardsView.tsx';
import { ExamView } from './features/exam/ExamView.tsx';
import { GraphView } from './features/graph/GraphView.tsx';
import { CommandPalette } from './features/palette/CommandPalette.tsx';
import { COMMANDS, type CommandId } from './features/palette/commands.ts';
import { LayoutContext, type Layout } from './features/layout/layout-context.ts';
import { Separator } from './features/layout/Separator.tsx';
import { TopBar } from './features/layout/TopBar.tsx';
import { useEntryMemory } from './features/layout/useEntryMemory.ts';
import { useNarrow } from './features/layout/useNarrow.ts';
import { useResizable } from './features/layout/useResizable.ts';
import { useRoute } from './useRoute.ts';
import { useShortcuts } from './useShortcuts.ts';
import { useVaultData } from './useVaultData.ts';
import { IndexStageContext } from './index-stage.ts';

type Dialog = 'switcher' | 'palette' | null;

export function App() {
  const route = useRoute();
  const data = useVaultData();
  const [tab, setTab] = useState<SidebarTab>('notes');
  const [query, setQuery] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [sideOpen, setSideOpen] = useState(false);
  const narrow = useNarrow();
  const sidebar = useResizable('cairn:sidebar-width', '--sidebar-w', 280, 180, 560);
  const side = useResizable('cairn:side-width', '--side-w', 300, 220, 600);
  const searchInput = useRef<HTMLInputElement>(null);
  const main = useRef<HTMLElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  // The hash whose view is rendered: <main> carries it, so a restore of the scroll (useEntryMemory)
  // waits for the new entry's view instead of scrolling the old one, still on screen after the
  // hash changed. Read when the route changes, which is when the hash did.
  const shownHash = useMemo(() => location.hash, [route]); // eslint-disable-line react-hooks/exhaustive-deps
  useEntryMemory(main, { tab, side: sideOpen }, (p) => {
    if (isSidebarTab(p.tab)) setTab(p.tab);
    if (typeof p.side === 'boolean') setSideOpen(p.side);
  });

  // Focus moves at once, so keys typed right after land there (a frame later, on a slow machine,
  // they went to the old place): the search box when it is shown, else its own focus on mount.
  const showSearch = useCallback((q?: string) => {
    setTab('search');
    if (q !== undefined) setQuery(q);
    searchInput.current?.focus();
  }, []);
  const filterByTag = useCallback((tag: string) => showSearch(`tag:${tag}`), [showSearch]);

  // A dialog gives focus back to where it came from when it closes (WAI-ARIA APG, modal dialog).
  const openDialog = useCallback((d: Exclude<Dialog, null>) => {
    setDialog((open) => {
      if (!open) returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return d;
    });
  }, []);
  const closeDialog = useCallback(() => {
    setDialog(null);
    const back = returnFocus.current;
    if (back?.isConnected && back !== document.body) back.focus();
    else main.current?.focus();
  }, []);
  const focusNote = useCallback(() => main.current?.focus(), []);
  // A dialog that ran the command has given its focus back by now (CommandPalette closes first).
  const focusTab = (t: SidebarTab) => {
    setTab(t);
    document.getElementById(`tab-${t}`)?.focus();
  };

  const run = useCallback(
    (c: CommandId) => {
      if (c === 'search') showSearch();
      else if (c === 'quickSwitcher') openDialog('switcher');
      else if (c === 'palette') openDialog('palette');
      else if (c === 'back') history.back();
      else if (c === 'forward') history.forward();
      else if (c === 'flashcards') location.hash = '#/cards';
      else if (c === 'graph') location.hash = '#/graph';
      else if (c === 'home' || c === 'vaultOpened') location.hash = '#/';
      else if (c === 'showNotes') focusTab('notes');
      else if (c === 'showTags') focusTab('tags');
      else if (c === 'toggleSide') setSideOpen((o) => !o);
      else if (c === 'focusNote') focusNote();
      else if (c === 'openVault') void api.openVault({}).then((r) => r.ok && (location.hash = '#/'));
    },
    [showSearch, openDialog, focusNote],
  );
  useShortcuts(run);
  const commands = useMemo(() => COMMANDS.filter((c) => c.id !== 'openVault' || api.transport === 'electron'), []);
  const layout = useMemo<Layout>(() => ({ side, sideOpen, setSideOpen, narrow }), [side, sideOpen, narrow]);

  return (
    <LayoutContext.Provider value={layout}>
      <IndexStageContext.Provider value={data.index}>
        <div className="app">
          <button type="button" className="skip-link" onClick={focusNote}>
            Skip to the note
          </button>
          <TopBar data={data} route={route} onCommand={run} />
          <Sidebar data={data} tab={tab} onTab={setTab} query={query} onQuery={setQuery} searchInput={searchInput} onTag={filterByTag} />
          <Separator label="Resize the sidebar" size={sidebar} panel="left" controls={SIDEBAR_ID} />
          <main className="main" id="main" ref={main} tabIndex={-1} aria-label="Note" data-hash={shownHash}>
            {route.view === 'note' ? (
              <NoteView key={route.id} id={route.id} heading={route.heading} onTag={filterByTag} />
            ) : route.view === 'cards' ? (
              <CardsView />
            ) : route.view === 'exam' ? (
              <ExamView tab={route.tab} />
            ) : route.view === 'graph' ? (
              <GraphView />
            ) : (
              <Home data={data} />
            )}
          </main>
          {dialog === 'switcher' && <QuickSwitcher onClose={closeDialog} />}
          {dialog === 'palette' && <CommandPalette commands={commands} onRun={run} onClose={closeDialog} />}
        </div>
      </IndexStageContext.Provider>
    </LayoutContext.Provider>
  );
}
