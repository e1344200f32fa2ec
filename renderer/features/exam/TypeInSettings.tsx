import { useEffect, useState } from 'react';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { DeckSelect } from './DeckSelect.tsx';

/** Which decks' basic cards are answered by typing (kept in the vault's settings). */
export function TypeInSettings({ decks }: { decks: string[] }) {
  const [settings, reload] = useApi((signal) => api.vaultSettings({}, { signal }), []);
  const [deck, setDeck] = useState('');
  const [error, setError] = useState<string | null>(null);
  const chosen = deck || decks[0] || '';
  const current = settings.state === 'ok' ? settings.value.typeInDecks : [];
  useEffect(() => setError(null), [deck]);

  const save = async (next: string[]) => {
    const r = await api.updateVaultSettings({ typeInDecks: next });
    if (!r.ok) setError(`Not saved: ${r.error.message}`);
    reload();
  };
  if (decks.length === 0) return null;
  if (settings.state !== 'ok') return <ApiState value={settings} loading="Reading the settings…" failed="Could not read the type-in decks" />;
  return (
    <section className="exam-card" aria-label="Type-in answers">
      <h2>Type-in answers</h2>
      <p className="stat-note">
        In these decks, basic cards ask you to type the answer first; it is compared ignoring case, spacing, accents and Korean particles.
      </p>
      <form
        className="exam-form"
        aria-label="Type-in decks"
        onSubmit={(e) => {
          e.preventDefault();
          if (!current.includes(chosen)) void save([...current, chosen]);
        }}
      >
        <DeckSelect decks={decks} value={chosen} onChange={setDeck} />
        <button type="submit" className="session-button">
          Answer by typing
        </button>
      </form>
      <ul className="typein-decks">
        {current.map((d) => (
          <li key={d}>
            #{d}{' '}
            <button type="button" className="session-button" onClick={() => void save(current.filter((x) => x !== d))}>
              Stop typing in #{d}
            </button>
          </li>
        ))}
      </ul>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
