import { useEffect } from 'react';
import type { VaultEvent } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { useApi } from '../../useApi.ts';
import { BacklogNotice } from './BacklogNotice.tsx';
import { ExamForm } from './ExamForm.tsx';
import { ExamSummary } from './ExamSummary.tsx';
import { TypeInSettings } from './TypeInSettings.tsx';

/** The vault's exams, each with its plan, and a form to set one. */
export function ExamPlanner({ lastEvent }: { lastEvent: VaultEvent | null }) {
  const [overview, reload] = useApi(() => api.examOverview({}), []);
  const [decks] = useApi(() => api.cardDecks({}), []);
  useEffect(() => {
    if (lastEvent) reload();
  }, [lastEvent, reload]);

  const remove = async (deck: string) => {
    await api.removeExam({ deck });
    reload();
  };
  const deckNames = decks.state === 'ok' ? decks.value.decks.filter((d) => d.deck !== '' && d.total > 0).map((d) => d.deck) : [];

  return (
    <div className="exam-planner">
      {overview.state === 'error' && <p className="error" role="alert">Could not read the exams: {overview.message}</p>}
      {overview.state === 'ok' && <BacklogNotice backlog={overview.value.backlog} />}
      <ExamForm decks={deckNames} onSaved={reload} />
      {overview.state === 'loading' && <p className="status">Planning…</p>}
      {overview.state === 'ok' && overview.value.exams.length === 0 && (
        <p className="empty">No exam set yet. Pick a deck and the exam day: Cairn plans the reviews so every card is learnt and remembered on that day.</p>
      )}
      {overview.state === 'ok' &&
        overview.value.exams.map((e) => (
          <section key={e.deck} className="exam-card" aria-label={`Exam of #${e.deck}`}>
            <header className="exam-card-head">
              <h2>#{e.deck} — {e.date}</h2>
              <button className="session-button" onClick={() => void remove(e.deck)}>Remove exam</button>
            </header>
            {e.past && <p className="stat-note">The exam day has passed: the deck is scheduled normally again.</p>}
            {e.problem && <p className="error" role="alert">{e.problem}</p>}
            {e.plan && <ExamSummary plan={e.plan} />}
          </section>
        ))}
      <TypeInSettings decks={deckNames} />
    </div>
  );
}
