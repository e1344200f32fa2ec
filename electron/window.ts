// The one BrowserWindow factory and the web-contents security written once (README.md house rule 7):
// sandboxed, isolated renderer without Node; no new windows, webviews or navigation away from the
// app's origin; no permissions; http(s) links go to the OS browser.
import { BrowserWindow, nativeTheme, screen, shell, type App, type Session, type WebContents } from 'electron';
import { APP_ENTRY_URL, isAppUrl, isExternalHttpUrl } from './protocol.ts';
import { restoreBounds, type SettingsStore } from './settings.ts';

function openExternally(url: string): void {
  if (isExternalHttpUrl(url)) void shell.openExternal(url).catch(() => undefined);
}

/**
 * Guards every web contents the app ever creates (windows, devtools, anything a bug might open),
 * not only the main window, hence an app-wide 'web-contents-created' hook.
 */
export function installWebContentsGuards(app: App): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternally(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (isAppUrl(url)) return;
      event.preventDefault();
      openExternally(url);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
  });
}

/** No camera, microphone, notifications, geolocation, clipboard-read, HID, serial… for anyone. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

export interface MainWindowOptions {
  settings: SettingsStore;
  /** Absolute path of out/preload.cjs. */
  preload: string;
  title: string;
}

export function createMainWindow({ settings, preload, title }: MainWindowOptions): BrowserWindow {
  const saved = settings.get().window;
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
    { width: 1280, height: 820 },
  );
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 480,
    minHeight: 360,
    title,
    show: false,
    // Matches the page's first paint in either theme; the page follows the OS via
    // prefers-color-scheme (nativeTheme.themeSource stays 'system').
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1e1e1e' : '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());

  win.on('close', () => {
    const b = win.getNormalBounds();
    settings.setWindow({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: win.isMaximized() });
  });

  void win.loadURL(APP_ENTRY_URL);
  return win;
}
