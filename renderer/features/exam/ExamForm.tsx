import { useState, type FormEvent } from 'react';
import type { ExamPlan } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { ExamSummary } from './ExamSummary.tsx';
import { DeckSelect } from './DeckSelect.tsx';

const inTwoWeeks = () => {
  const d = new Date();
  d.setDate(d.getDate() + 14);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Set a deck's exam: preview the plan, then save it to the vault's settings. */
export function ExamForm({ decks, onSaved }: { decks: string[]; onSaved: () => void }) {
  const [deck, setDeck] = useState('');
  const [date, setDate] = useState(inTwoWeeks);
  const [target, setTarget] = useState('0.90');
  const [preview, setPreview] = useState<ExamPlan | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const chosen = deck || decks[0] || '';

  const submit = async (e: FormEvent, save: boolean) => {
    e.preventDefault();
    const req = { deck: chosen, date, target: Number(target) };
    const r = save ? await api.setExam(req) : await api.examPlan(req);
    if (!r.ok) {
      setPreview(null);
      return setMessage({ error: true, text: r.error.message });
    }
    setPreview(save ? null : r.value);
    setMessage(save ? { error: false, text: `Exam of #${r.value.deck} saved for ${r.value.exam}.` } : null);
    if (save) onSaved();
  };

  if (decks.length === 0) return <p className="empty">No deck has cards yet: an exam needs a deck (a tag of notes with flashcards).</p>;
  return (
    <form className="exam-form" aria-label="Set an exam" onSubmit={(e) => void submit(e, true)}>
      <DeckSelect decks={decks} value={chosen} onChange={setDeck} />
      <label>
        Exam day <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        Target retention <input type="number" min={0.5} max={0.99} step={0.01} required value={target} onChange={(e) => setTarget(e.target.value)} />
      </label>
      <button type="button" className="session-button" onClick={(e) => void submit(e, false)}>
        Preview plan
      </button>
      <button type="submit" className="study-button">
        Save exam
      </button>
      {message && (
        <p className={message.error ? 'error' : 'stat-note'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {preview && (
        <section className="exam-card" aria-label={`Plan preview for #${preview.deck}`}>
          <h2>
            Preview: #{preview.deck} — {preview.exam}
          </h2>
          <ExamSummary plan={preview} />
        </section>
      )}
    </form>
  );
}
