import { useState } from 'react';
import { CardStatsPanel } from './CardStatsPanel.tsx';
import { DeckTable } from './DeckTable.tsx';
import { ReviewSession } from './ReviewSession.tsx';
import { StudySettings } from './StudySettings.tsx';
import { ExportAnki } from './ExportAnki.tsx';
import './cards.css';

/** `#/cards`: the decks with their counts and the review statistics, or a study session. */
export function CardsView() {
  // null: the deck list; '' studies the whole vault.
  const [studying, setStudying] = useState<string | null>(null);
  const [settingsVersion, setSettingsVersion] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const toggle = (deck: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(deck)) next.add(deck);
      return next;
    });
  return (
    <section className="cards-view" aria-labelledby="cards-heading">
      <h1 id="cards-heading">Flashcards</h1>
      {studying === null ? (
        <div className="cards-home">
          <DeckTable onStudy={setStudying} expanded={expanded} onToggle={toggle} settingsVersion={settingsVersion} />
          <ExportAnki />
          <StudySettings onSaved={() => setSettingsVersion((n) => n + 1)} />
          <CardStatsPanel />
        </div>
      ) : (
        <ReviewSession key={studying} deck={studying} onExit={() => setStudying(null)} />
      )}
    </section>
  );
}
