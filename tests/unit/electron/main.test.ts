import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { wavBytes } from '../../wav';

type Fn = (...args: any[]) => any;

const fake = vi.hoisted(() => {
  const windows: FakeWindow[] = [];
  class FakeWindow {
    readonly options: any;
    readonly loadURL = vi.fn(async (_url: string) => undefined);
    readonly show = vi.fn();
    readonly onceHandlers = new Map<string, (...args: any[]) => any>();
    readonly webContents = {
      send: vi.fn(),
      isDestroyed: vi.fn(() => false),
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
    };
    constructor(options: any) {
      this.options = options;
      windows.push(this);
    }
    once(event: string, handler: (...args: any[]) => any) {
      this.onceHandlers.set(event, handler);
      return this;
    }
  }
  return {
    windows,
    FakeWindow,
    appHandlers: new Map<string, (...args: any[]) => any>(),
    quit: vi.fn(),
    registerSchemesAsPrivileged: vi.fn(),
    protocolHandle: vi.fn(),
    ipcHandle: vi.fn(),
    buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
    setApplicationMenu: vi.fn(),
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    sessionOn: vi.fn(),
    showSaveDialogSync: vi.fn((): string | undefined => undefined),
    showMessageBox: vi.fn(async () => ({ response: 0 })),
    showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: undefined as string | undefined })),
    showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] as string[] })),
  };
});

vi.mock('electron', () => ({
  app: {
    whenReady: () => Promise.resolve(),
    on: (event: string, handler: Fn) => {
      fake.appHandlers.set(event, handler);
    },
    quit: fake.quit,
    getPath: (name: string) => join(tmpdir(), name),
  },
  BrowserWindow: fake.FakeWindow,
  ipcMain: { handle: fake.ipcHandle },
  Menu: { buildFromTemplate: fake.buildFromTemplate, setApplicationMenu: fake.setApplicationMenu },
  protocol: { registerSchemesAsPrivileged: fake.registerSchemesAsPrivileged, handle: fake.protocolHandle },
  session: {
    defaultSession: {
      setPermissionRequestHandler: fake.setPermissionRequestHandler,
      setPermissionCheckHandler: fake.setPermissionCheckHandler,
      on: fake.sessionOn,
    },
  },
  dialog: {
    showMessageBox: fake.showMessageBox,
    showSaveDialog: fake.showSaveDialog,
    showSaveDialogSync: fake.showSaveDialogSync,
    showOpenDialog: fake.showOpenDialog,
  },
}));

let home: string;
const savedHome = process.env.TRELLIS_HOME;

const window = () => fake.windows[0]!;
const apiHandler = () => fake.ipcHandle.mock.calls.find((c) => c[0] === 'trellis:api')![1] as Fn;
const trusted = { senderFrame: { url: 'app://trellis/index.html' } };
const lastTemplate = () => fake.buildFromTemplate.mock.calls.at(-1)![0] as MenuItemConstructorOptions[];
const fileMenu = () => lastTemplate().find((m) => m.label === '&File')!.submenu as MenuItemConstructorOptions[];
const menuItem = (label: string) => fileMenu().find((i) => i.label === label)!;
const projects = () =>
  existsSync(join(home, 'projects')) ? readdirSync(join(home, 'projects')).filter((f) => f.endsWith('.trellis')) : [];

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'trellis-main-'));
  process.env.TRELLIS_HOME = home;
  vi.resetModules();
  await import('../../../electron/main');
  await vi.waitFor(() => expect(fake.windows[0]?.loadURL).toHaveBeenCalled(), { timeout: 10_000 });
});

afterAll(() => {
  fake.appHandlers.get('window-all-closed')?.();
  if (savedHome === undefined) delete process.env.TRELLIS_HOME;
  else process.env.TRELLIS_HOME = savedHome;
  rmSync(home, { recursive: true, force: true });
});

describe('electron main', () => {
  it('registers app:// as a privileged standard, secure scheme', () => {
    expect(fake.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = fake.registerSchemesAsPrivileged.mock.calls[0]! as [{ scheme: string; privileges: Record<string, boolean> }[]];
    const app = schemes.find((s) => s.scheme === 'app');
    expect(app?.privileges).toMatchObject({ standard: true, secure: true });
    // Linked recordings stream through it too (app://trellis/media/ID), which <audio> needs to seek.
    expect(app?.privileges).toMatchObject({ stream: true });
  });

  it('serves the renderer through protocol.handle("app")', async () => {
    expect(fake.protocolHandle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = fake.protocolHandle.mock.calls[0]! as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    expect(handler).toBeTypeOf('function');
    // Other hosts are never served, whatever the renderer folder holds.
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('denies web permissions on the default session', () => {
    expect(fake.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(fake.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    const check = fake.setPermissionCheckHandler.mock.calls[0]![0] as Fn;
    expect(check({}, 'media', 'app://trellis', {})).toBe(false);
  });

  it('saves downloads (exports) only where its own save dialog says, never onto the open project', async () => {
    expect(fake.sessionOn.mock.calls.map((c) => c[0])).toEqual(['will-download']);
    const onDownload = fake.sessionOn.mock.calls[0]![1] as Fn;
    const { project } = (await apiHandler()(trusted, 'app.status', {})).result;
    const item = (name: string) => ({ getFilename: () => name, setSavePath: vi.fn(), cancel: vi.fn() });
    fake.showSaveDialogSync.mockReturnValueOnce(project.file);
    const refused = item('codebook.md');
    onDownload({}, refused);
    expect(refused.cancel).toHaveBeenCalledTimes(1);
    expect(refused.setSavePath).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.showMessageBox).toHaveBeenCalledTimes(1));
    fake.showMessageBox.mockClear();
    const target = join(home, 'codebook.md');
    fake.showSaveDialogSync.mockReturnValueOnce(target);
    const saved = item('codebook.md');
    onDownload({}, saved);
    expect(saved.setSavePath).toHaveBeenCalledExactlyOnceWith(target);
    const [, options] = fake.showSaveDialogSync.mock.calls.at(-1)! as unknown as [unknown, { defaultPath: string }];
    expect(options.defaultPath).toBe(join(tmpdir(), 'documents', 'codebook.md'));
  });

  it('hardens every web contents that is created', () => {
    const created = fake.appHandlers.get('web-contents-created');
    expect(created).toBeTypeOf('function');
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    created!({}, contents);
    expect(contents.on.mock.calls.map((c) => c[0]).sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ]);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
  });

  it('registers the trellis:api IPC handler', () => {
    expect(fake.ipcHandle.mock.calls.map((c) => c[0])).toEqual(['trellis:api']);
  });

  it('creates one sandboxed, isolated window with the CommonJS preload and loads app://trellis', () => {
    expect(fake.windows).toHaveLength(1);
    const prefs = window().options.webPreferences;
    expect(prefs.sandbox).toBe(true);
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.preload).toMatch(/preload\.cjs$/);
    expect(window().loadURL).toHaveBeenCalledExactlyOnceWith('app://trellis/index.html');
  });

  it('shows the window when it is ready', () => {
    const ready = window().onceHandlers.get('ready-to-show');
    expect(ready).toBeTypeOf('function');
    expect(window().show).not.toHaveBeenCalled();
    ready!();
    expect(window().show).toHaveBeenCalledTimes(1);
  });

  it('sets an application menu built from the File template', () => {
    expect(fake.setApplicationMenu).toHaveBeenCalled();
    expect(fake.setApplicationMenu.mock.calls.at(-1)![0]).toEqual({ template: lastTemplate() });
    expect(
      fileMenu()
        .map((i) => i.label)
        .filter(Boolean),
    ).toEqual(['New Project…', 'Open Project…', 'Open Recent', 'Open Demo Project', 'Close Project']);
  });

  it('opens a fresh demo project on the first start and lists it as recent', async () => {
    expect(projects()).toHaveLength(1);
    const info = await apiHandler()(trusted, 'project.info', {});
    expect(info.ok).toBe(true);
    expect(info.result.documents).toBe(10);
    const recent = menuItem('Open Recent').submenu as MenuItemConstructorOptions[];
    expect(recent).toHaveLength(1);
    expect(recent[0]!.sublabel).toBe(join(home, 'projects', projects()[0]!));
    expect(fake.showMessageBox).not.toHaveBeenCalled();
  });

  it('forwards API events to the window', async () => {
    window().webContents.send.mockClear();
    expect((await apiHandler()(trusted, 'coders.use', { name: 'Main test' })).ok).toBe(true);
    expect(window().webContents.send).toHaveBeenCalledExactlyOnceWith('trellis:event', 'coders-changed');
  });

  it('refuses IPC calls from other origins', async () => {
    const envelope = await apiHandler()({ senderFrame: { url: 'https://evil.example/' } }, 'project.close', {});
    expect(envelope.ok).toBe(false);
    expect((await apiHandler()(trusted, 'app.status', {})).result.project).not.toBeNull();
  });

  it('menu: Open Demo Project writes another demo and refreshes the menu', async () => {
    const builds = fake.buildFromTemplate.mock.calls.length;
    (menuItem('Open Demo Project').click as unknown as Fn)();
    await vi.waitFor(() => expect(projects()).toHaveLength(2));
    await vi.waitFor(() => expect(fake.buildFromTemplate.mock.calls.length).toBeGreaterThan(builds));
    await vi.waitFor(() => expect(menuItem('Open Recent').submenu as unknown[]).toHaveLength(2));
  });

  it('menu: a failing action is reported in an error dialog', async () => {
    fake.showMessageBox.mockClear();
    const submenu = menuItem('Open Recent').submenu as MenuItemConstructorOptions[];
    // The older of the two demos, which is not the open one.
    const missing = submenu[1]!.sublabel!;
    rmSync(missing);
    (submenu[1]!.click as unknown as Fn)();
    await vi.waitFor(() => expect(fake.showMessageBox).toHaveBeenCalledTimes(1));
    const [parent, options] = fake.showMessageBox.mock.calls[0]! as unknown as [unknown, { type: string; message: string }];
    expect(parent).toBe(window());
    expect(options.type).toBe('error');
    expect(options.message.length).toBeGreaterThan(0);
  });

  it('menu: New Project… asks for a file and creates nothing when cancelled', async () => {
    const before = projects().length;
    (menuItem('New Project…').click as unknown as Fn)();
    await vi.waitFor(() => expect(fake.showSaveDialog).toHaveBeenCalledTimes(1));
    const [, options] = fake.showSaveDialog.mock.calls[0]! as unknown as [unknown, { defaultPath: string }];
    expect(options.defaultPath).toBe(join(home, 'projects', 'Untitled.trellis'));
    expect(projects()).toHaveLength(before);
  });

  it('links a recording picked in its own open dialog, and serves it at app://trellis/media/ID', async () => {
    const wav = join(home, 'interview.wav');
    writeFileSync(wav, wavBytes(0.2));
    const { result: documents } = await apiHandler()(trusted, 'documents.list', {});
    const id = (documents as { id: number }[])[0]!.id;
    fake.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [wav] });
    expect(await apiHandler()(trusted, 'documents.linkMedia', { id })).toMatchObject({ ok: true, result: { path: wav } });
    const [parent, options] = fake.showOpenDialog.mock.calls.at(-1)! as unknown as [unknown, { filters: { extensions: string[] }[] }];
    expect(parent).toBe(window());
    expect(options.filters[0]!.extensions).toEqual(['mp3', 'm4a', 'wav', 'ogg']);
    const [, handler] = fake.protocolHandle.mock.calls[0]! as [string, (r: Request) => Promise<Response>];
    const served = await handler(new Request(`app://trellis/media/${id}`, { headers: { Range: 'bytes=0-11' } }));
    expect(served.status).toBe(206);
    expect(Buffer.from(await served.arrayBuffer()).toString('latin1')).toBe(
      'RIFF' + wavBytes(0.2).subarray(4, 8).toString('latin1') + 'WAVE',
    );
  });

  it('menu: Close Project closes the project', async () => {
    (menuItem('Close Project').click as unknown as Fn)();
    await vi.waitFor(async () => expect((await apiHandler()(trusted, 'app.status', {})).result.project).toBeNull());
  });

  it('closing all windows quits', () => {
    fake.appHandlers.get('window-all-closed')!();
    expect(fake.quit).toHaveBeenCalledTimes(1);
  });
});
