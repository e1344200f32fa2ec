import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import type { PracticeOptions } from './usePractice.ts';

/** Choose the deck, the number of questions (20 by default, or all) and an optional time limit. */
export function PracticeSetup({ error, onStart }: { error: string | null; onStart: (o: PracticeOptions) => void }) {
  const [decks] = useApi((signal) => api.cardDecks({}, { signal }), []);
  const [deck, setDeck] = useState('');
  const [count, setCount] = useState('20');
  const [all, setAll] = useState(false);
  const [minutes, setMinutes] = useState('0');
  const names = decks.state === 'ok' ? decks.value.decks.filter((d) => d.total > 0).map((d) => d.deck) : [''];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onStart({ deck, count: all ? 'all' : Math.max(1, Math.trunc(Number(count)) || 20), minutes: Math.max(0, Number(minutes) || 0) });
  };
  if (decks.state === 'error') return <ApiState value={decks} failed="Could not read the decks" />;
  return (
    <form className="exam-form practice-setup" aria-label="Practice test" onSubmit={submit}>
      <p className="stat-note">
        Questions come from the deck's exam questions, in shuffled order with shuffled options. Practice answers are kept in the review log but never change
        when cards are due.
      </p>
      <label>
        Deck{' '}
        <select value={deck} onChange={(e) => setDeck(e.target.value)}>
          {names.map((d) => (
            <option key={d} value={d}>
              {d ? `#${d}` : 'All cards'}
            </option>
          ))}
        </select>
      </label>
      <label>
        Questions <input type="number" min={1} max={1000} disabled={all} value={count} onChange={(e) => setCount(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> all
      </label>
      <label>
        Time limit (minutes, 0 = none) <input type="number" min={0} max={600} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
      </label>
      <button type="submit" className="study-button">
        Start practice test
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
