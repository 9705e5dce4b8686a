// The only bridge between the sandboxed renderer and the main process: one call, one subscription.
// Bundled as CommonJS, because sandboxed preloads cannot load ES modules.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/protocol';

contextBridge.exposeInMainWorld('trellis', {
  call: (method: string, args: unknown) => ipcRenderer.invoke(IPC_API_CHANNEL, method, args),
  subscribe: (listener: (event: string) => void) => {
    const handler = (_e: IpcRendererEvent, event: string) => listener(event);
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
});
