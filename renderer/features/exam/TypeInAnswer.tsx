import { useState, type FormEvent } from 'react';
import type { SessionCard, TypeInResult } from '../../../electron/contract.ts';
import { api } from '../../api.ts';

/**
 * Type the answer before turning the card (Anki's "type in the answer"): Enter checks it, then the
 * word diff shows what was missing or extra; Space (outside the box) shows the answer as usual.
 */
export function TypeInAnswer({ card }: { card: SessionCard }) {
  const [typed, setTyped] = useState('');
  const [result, setResult] = useState<TypeInResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const check = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const input = e.currentTarget.querySelector('input');
    const r = await api.checkTyped({ cardId: card.id, typed });
    if (!r.ok) return setError(r.error.message);
    setResult(r.value);
    // Off the box, so Space and 1–4 answer the card again.
    input?.blur();
  };
  return (
    <div className="typein-block">
      <form className="typein" aria-label="Type the answer" onSubmit={(e) => void check(e)}>
        <input aria-label="Your answer" value={typed} autoFocus disabled={result !== null} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit" className="session-button" disabled={result !== null}>
          Check
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div className="typein-result" role="group" aria-label="Answer comparison">
          <p className={`verdict ${result.correct ? 'right' : 'wrong'}`} role="status">
            {result.correct ? 'Right (ignoring case, spacing, accents and particles).' : 'Not quite: missing words are underlined, extra words struck out.'}
          </p>
          <p className="typein-diff">
            {result.diff.map((d, i) => (
              <span key={i} className={`diff-${d.kind}`} data-kind={d.kind}>
                {d.text}{' '}
              </span>
            ))}
          </p>
        </div>
      )}
    </div>
  );
}
