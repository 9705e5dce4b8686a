import { describe, expect, it, vi, type Mock } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuActions } from '../../../electron/menu';
import type { RecentProject } from '../../../electron/services/recent-projects';

type FakeActions = { [K in keyof MenuActions]: Mock<MenuActions[K]> };
const actions = (): FakeActions => ({
  newProject: vi.fn<() => void>(),
  openProject: vi.fn<() => void>(),
  openRecent: vi.fn<(file: string) => void>(),
  openDemo: vi.fn<() => void>(),
  closeProject: vi.fn<() => void>(),
});

const recent: RecentProject[] = [
  { file: '/p/Alpha.trellis', name: 'Alpha study', openedAt: '2024-01-02T00:00:00.000Z' },
  { file: '/p/Beta.trellis', name: 'Beta', openedAt: '2024-01-01T00:00:00.000Z' },
];

function fileMenu(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  const file = template.find((m) => m.label === '&File');
  expect(file).toBeDefined();
  return file!.submenu as MenuItemConstructorOptions[];
}

const item = (items: MenuItemConstructorOptions[], label: string) => {
  const found = items.find((i) => i.label === label);
  expect(found, label).toBeDefined();
  return found!;
};

// Menu click handlers receive (menuItem, window, event); the template ignores them.
const click = (entry: MenuItemConstructorOptions) => (entry.click as unknown as () => void)();

describe('menuTemplate', () => {
  it('has the File items in order', () => {
    const labels = fileMenu(menuTemplate(actions(), [], false))
      .map((i) => i.label)
      .filter(Boolean);
    expect(labels).toEqual(['New Project…', 'Open Project…', 'Open Recent', 'Open Demo Project', 'Close Project']);
  });

  it('clicking each item calls the matching action and nothing else', () => {
    const cases: [string, keyof MenuActions][] = [
      ['New Project…', 'newProject'],
      ['Open Project…', 'openProject'],
      ['Open Demo Project', 'openDemo'],
      ['Close Project', 'closeProject'],
    ];
    for (const [label, action] of cases) {
      const a = actions();
      click(item(fileMenu(menuTemplate(a, recent, false)), label));
      expect(a[action], label).toHaveBeenCalledTimes(1);
      for (const other of Object.keys(a) as (keyof MenuActions)[]) {
        if (other !== action) expect(a[other], `${label} → ${other}`).not.toHaveBeenCalled();
      }
    }
  });

  it('lists recent projects and opens the clicked one', () => {
    const a = actions();
    const submenu = item(fileMenu(menuTemplate(a, recent, false)), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(submenu.map((i) => i.label)).toEqual(['Alpha study', 'Beta']);
    expect(submenu.map((i) => i.sublabel)).toEqual(['/p/Alpha.trellis', '/p/Beta.trellis']);
    click(submenu[1]!);
    expect(a.openRecent).toHaveBeenCalledExactlyOnceWith('/p/Beta.trellis');
    click(submenu[0]!);
    expect(a.openRecent).toHaveBeenLastCalledWith('/p/Alpha.trellis');
  });

  it('shows a disabled placeholder when there are no recent projects', () => {
    const submenu = item(fileMenu(menuTemplate(actions(), [], false)), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(submenu).toHaveLength(1);
    expect(submenu[0]).toMatchObject({ label: 'No recent projects', enabled: false });
    expect(submenu[0]!.click).toBeUndefined();
  });

  it('has accelerators for New, Open and Close', () => {
    const file = fileMenu(menuTemplate(actions(), [], false));
    expect(item(file, 'New Project…').accelerator).toBe('CmdOrCtrl+N');
    expect(item(file, 'Open Project…').accelerator).toBe('CmdOrCtrl+O');
    expect(item(file, 'Close Project').accelerator).toBe('CmdOrCtrl+W');
  });

  it('adds the app menu and a Close role on macOS, a Quit role elsewhere', () => {
    const mac = menuTemplate(actions(), [], true);
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(fileMenu(mac).at(-1)).toEqual({ role: 'close' });
    expect(mac.slice(1).map((m) => m.role ?? m.label)).toEqual(['&File', 'editMenu', 'viewMenu', 'windowMenu']);

    const other = menuTemplate(actions(), [], false);
    expect(other.some((m) => m.role === 'appMenu')).toBe(false);
    expect(fileMenu(other).at(-1)).toEqual({ role: 'quit' });
    expect(other.map((m) => m.role ?? m.label)).toEqual(['&File', 'editMenu', 'viewMenu', 'windowMenu']);
  });

  it('offers Reload and the developer tools only in a development build', () => {
    const viewOf = (packaged: boolean) =>
      menuTemplate(actions(), [], false, packaged).find((m) => m.role === 'viewMenu' || m.label === '&View')!;
    expect(viewOf(false).role).toBe('viewMenu');
    const packaged = viewOf(true).submenu as MenuItemConstructorOptions[];
    expect(packaged.map((i) => i.role).filter(Boolean)).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen']);
  });
});
