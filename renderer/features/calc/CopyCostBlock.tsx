import { useEffect, useRef, useState } from 'react';
import { api } from '../../api.ts';
import type { InputValues } from './calc-view.ts';

interface Props {
  noteId: string;
  calculatorId: string;
  scenarioId: string;
  scenarioLabel: string;
  /** The values the shown figures were computed with, so the block matches what is on screen. */
  inputs: InputValues;
}

type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'copied' } | { kind: 'manual'; text: string } | { kind: 'error'; message: string };

/**
 * "Copy as cost block": the scenario as a ```cost block for any note. The clipboard API can be
 * missing or refused (no permission, an insecure origin), so the text is then shown selected.
 */
export function CopyCostBlock({ noteId, calculatorId, scenarioId, scenarioLabel, inputs }: Props) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (state.kind === 'manual') area.current?.select();
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    setState({ kind: 'busy' });
    const r = await api.costBlock({ id: noteId, calculatorId, scenarioId, inputs });
    if (!r.ok) return setState({ kind: 'error', message: r.error.message });
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(r.value.text);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', text: r.value.text });
    }
  };

  return (
    <div className="calc-copy">
      <button type="button" onClick={() => void copy()} disabled={state.kind === 'busy'} aria-label={`Copy as cost block: ${scenarioLabel}`}>
        Copy as cost block
      </button>
      <span role="status" className="calc-copy-status">
        {state.kind === 'copied' && 'Copied'}
        {state.kind === 'manual' && 'No clipboard access here: the block is selected below, copy it with Ctrl+C (⌘C).'}
        {state.kind === 'error' && <span className="calc-error-text">{state.message}</span>}
      </span>
      {state.kind === 'manual' && (
        <textarea
          ref={area}
          className="calc-copy-text"
          readOnly
          value={state.text}
          rows={Math.min(16, state.text.split('\n').length)}
          aria-label={`Cost block: ${scenarioLabel}`}
        />
      )}
    </div>
  );
}
