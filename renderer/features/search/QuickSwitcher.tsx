import { useEffect, useRef, useState } from 'react';
import type { SwitchHit } from '../../../electron/contract.ts';
import { api } from '../../api.ts';
import { openNote } from '../../useRoute.ts';

/** Ctrl/Cmd+O: jump to a note by title or alias, entirely from the keyboard. */
export function QuickSwitcher({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SwitchHit[]>([]);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    let live = true;
    void api.quickSwitch({ query, limit: 12 }).then((r) => {
      if (!live) return;
      setHits(r.ok ? r.value : []);
      setActive(0);
    });
    return () => {
      live = false;
    };
  }, [query]);

  const choose = (hit: SwitchHit | undefined) => {
    if (!hit) return;
    onClose();
    openNote(hit.id);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (e.key === 'Enter') choose(hits[active]);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="switcher" role="dialog" aria-modal="true" aria-label="Quick switcher" onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKey}>
        <input
          ref={input}
          className="switcher-input"
          aria-label="Find a note by title or alias"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls="switcher-list"
          aria-activedescendant={hits[active] ? `switch-${active}` : undefined}
          placeholder="Type a title or alias…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul id="switcher-list" role="listbox" aria-label="Matching notes">
          {query && hits.length === 0 && <li className="empty">No note is called that.</li>}
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
              {h.alias && <span className="switch-alias">alias: {h.alias}</span>}
              <span className="switch-path">{h.id}</span>
            </li>
          ))}
        </ul>
        <p className="switcher-help">↑↓ to choose · Enter to open · Esc to close</p>
      </div>
    </div>
  );
}
