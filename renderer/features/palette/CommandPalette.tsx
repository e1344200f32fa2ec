import { useEffect, useRef, useState } from 'react';
import { ComboboxDialog } from '../../ComboboxDialog.tsx';
import { filterCommands, formatKeys, type CommandId, type CommandInfo } from './commands.ts';

const LIST_ID = 'palette-list';

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
  useEffect(() => {
    setActive(0);
  }, [query]);
  // Braces matter: Chromium's scrollIntoView now returns a promise, which an effect must not return.
  useEffect(() => {
    void document.getElementById(`${LIST_ID}-${active}`)?.scrollIntoView({ block: 'nearest' });
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
    <ComboboxDialog
      label="Command palette"
      className="switcher palette"
      input={{ ref: input, label: 'Find a command', placeholder: 'Type a command…', value: query, onInput: setQuery }}
      list={{ id: LIST_ID, label: 'Commands' }}
      items={shown}
      itemKey={(c) => c.id}
      renderItem={(c) => (
        <>
          <span className="palette-label">{c.label}</span>
          {c.keys && <kbd className="palette-keys">{formatKeys(c.keys)}</kbd>}
        </>
      )}
      active={active}
      onActive={setActive}
      onChoose={run}
      empty={`No command matches “${query}”.`}
      help="↑↓ to choose · Enter to run · Esc to close"
      onKeyDown={onKey}
      onCancel={onClose}
    />
  );
}
