import { beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, result: 'answer' })),
  on: vi.fn(),
  removeListener: vi.fn(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke, on: electron.on, removeListener: electron.removeListener },
}));

interface Bridge {
  call(method: string, args: unknown): Promise<unknown>;
  subscribe(listener: (event: string) => void): () => void;
}

let bridge: Bridge;

beforeAll(async () => {
  await import('../../../electron/preload');
  expect(electron.exposeInMainWorld).toHaveBeenCalledTimes(1);
  bridge = electron.exposeInMainWorld.mock.calls[0]![1] as Bridge;
});

describe('preload bridge', () => {
  it('exposes exactly one key, trellis, with exactly call and subscribe', () => {
    const [key, api] = electron.exposeInMainWorld.mock.calls[0]!;
    expect(key).toBe('trellis');
    expect(Object.keys(api as object).sort()).toEqual(['call', 'subscribe']);
    expect(bridge.call).toBeTypeOf('function');
    expect(bridge.subscribe).toBeTypeOf('function');
  });

  it('exposes nothing of ipcRenderer itself', () => {
    const api = electron.exposeInMainWorld.mock.calls[0]![1] as Record<string, unknown>;
    for (const value of Object.values(api)) {
      expect(value).not.toBe(electron.invoke);
      expect(value).not.toBe(electron.on);
    }
  });

  it('call forwards to ipcRenderer.invoke on trellis:api and returns its answer', async () => {
    electron.invoke.mockClear();
    const args = { file: 'x.trellis' };
    await expect(bridge.call('project.open', args)).resolves.toEqual({ ok: true, result: 'answer' });
    expect(electron.invoke).toHaveBeenCalledExactlyOnceWith('trellis:api', 'project.open', args);
  });

  it('subscribe listens on trellis:event, passes only the event name, and unsubscribes the same handler', () => {
    electron.on.mockClear();
    electron.removeListener.mockClear();
    const listener = vi.fn();
    const unsubscribe = bridge.subscribe(listener);

    expect(electron.on).toHaveBeenCalledTimes(1);
    const [channel, handler] = electron.on.mock.calls[0]! as [string, (...a: unknown[]) => void];
    expect(channel).toBe('trellis:event');
    expect(handler).not.toBe(listener);

    const ipcEvent = { sender: { secret: true }, ports: [] };
    handler(ipcEvent, 'coders-changed');
    expect(listener).toHaveBeenCalledExactlyOnceWith('coders-changed');

    expect(electron.removeListener).not.toHaveBeenCalled();
    unsubscribe();
    expect(electron.removeListener).toHaveBeenCalledExactlyOnceWith('trellis:event', handler);
  });

  it('each subscription gets its own handler', () => {
    electron.on.mockClear();
    electron.removeListener.mockClear();
    const offA = bridge.subscribe(vi.fn());
    const offB = bridge.subscribe(vi.fn());
    const handlerA = electron.on.mock.calls[0]![1];
    const handlerB = electron.on.mock.calls[1]![1];
    expect(handlerA).not.toBe(handlerB);
    offB();
    expect(electron.removeListener).toHaveBeenCalledExactlyOnceWith('trellis:event', handlerB);
    offA();
    expect(electron.removeListener).toHaveBeenLastCalledWith('trellis:event', handlerA);
  });
});
