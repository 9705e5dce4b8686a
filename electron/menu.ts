import type { MenuItemConstructorOptions } from 'electron';
import type { RecentProject } from './services/recent-projects';

export interface MenuActions {
  newProject(): void;
  openProject(): void;
  openRecent(file: string): void;
  openDemo(): void;
  closeProject(): void;
}

/** The application menu: File ▸ New/Open/Open Recent/Open Demo/Close, plus the standard Edit/View/Window menus. */
export function menuTemplate(
  actions: MenuActions,
  recent: RecentProject[],
  isMac: boolean,
  packaged = false,
): MenuItemConstructorOptions[] {
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => actions.newProject() },
        { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => actions.openProject() },
        {
          label: 'Open Recent',
          submenu: recent.length
            ? recent.map((r) => ({ label: r.name, sublabel: r.file, click: () => actions.openRecent(r.file) }))
            : [{ label: 'No recent projects', enabled: false }],
        },
        { label: 'Open Demo Project', click: () => actions.openDemo() },
        { type: 'separator' },
        { label: 'Close Project', accelerator: 'CmdOrCtrl+W', click: () => actions.closeProject() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    // The standard View menu offers Reload and Toggle Developer Tools: only in a development build.
    packaged
      ? {
          label: '&View',
          submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
        }
      : { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
}
