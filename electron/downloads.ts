// Exports reach the desktop as downloads (renderer/download.ts, as in the browser). The main process
// asks where to save each one in its own dialog and refuses a project file, whatever the renderer asked.
import { join } from 'node:path';
import type { BrowserWindow, Dialog, DownloadItem, Session as WebSession } from 'electron';
import { saveTargetProblem } from './services/save-target';

export interface SaveDialogHost {
  dialog: Pick<Dialog, 'showSaveDialogSync' | 'showMessageBox'>;
  window: () => BrowserWindow | null;
  /** The folder the dialog starts in. */
  folder: () => string;
  /** The project file in use, which a download may never overwrite. */
  openProject: () => string | null;
}

export function saveDownloadsThroughDialog(webSession: Pick<WebSession, 'on'>, host: SaveDialogHost): void {
  webSession.on('will-download', (_event: unknown, item: Pick<DownloadItem, 'getFilename' | 'setSavePath' | 'cancel'>) => {
    const window = host.window();
    if (!window) return item.cancel();
    // Synchronous: Electron takes the save path only during this event.
    const target = host.dialog.showSaveDialogSync(window, { defaultPath: join(host.folder(), item.getFilename()) });
    if (!target) return item.cancel();
    const problem = saveTargetProblem(target, host.openProject());
    if (problem) {
      item.cancel();
      void host.dialog.showMessageBox(window, { type: 'error', message: `Nothing was saved: ${problem}` });
      return;
    }
    item.setSavePath(target);
  });
}
