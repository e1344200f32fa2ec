import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { isContentChange } from '../../vault-events.ts';
import { BacklogNotice } from './BacklogNotice.tsx';
import { ExamForm } from './ExamForm.tsx';
import { ExamSummary } from './ExamSummary.tsx';
import { TypeInSettings } from './TypeInSettings.tsx';

/** The vault's exams, each with its plan, and a form to set one. */
export function ExamPlanner() {
  // An edited note can add or drop cards, and so change every plan.
  const [overview, reload] = useApi((signal) => api.examOverview({}, { signal }), [], { reloadOn: isContentChange });
  const [decks] = useApi((signal) => api.cardDecks({}, { signal }), [], { reloadOn: isContentChange });

  const remove = async (deck: string) => {
    await api.removeExam({ deck });
    reload();
  };
  const deckNames = decks.state === 'ok' ? decks.value.decks.filter((d) => d.deck !== '' && d.total > 0).map((d) => d.deck) : [];

  return (
    <div className="exam-planner">
      {overview.state === 'ok' && <BacklogNotice backlog={overview.value.backlog} />}
      <ExamForm decks={deckNames} onSaved={reload} />
      <ApiState
        value={overview}
        loading="Planning…"
        failed="Could not read the exams"
        empty="No exam set yet. Pick a deck and the exam day: Cairn plans the reviews so every card is learnt and remembered on that day."
        isEmpty={(o) => o.exams.length === 0}
      >
        {(o) =>
          o.exams.map((e) => (
            <section key={e.deck} className="exam-card" aria-label={`Exam of #${e.deck}`}>
              <header className="exam-card-head">
                <h2>
                  #{e.deck} — {e.date}
                </h2>
                <button type="button" className="session-button" onClick={() => void remove(e.deck)}>
                  Remove exam
                </button>
              </header>
              {e.past && <p className="stat-note">The exam day has passed: the deck is scheduled normally again.</p>}
              {e.problem && (
                <p className="error" role="alert">
                  {e.problem}
                </p>
              )}
              {e.plan && <ExamSummary plan={e.plan} />}
            </section>
          ))
        }
      </ApiState>
      <TypeInSettings decks={deckNames} />
    </div>
  );
}
