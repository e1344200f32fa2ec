import { useEffect, useRef, useState } from 'react';
import { filterCommands, formatKeys, type CommandId, type CommandInfo } from './commands.ts';

interface Props {
  commands: CommandInfo[];
  onRun: (id: CommandId) => void;
  onClose: () => void;
}

/**
 * Ctrl/Cmd+P: every command with its shortcut, filtered as you type (WAI-ARIA combobox with a
 * listbox popup: focus stays in the box, ↑/↓ move the active option, Enter runs it, Esc closes).
 */
export function CommandPalette({ commands, onRun, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const shown = filterCommands(commands, query);
  // Braces matter: Chromium's scrollIntoView now returns a promise, which an effect must not return.
  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    setActive(0);
  }, [query]);
  useEffect(() => {
    void document.getElementById(`palette-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const run = (c: CommandInfo | undefined) => {
    if (!c) return;
    onClose();
    onRun(c.id);
  };
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') setActive((a) => (shown.length ? (a + 1) % shown.length : 0));
    else if (e.key === 'ArrowUp') setActive((a) => (shown.length ? (a - 1 + shown.length) % shown.length : 0));
    else if (e.key === 'Home' && e.ctrlKey) setActive(0);
    else if (e.key === 'End' && e.ctrlKey) setActive(Math.max(shown.length - 1, 0));
    else if (e.key === 'Enter') run(shown[active]);
    else if (e.key === 'Escape') onClose();
    else return;
    e.preventDefault();
  };

  return (
    <div className="overlay" onMouseDown={onClose}>
      <div className="switcher palette" role="dialog" aria-modal="true" aria-label="Command palette" onMouseDown={(e) => e.stopPropagation()} onKeyDown={onKey}>
        <input
          ref={input}
          className="switcher-input"
          role="combobox"
          aria-label="Find a command"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-autocomplete="list"
          aria-activedescendant={shown[active] ? `palette-${active}` : undefined}
          placeholder="Type a command…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul id="palette-list" role="listbox" aria-label="Commands">
          {shown.length === 0 && <li className="empty" role="presentation">No command matches “{query}”.</li>}
          {shown.map((c, i) => (
            <li
              key={c.id}
              id={`palette-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onMouseEnter={() => setActive(i)}
              onClick={() => run(c)}
            >
              <span className="palette-label">{c.label}</span>
              {c.keys && <kbd className="palette-keys">{formatKeys(c.keys)}</kbd>}
            </li>
          ))}
        </ul>
        <p className="switcher-help">↑↓ to choose · Enter to run · Esc to close</p>
      </div>
    </div>
  );
}
