import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
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

/** The note's calculators, recomputed (debounced) whenever an input changes or the vault does. */
export function useCalculators(noteId: string): Calculators {
  const [overrides, setOverrides] = useState(() => loadNoteInputs(noteId));
  const [data, setData] = useState<NoteCalculators | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  const firstLoad = useRef(true);

  useEffect(() => {
    for (const [calculatorId, values] of Object.entries(overrides)) saveInputs(noteId, calculatorId, values);
  }, [noteId, overrides]);

  useEffect(() => {
    const seq = ++latest.current;
    const isFirst = firstLoad.current;
    setPending(true);
    const run = async () => {
      const r = await api.noteCalculators({ id: noteId, inputs: overrides });
      if (seq !== latest.current) return; // a newer request is on its way: this answer is stale
      firstLoad.current = false;
      setPending(false);
      if (r.ok) {
        setData(r.value);
        setError(null);
        return;
      }
      // Inputs saved from an older version of the calculator may no longer be valid; fall back to
      // the defaults once rather than leave the note without its calculator.
      if (isFirst && r.error.code === 'BAD_INPUT' && Object.keys(overrides).length) {
        const plain = await api.noteCalculators({ id: noteId });
        if (seq !== latest.current) return;
        if (plain.ok) {
          setData(plain.value);
          setError(null);
          setNotice(`Your saved inputs no longer fit this calculator (${r.error.message}), so the defaults are shown.`);
          setOverrides(Object.fromEntries(Object.keys(overrides).map((id) => [id, {}])));
          return;
        }
      }
      setError(r.error.message);
    };
    const timer = setTimeout(() => void run(), isFirst ? 0 : DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [noteId, overrides, tick]);

  // A calculator file or the note's own cost block edited on disk: recompute with the same inputs.
  useEffect(
    () =>
      api.onVaultEvent((e) => {
        if (e.kind === 'progress' || e.kind === 'indexed') return;
        if (e.kind === 'reload' || e.id === noteId || CALCULATOR_FILE.test(e.id)) setTick((t) => t + 1);
      }),
    [noteId],
  );

  const setInput = useCallback((calculatorId: string, name: string, value: InputValue) => {
    setNotice(null);
    setOverrides((prev) => ({ ...prev, [calculatorId]: { ...prev[calculatorId], [name]: value } }));
  }, []);
  const reset = useCallback((calculatorId: string) => {
    setNotice(null);
    setOverrides((prev) => ({ ...prev, [calculatorId]: {} }));
  }, []);

  return { data, error, notice, pending, overrides, setInput, reset };
}
