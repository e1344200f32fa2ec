// The Electron main process: one instance, one window, one vault at a time. Picks the vault
// (--vault DIR, else the last one if it still exists, else the shipped notes), serves the
// contract over IPC and forwards vault events and menu commands to the window.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { ApiWorkerClient } from './api-worker-client.ts';
import { SHIPPED_VAULT } from './shipped-vault.ts';
import type { AppCommand } from './contract.ts';
import { registerIpc } from './ipc.ts';
import { menuTemplate } from './menu.ts';
import { APP_SCHEME_PRIVILEGES, handleAppProtocol } from './protocol.ts';
import { parseVaultArg, SETTINGS_FILE, SettingsStore, startupVaults } from './settings.ts';
import { unpackedPath } from './unpacked-path.ts';
import { createMainWindow, installWebContentsGuards, lockDownSession } from './window.ts';

const APP_NAME = 'Cairn';
/** out/ once bundled: main.cjs, preload.cjs and renderer/ live there. */
const outDir = path.dirname(fileURLToPath(import.meta.url));
/** Packaged, the worker bundles are unpacked from the archive (electron-builder.yml, asarUnpack). */
const workerDir = app.isPackaged ? unpackedPath(outDir) : outDir;
// Packaged, notes/ is an extraResource next to app.asar (electron-builder.yml).
const shippedVault = app.isPackaged ? path.join(process.resourcesPath, 'notes') : SHIPPED_VAULT;
const askedVault = parseVaultArg(process.argv.slice(1), process.cwd());

// Every renderer sandboxed, whatever options a future window forgets (window.ts sets it too).
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
installWebContentsGuards(app);
if (process.platform === 'win32') app.setAppUserModelId('app.cairn.desktop');

if (!app.requestSingleInstanceLock({ vault: askedVault })) {
  app.quit();
} else {
  main().catch((err) => {
    console.error(err);
    dialog.showErrorBox(`${APP_NAME} could not start`, String((err as Error)?.stack ?? err));
    app.exit(1);
  });
}

async function main(): Promise<void> {
  let win: BrowserWindow | null = null;
  const send = (channel: 'cairn:event' | 'cairn:command', value: unknown) => {
    if (win && !win.isDestroyed()) win.webContents.send(channel, value);
  };
  const command = (c: AppCommand) => send('cairn:command', c);

  await app.whenReady();
  const settings = new SettingsStore(path.join(app.getPath('userData'), SETTINGS_FILE));
  // The vault is scanned, indexed and watched on a worker thread: the window stays responsive.
  const api = new ApiWorkerClient(path.join(workerDir, 'api-worker-entry.cjs'), {
    canOpenVault: true,
    pickFolder: async () => {
      const options = { title: 'Open Vault', properties: ['openDirectory' as const] };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    recentVaults: () => settings.recentVaults(),
    onVaultOpened: (root) => {
      settings.vaultOpened(root);
      refreshMenu();
    },
  });
  api.onEvent((e) => send('cairn:event', e));

  const showError = (message: string, detail: string) =>
    void (win ? dialog.showMessageBox(win, { type: 'error', message, detail }) : dialog.showMessageBox({ type: 'error', message, detail }));

  async function openVault(dir?: string): Promise<void> {
    const r = await api.dispatch('openVault', dir ? { path: dir } : {});
    if (r.ok) return command('vaultOpened');
    if (r.error.code === 'CANCELLED') return;
    if (dir && r.error.code === 'VAULT_NOT_FOUND') {
      settings.forgetVault(dir);
      refreshMenu();
    }
    showError('Could not open the vault', r.error.message);
  }

  function refreshMenu(): void {
    const template = menuTemplate({
      appName: APP_NAME,
      platform: process.platform,
      recentVaults: settings.recentVaults().filter((d) => fs.existsSync(d)),
      openVault: (dir) => void openVault(dir),
      command,
      about: () => showAbout(win),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function showWindow(): void {
    win = createMainWindow({ settings, preload: path.join(outDir, 'preload.cjs'), title: APP_NAME });
    // Mouse back/forward buttons (Windows and Linux).
    win.on('app-command', (_e, cmd) => {
      if (cmd === 'browser-backward') command('back');
      else if (cmd === 'browser-forward') command('forward');
    });
    win.on('closed', () => (win = null));
  }

  // The window loads while the first vault is indexed; IPC calls wait for it.
  const candidates = startupVaults({ arg: askedVault, lastVault: settings.get().lastVault, shipped: shippedVault, exists: (d) => fs.existsSync(d) });
  const ready = openFirst(api, candidates).then((opened) => {
    if (askedVault && opened !== askedVault) showError(`Could not open ${askedVault}`, `Opened ${opened ?? 'no vault'} instead.`);
  });

  lockDownSession(session.defaultSession);
  handleAppProtocol(protocol, path.join(outDir, 'renderer'), api);
  registerIpc(ipcMain, api, ready);
  refreshMenu();
  showWindow();

  app.on('second-instance', (_e, argv, cwd, data) => {
    if (!win) showWindow();
    else {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
    const vault = vaultFrom(data) ?? parseVaultArg(argv, cwd);
    if (vault) void ready.then(() => openVault(vault));
  });
  app.on('activate', () => void (win ?? showWindow()));
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());
  app.on('before-quit', () => void api.close());
}

/** Opens the first vault that opens; returns which candidate that was. */
async function openFirst(api: ApiWorkerClient, dirs: string[]): Promise<string | null> {
  for (const dir of dirs) {
    try {
      await api.open(dir);
      return dir;
    } catch (err) {
      console.error(`cairn: cannot open vault ${dir}: ${(err as Error).message}`);
    }
  }
  return null;
}

function vaultFrom(data: unknown): string | null {
  const v = (data as { vault?: unknown } | null)?.vault;
  return typeof v === 'string' && path.isAbsolute(v) ? v : null;
}

function showAbout(win: BrowserWindow | null): void {
  const options = {
    title: `About ${APP_NAME}`,
    message: `${APP_NAME} ${app.getVersion()}`,
    detail: `Offline study notes.\nElectron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
  };
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}
