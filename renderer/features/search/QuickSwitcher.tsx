import { useRef, useState } from 'react';
import type { SwitchHit } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { openNote } from '../../useRoute.ts';
import { isComposing, repeatedTitles } from './search-keys.ts';
import { useLatestAnswer } from './useLatestAnswer.ts';

const LIMIT = 12;
const askSwitcher = (query: string) => api.quickSwitch({ query, limit: LIMIT });

/** Ctrl/Cmd+O: jump to a note by title, alias or path, entirely from the keyboard
 *  (WAI-ARIA combobox: focus stays in the box, the active option is aria-activedescendant). */
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
    <div className="overlay" onMouseDown={cancel}>
      <div className="switcher" role="dialog" aria-modal="true" aria-label="Quick switcher" onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKey}>
        <input
          ref={input}
          autoFocus
          className="switcher-input"
          aria-label="Find a note by title, alias or path"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={hits.length > 0}
          aria-controls="switcher-list"
          aria-activedescendant={hits[active] ? `switch-${active}` : undefined}
          placeholder="Type a title, alias or path…"
          value={query}
          onChange={(e) => onInput(e.target.value)}
        />
        <ul id="switcher-list" role="listbox" aria-label="Matching notes">
          {answer?.text.trim() && hits.length === 0 && <li className="empty">No note is called that.</li>}
          {hits.map((h, i) => (
            <li
              key={h.id}
              id={`switch-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => choose(h)}
            >
              <span className="switch-title">{h.title}</span>
              {h.alias && <span className="switch-alias">{h.alias}</span>}
              {repeated.has(h.title) && <span className="switch-path">{h.folder || '(vault root)'}</span>}
            </li>
          ))}
        </ul>
        {answer && !answer.result.ok && (
          <p className="error" role="alert">
            Could not look up notes: {answer.result.error.message}
          </p>
        )}
        <p className="switcher-help">↑↓ to choose · Enter to open · Esc to close</p>
      </div>
    </div>
  );
}
