import { useRef, useState } from 'react';
import type { SwitchHit } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { ComboboxDialog } from '../../ComboboxDialog.tsx';
import { openNote } from '../../useRoute.ts';
import { isComposing, repeatedTitles } from './search-keys.ts';
import { useLatestAnswer } from './useLatestAnswer.ts';

const LIMIT = 12;
const askSwitcher = (query: string, signal?: AbortSignal) => api.quickSwitch({ query, limit: LIMIT }, { signal });

/** Ctrl/Cmd+O: jump to a note by title, alias or path, entirely from the keyboard. */
export function QuickSwitcher({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  // Where focus was when the switcher opened: Esc gives it back.
  const opener = useRef(document.activeElement instanceof HTMLElement ? document.activeElement : null);
  const { answer, answerFor } = useLatestAnswer(query, askSwitcher, 0);
  const hits = answer?.result.ok ? answer.result.value : [];
  const repeated = repeatedTitles(hits);

  const choose = (hit: SwitchHit | undefined) => {
    if (!hit) return;
    onClose();
    openNote(hit.id);
  };
  const cancel = () => {
    onClose();
    opener.current?.focus();
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (isComposing(e)) return;
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Escape') cancel();
    else if (e.key === 'Enter') {
      // The text in the box now, not the one the hits on screen were found for.
      const text = input.current?.value ?? query;
      if (answer?.text === text) choose(hits[active]);
      else if (text.trim()) void answerFor(text).then((r) => r.ok && choose(r.value[0])); // a failure shows when its answer comes
    } else return;
    e.preventDefault();
  };
  const onInput = (text: string) => {
    setQuery(text);
    setActive(0);
  };

  return (
    <ComboboxDialog
      label="Quick switcher"
      input={{ ref: input, label: 'Find a note by title, alias or path', placeholder: 'Type a title, alias or path…', value: query, onInput }}
      list={{ id: 'switcher-list', label: 'Matching notes' }}
      items={hits}
      itemKey={(h) => h.id}
      renderItem={(h) => (
        <>
          <span className="switch-title">{h.title}</span>
          {h.alias && <span className="switch-alias">{h.alias}</span>}
          {repeated.has(h.title) && <span className="switch-path">{h.folder || '(vault root)'}</span>}
        </>
      )}
      active={active}
      onActive={setActive}
      onChoose={choose}
      empty={answer?.text.trim() ? 'No note is called that.' : null}
      help="↑↓ to choose · Enter to open · Esc to close"
      onKeyDown={onKey}
      onCancel={cancel}
    >
      {answer && !answer.result.ok && (
        <p className="error" role="alert">
          Could not look up notes: {answer.result.error.message}
        </p>
      )}
    </ComboboxDialog>
  );
}
