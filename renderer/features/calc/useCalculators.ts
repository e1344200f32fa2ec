import { useCallback, useEffect, useRef, useState } from 'react';
import type { Result, VaultEvent } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { useApi } from '../../useApi.ts';
import type { InputValue, InputValues, NoteCalculators } from './calc-view.ts';
import { loadNoteInputs, saveInputs } from './stored-inputs.ts';

// Short enough to follow a dragged slider, long enough to drop the intermediate positions of one
// drag or one held arrow key instead of pricing every one of them.
const DEBOUNCE_MS = 50;
const CALCULATOR_FILE = /\.cost\.ya?ml$/i;

export interface Calculators {
  /** The last good answer; kept while a recomputation is in flight so the figures never blank. */
  data: NoteCalculators | null;
  /** Why the last request failed (the panel shows it above the previous figures). */
  error: string | null;
  /** Saved inputs that had to be dropped, said once. */
  notice: string | null;
  pending: boolean;
  /** What the user set, per calculator id; controls show these ahead of the server's echo. */
  overrides: Record<string, InputValues>;
  setInput(calculatorId: string, name: string, value: InputValue): void;
  reset(calculatorId: string): void;
}

/** An answer, and the reason the saved inputs were dropped to get it (if they were). */
type Priced = { data: NoteCalculators; dropped?: string };

/** The note's calculators, recomputed (debounced) whenever an input changes or the vault does. */
export function useCalculators(noteId: string): Calculators {
  const [overrides, setOverrides] = useState(() => loadNoteInputs(noteId));
  const [notice, setNotice] = useState<string | null>(null);
  const answered = useRef(false);

  useEffect(() => {
    for (const [calculatorId, values] of Object.entries(overrides)) saveInputs(noteId, calculatorId, values);
  }, [noteId, overrides]);

  const price = async (signal: AbortSignal): Promise<Result<Priced>> => {
    const first = !answered.current;
    answered.current = true;
    const r = await api.noteCalculators({ id: noteId, inputs: overrides }, { signal });
    if (r.ok) return { ok: true, value: { data: r.value } };
    // Inputs saved from an older version of the calculator may no longer be valid; fall back to
    // the defaults once rather than leave the note without its calculator.
    if (first && r.error.code === 'BAD_INPUT' && Object.keys(overrides).length) {
      const plain = await api.noteCalculators({ id: noteId }, { signal });
      if (plain.ok) return { ok: true, value: { data: plain.value, dropped: r.error.message } };
    }
    return r;
  };
  // A calculator file or the note's own cost block edited on disk: recompute with the same inputs.
  const reloadOn = (e: VaultEvent) => e.kind === 'reload' || ('id' in e && (e.id === noteId || CALCULATOR_FILE.test(e.id)));
  const [answer, , pending] = useApi(price, [noteId, overrides], { debounceMs: DEBOUNCE_MS, reloadOn });

  const dropped = answer.state === 'ok' ? answer.value.dropped : undefined;
  useEffect(() => {
    if (!dropped) return;
    setNotice(`Your saved inputs no longer fit this calculator (${dropped}), so the defaults are shown.`);
    setOverrides((prev) => Object.fromEntries(Object.keys(prev).map((id) => [id, {}])));
  }, [dropped]);

  const setInput = useCallback((calculatorId: string, name: string, value: InputValue) => {
    setNotice(null);
    setOverrides((prev) => ({ ...prev, [calculatorId]: { ...prev[calculatorId], [name]: value } }));
  }, []);
  const reset = useCallback((calculatorId: string) => {
    setNotice(null);
    setOverrides((prev) => ({ ...prev, [calculatorId]: {} }));
  }, []);

  const data = answer.state === 'ok' ? answer.value.data : answer.state === 'error' ? (answer.last?.data ?? null) : null;
  const error = answer.state === 'error' ? answer.message : null;
  return { data, error, notice, pending: pending || answer.state === 'loading', overrides, setInput, reset };
}
