// The application menu as a template. Clicks call the functions passed in, so this module has
// only type imports from 'electron' and the template can be checked under Node.
import type { MenuItemConstructorOptions } from 'electron';
import type { AppCommand } from './contract.ts';

export interface MenuActions {
  appName: string;
  platform: NodeJS.Platform;
  recentVaults: string[];
  /** Folder dialog when `dir` is undefined. */
  openVault(dir?: string): void;
  command(c: AppCommand): void;
  about(): void;
}

const sep: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(a: MenuActions): MenuItemConstructorOptions[] {
  const mac = a.platform === 'darwin';
  const go = (id: string, label: string, command: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    accelerator,
    click: () => a.command(command),
  });

  const recent: MenuItemConstructorOptions[] = a.recentVaults.length
    ? a.recentVaults.map((dir, i) => ({ id: `open-recent-${i}`, label: dir, click: () => a.openVault(dir) }))
    : [{ label: 'No Recent Vaults', enabled: false }];

  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { id: 'open-vault', label: 'Open Vault…', accelerator: 'CmdOrCtrl+Shift+O', click: () => a.openVault() },
      { id: 'open-recent', label: 'Open Recent', submenu: recent },
      sep,
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  // Without an Edit menu macOS has no copy/paste shortcuts in text fields.
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  };

  const goMenu: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: [
      go('quick-switcher', 'Quick Switcher', 'quickSwitcher', 'CmdOrCtrl+O'),
      go('search', 'Search', 'search', 'CmdOrCtrl+Shift+F'),
      go('flashcards', 'Flashcards', 'flashcards'),
      sep,
      go('back', 'Back', 'back', 'Alt+Left'),
      go('forward', 'Forward', 'forward', 'Alt+Right'),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      sep,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      sep,
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [{ id: 'about', label: `About ${a.appName}`, click: () => a.about() }],
  };

  if (!mac) return [file, edit, goMenu, view, help];

  const appMenu: MenuItemConstructorOptions = {
    label: a.appName,
    submenu: [{ role: 'about' }, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
  };
  return [appMenu, file, edit, goMenu, view, { role: 'windowMenu' }, help];
}
