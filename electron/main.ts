// Desktop entry: one window on the shared API. Everything it does beyond wiring lives in electron/api.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session as webSessions } from 'electron';
import { join } from 'node:path';
import { appProtocolHandler } from './app-protocol';
import { withMedia } from './media-protocol';
import { saveDownloadsThroughDialog } from './downloads';
import { dispatch } from './api/dispatch';
import type { MethodName } from './api/methods';
import { Session } from './api/session';
import { openInitialProject } from './api/startup';
import { APP_ORIGIN, forwardEvents, registerIpc } from './hosts/ipc';
import { menuTemplate } from './menu';
import { appDirs } from './services/app-dirs';
import { readRecent } from './services/recent-projects';
import { denyPermissions, hardenContents, windowOptions } from './window';

// codeCache: V8 keeps the compiled scripts between launches (by default only http(s) gets a code cache), so a
// window after the first launch does not parse and compile the whole renderer again. stream: the linked
// recordings are served through this scheme too, and <audio> seeks by byte ranges.
protocol.registerSchemesAsPrivileged([
  { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, stream: true } },
]);

const session = new Session(appDirs());
// documents.linkMedia without a path asks here, in the main process; what is picked counts as chosen.
session.askForFile = async ({ title, filter }) => {
  if (!window) return null;
  const { canceled, filePaths } = await dialog.showOpenDialog(window, { title, filters: [filter], properties: ['openFile'] });
  if (canceled || !filePaths[0]) return null;
  session.chosen.add(filePaths[0]);
  return filePaths[0];
};
const projectArg = process.argv.find((a) => a.endsWith('.trellis'));
let window: BrowserWindow | null = null;

async function run(method: MethodName, args: object): Promise<void> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok && window) await dialog.showMessageBox(window, { type: 'error', message: envelope.error.message });
  refreshMenu();
}

function refreshMenu(): void {
  const actions = {
    newProject: async () => {
      const { canceled, filePath } = await dialog.showSaveDialog(window!, {
        title: 'New project',
        defaultPath: join(session.dirs.projects, 'Untitled.trellis'),
        filters: [{ name: 'Trellis project', extensions: ['trellis'] }],
      });
      if (canceled || !filePath) return;
      session.chosen.add(filePath);
      await run('project.create', { file: filePath });
    },
    openProject: async () => {
      const { canceled, filePaths } = await dialog.showOpenDialog(window!, {
        defaultPath: session.dirs.projects,
        filters: [{ name: 'Trellis project', extensions: ['trellis'] }],
        properties: ['openFile'],
      });
      if (canceled || !filePaths[0]) return;
      session.chosen.add(filePaths[0]);
      await run('project.open', { file: filePaths[0] });
    },
    openRecent: (file: string) => void run('project.open', { file }),
    openDemo: () => void run('project.createDemo', {}),
    closeProject: () => void run('project.close', {}),
  };
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate(actions, readRecent(session.dirs.config), process.platform === 'darwin', app.isPackaged)),
  );
}

app.on('web-contents-created', (_event, contents) => hardenContents(contents));

app.whenReady().then(async () => {
  protocol.handle('app', withMedia(session, appProtocolHandler(join(__dirname, '..', 'renderer'))));
  denyPermissions(webSessions.defaultSession);
  saveDownloadsThroughDialog(webSessions.defaultSession, {
    dialog,
    window: () => window,
    folder: () => app.getPath('documents'),
    openProject: () => (session.isOpen ? session.file : null),
  });
  registerIpc(ipcMain, session);
  const problem = await openInitialProject(session, projectArg);

  window = new BrowserWindow(windowOptions(join(__dirname, 'preload.cjs'), app.isPackaged));
  forwardEvents(session, window.webContents);
  session.subscribe((event) => event === 'project-changed' && refreshMenu());
  refreshMenu();
  window.once('ready-to-show', () => window?.show());
  await window.loadURL(`${APP_ORIGIN}/index.html`);
  if (problem) await dialog.showMessageBox(window, { type: 'error', message: problem });
});

app.on('window-all-closed', () => {
  session.close();
  app.quit();
});
