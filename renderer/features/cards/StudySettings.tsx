import { useEffect, useState, type FormEvent } from 'react';
import type { VaultSettings } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { ApiState } from '../../ApiState.tsx';
import { useApi } from '../../useApi.ts';
import { SrSyntaxFields } from './SrSyntaxFields.tsx';

/**
 * This vault's study settings, kept in the app data folder (never in the vault): the daily limit
 * of new cards and how the Spaced Repetition plugin's syntax is read. Saved on submit; the decks
 * are counted again (the syntax settings change which cards the notes give).
 */
export function StudySettings({ onSaved }: { onSaved: () => void }) {
  const [loaded] = useApi((signal) => api.vaultSettings({}, { signal }), []);
  const [draft, setDraft] = useState<VaultSettings | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  useEffect(() => {
    if (loaded.state === 'ok') setDraft(loaded.value);
  }, [loaded]);

  if (loaded.state !== 'ok' || !draft) return <ApiState value={loaded} loading="Reading the settings…" failed="Could not read the settings" />;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const r = await api.updateVaultSettings({ newCardsPerDay: draft.newCardsPerDay, sr: draft.sr });
    if (!r.ok) return setMessage({ error: true, text: `Not saved: ${r.error.message}` });
    setDraft(r.value);
    setMessage({ error: false, text: 'Saved.' });
    onSaved();
  };

  return (
    <details className="study-settings">
      <summary>Study settings</summary>
      <form aria-label="Study settings" onSubmit={(e) => void save(e)}>
        <label>
          New cards a day{' '}
          <input
            type="number"
            min={0}
            max={9999}
            required
            value={draft.newCardsPerDay}
            onChange={(e) => setDraft({ ...draft, newCardsPerDay: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
          />
        </label>
        <SrSyntaxFields sr={draft.sr} onChange={(sr) => setDraft({ ...draft, sr })} />
        <button type="submit">Save</button>
        {message && (
          <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'stat-note'}>
            {message.text}
          </span>
        )}
      </form>
    </details>
  );
}
