import { useEffect, useMemo } from 'react';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { isContentChange } from '../../vault-events.ts';
import { DeckRow } from './DeckRow.tsx';
import { OrphanedCards } from './OrphanedCards.tsx';
import { nestDecks, visibleDecks } from './deck-tree.ts';
import { BacklogNotice } from '../exam/BacklogNotice.tsx';

interface Props {
  onStudy: (deck: string) => void;
  /** Open decks; kept by the view so the tree is as the user left it after a session. */
  expanded: ReadonlySet<string>;
  onToggle: (deck: string) => void;
  /** Bumped when the vault's study settings change (the daily new-card limit changes the counts). */
  settingsVersion: number;
}

/** Learning steps fall due by the minute: count again now and then, and when the window regains focus. */
const REFRESH_MS = 30_000;

/** Decks are the notes' tags as a tree (like the sidebar's tag tree), the whole vault on top. */
export function DeckTable({ onStudy, expanded, onToggle, settingsVersion }: Props) {
  // Cards come from the notes: an edited note can add or drop cards.
  const [decks, reload] = useApi((signal) => api.cardDecks({}, { signal }), [settingsVersion], { reloadOn: isContentChange });
  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    window.addEventListener('focus', reload);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', reload);
    };
  }, [reload]);
  const roots = useMemo(() => (decks.state === 'ok' ? nestDecks(decks.value.decks) : []), [decks]);
  // Exams and the backlog, counted with the decks (the plan is a short simulation).
  const [overview] = useApi((signal) => api.examOverview({}, { signal }), [decks]);
  const exams = new Map(overview.state === 'ok' ? overview.value.exams.map((e) => [e.deck, e]) : []);

  if (decks.state !== 'ok') return <ApiState value={decks} loading="Counting cards…" failed="Could not read the decks" />;
  const all = decks.value.decks.find((d) => d.deck === '');
  if (!all || all.total === 0) {
    return (
      <p className="empty">
        No flashcards in this vault yet. Cards come from exam questions, key-concept lists and <code>Question::Answer</code> lines in the notes.
      </p>
    );
  }

  return (
    <div className="decks">
      {overview.state === 'ok' && <BacklogNotice backlog={overview.value.backlog} />}
      <table className="deck-table" aria-label="Decks">
        <thead>
          <tr>
            <th scope="col">Deck</th>
            <th scope="col" className="num">
              New
            </th>
            <th scope="col" className="num">
              Learning
            </th>
            <th scope="col" className="num">
              Due
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <DeckRow counts={all} label="All cards" name="All cards" depth={0} onStudy={() => onStudy('')} />
          {visibleDecks(roots, expanded).map(({ node, depth }) => (
            <DeckRow
              key={node.path}
              counts={node.counts}
              label={node.path}
              name={`#${node.name}`}
              depth={depth}
              open={node.children.length ? expanded.has(node.path) : undefined}
              onToggle={() => onToggle(node.path)}
              onStudy={() => onStudy(node.path)}
              exam={exams.get(node.path)}
            />
          ))}
        </tbody>
      </table>
      <p className="stat-note deck-limit">
        New cards: {all.new} of {all.unseen} today (limit {decks.value.newPerDay} a day).
      </p>
      <OrphanedCards orphans={decks.value.orphans} />
      {decks.value.warnings.length > 0 && (
        <ul className="deck-warnings" aria-label="Review log warnings">
          {decks.value.warnings.map((w, i) => (
            <li key={i} className="warning">
              {w}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
