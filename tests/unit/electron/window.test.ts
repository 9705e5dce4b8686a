import { describe, expect, it, vi } from 'vitest';
import type { Session as WebSession, WebContents } from 'electron';
import { denyPermissions, hardenContents, windowOptions } from '../../../electron/window';

type Handler = (...args: unknown[]) => unknown;

function fakeContents() {
  const handlers = new Map<string, Handler>();
  let openHandler: Handler | undefined;
  const contents = {
    on: (event: string, handler: Handler) => {
      handlers.set(event, handler);
      return contents;
    },
    setWindowOpenHandler: (handler: Handler) => {
      openHandler = handler;
    },
  };
  hardenContents(contents as unknown as Pick<WebContents, 'on' | 'setWindowOpenHandler'>);
  return { handlers, openHandler: () => openHandler };
}

function navigate(handlers: Map<string, Handler>, url: string): boolean {
  const event = { preventDefault: vi.fn() };
  handlers.get('will-navigate')!(event, url);
  return event.preventDefault.mock.calls.length > 0;
}

describe('windowOptions', () => {
  it('isolates and sandboxes the renderer and passes the preload through', () => {
    const options = windowOptions('/some/where/preload.cjs');
    const prefs = options.webPreferences!;
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.preload).toBe('/some/where/preload.cjs');
  });
});

describe('hardenContents', () => {
  it('registers will-navigate, will-attach-webview and a window-open handler', () => {
    const { handlers, openHandler } = fakeContents();
    expect([...handlers.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(openHandler()).toBeTypeOf('function');
  });

  it('prevents navigation away from app://trellis', () => {
    const { handlers } = fakeContents();
    expect(navigate(handlers, 'https://example.com')).toBe(true);
    expect(navigate(handlers, 'https://example.com/app://trellis/')).toBe(true);
    expect(navigate(handlers, 'app://trellisevil.com/index.html')).toBe(true);
    expect(navigate(handlers, 'file:///etc/passwd')).toBe(true);
  });

  it('prevents redirects and frame navigations away from app://trellis', () => {
    const { handlers } = fakeContents();
    const redirect = { preventDefault: vi.fn() };
    handlers.get('will-redirect')!(redirect, 'https://example.com/');
    expect(redirect.preventDefault).toHaveBeenCalledTimes(1);
    const frame = { preventDefault: vi.fn(), url: 'https://example.com/frame' };
    handlers.get('will-frame-navigate')!(frame);
    expect(frame.preventDefault).toHaveBeenCalledTimes(1);
    const home = { preventDefault: vi.fn(), url: 'app://trellis/index.html' };
    handlers.get('will-frame-navigate')!(home);
    expect(home.preventDefault).not.toHaveBeenCalled();
  });

  it('has no developer tools in a packaged build', () => {
    expect(windowOptions('/p.cjs', true).webPreferences!.devTools).toBe(false);
    expect(windowOptions('/p.cjs', false).webPreferences!.devTools).toBe(true);
  });

  it('allows navigation within app://trellis', () => {
    const { handlers } = fakeContents();
    expect(navigate(handlers, 'app://trellis/index.html')).toBe(false);
    expect(navigate(handlers, 'app://trellis/')).toBe(false);
  });

  it('prevents attaching webviews', () => {
    const { handlers } = fakeContents();
    const event = { preventDefault: vi.fn() };
    handlers.get('will-attach-webview')!(event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('denies every window.open', () => {
    const { openHandler } = fakeContents();
    expect(openHandler()!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(openHandler()!({ url: 'app://trellis/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('denyPermissions', () => {
  it('refuses permission requests and checks', () => {
    let request: Handler | undefined;
    let check: Handler | undefined;
    const session = {
      setPermissionRequestHandler: (h: Handler) => {
        request = h;
      },
      setPermissionCheckHandler: (h: Handler) => {
        check = h;
      },
    };
    denyPermissions(session as unknown as Pick<WebSession, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>);
    expect(request).toBeTypeOf('function');
    expect(check).toBeTypeOf('function');
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
      const callback = vi.fn();
      request!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
      expect(check!({}, permission, 'app://trellis', {})).toBe(false);
    }
  });
});
