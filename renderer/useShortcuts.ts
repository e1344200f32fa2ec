import { useEffect } from 'react';
import { api } from './api.ts';
import { commandForKey, type CommandId } from './features/palette/commands.ts';

/** Keyboard shortcuts (features/palette/commands.ts has the table); the Electron menu sends the same commands. */
export function useShortcuts(run: (c: CommandId) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const command = commandForKey(e);
      if (command) {
        e.preventDefault();
        run(command);
      }
    };
    window.addEventListener('keydown', onKey);
    const off = api.onCommand(run);
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [run]);
}
