import type { KeyboardEvent, ReactNode, RefObject } from 'react';

interface Props<T> {
  /** The dialog's accessible name. */
  label: string;
  className?: string;
  input: { ref: RefObject<HTMLInputElement | null>; label: string; placeholder: string; value: string; onInput: (text: string) => void };
  list: { id: string; label: string };
  items: T[];
  itemKey: (item: T) => string;
  renderItem: (item: T) => ReactNode;
  active: number;
  onActive: (index: number) => void;
  onChoose: (item: T) => void;
  /** Shown in the list when it has no items (null: nothing). */
  empty: ReactNode;
  help: string;
  onKeyDown: (e: KeyboardEvent) => void;
  /** A click outside the dialog. */
  onCancel: () => void;
  /** Below the list (an error). */
  children?: ReactNode;
}

/**
 * The quick switcher's and the command palette's shape: a modal dialog holding a WAI-ARIA
 * combobox whose popup is a listbox. Focus stays in the box; the active option is
 * aria-activedescendant, moved by the owner's key handler; a click or Enter chooses.
 */
export function ComboboxDialog<T>(p: Props<T>) {
  const optionId = (i: number) => `${p.list.id}-${i}`;
  return (
    <div className="overlay" onMouseDown={p.onCancel}>
      <div
        className={p.className ?? 'switcher'}
        role="dialog"
        aria-modal="true"
        aria-label={p.label}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={p.onKeyDown}
      >
        <input
          ref={p.input.ref}
          autoFocus
          className="switcher-input"
          role="combobox"
          aria-label={p.input.label}
          aria-autocomplete="list"
          aria-expanded={p.items.length > 0}
          aria-controls={p.list.id}
          aria-activedescendant={p.items[p.active] !== undefined ? optionId(p.active) : undefined}
          placeholder={p.input.placeholder}
          value={p.input.value}
          onChange={(e) => p.input.onInput(e.target.value)}
        />
        <ul id={p.list.id} role="listbox" aria-label={p.list.label}>
          {p.items.length === 0 && p.empty && (
            <li className="empty" role="presentation">
              {p.empty}
            </li>
          )}
          {p.items.map((item, i) => (
            <li
              key={p.itemKey(item)}
              id={optionId(i)}
              role="option"
              aria-selected={i === p.active}
              className={i === p.active ? 'active' : ''}
              onMouseEnter={() => p.onActive(i)}
              onClick={() => p.onChoose(item)}
            >
              {p.renderItem(item)}
            </li>
          ))}
        </ul>
        {p.children}
        <p className="switcher-help">{p.help}</p>
      </div>
    </div>
  );
}
