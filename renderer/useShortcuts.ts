import { useEffect } from 'react';
import type { AppCommand } from '../electron/contract.ts';
import { api } from './api.ts';

/** Keyboard shortcuts of the browser host; the Electron menu sends the same commands. */
export function useShortcuts(run: (c: AppCommand) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let command: AppCommand | null = null;
      if (mod && e.shiftKey && key === 'f') command = 'search';
      else if (mod && !e.shiftKey && key === 'o') command = 'quickSwitcher';
      else if (e.altKey && e.key === 'ArrowLeft') command = 'back';
      else if (e.altKey && e.key === 'ArrowRight') command = 'forward';
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
