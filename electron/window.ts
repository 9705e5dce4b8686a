import type { BrowserWindow, BrowserWindowConstructorOptions, Session as WebSession, WebContents } from 'electron';
import { APP_ORIGIN } from './hosts/ipc';

/** The renderer runs isolated and sandboxed, with no Node; it reaches the main process only via the preload. */
/** A packaged build has no developer tools: they would open the page and the API to whoever sits at it. */
export function windowOptions(preloadPath: string, packaged = false): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Trellis',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !packaged,
    },
  };
}

/** No navigation away from our UI and no new windows: links to the web never open inside the app. */
export function hardenContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  const stayHome = (event: { preventDefault(): void }, url: string) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  };
  // A redirect or a frame's navigation leaves the UI as surely as a top-level navigation does.
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-frame-navigate', (event: { preventDefault(): void; url: string }) => stayHome(event, event.url));
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Trellis needs no camera, microphone, notifications or geolocation: deny every permission request. */
export function denyPermissions(session: Pick<WebSession, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export type { BrowserWindow };
