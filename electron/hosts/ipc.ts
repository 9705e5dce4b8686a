import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch } from '../api/dispatch';
import type { Session } from '../api/session';
import { IPC_API_CHANNEL, IPC_EVENT_CHANNEL, type Envelope } from '../../shared/protocol';
export const APP_ORIGIN = 'app://trellis';

/** Only our own UI, loaded from app://trellis, may call the API. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url ?? '';
  return url === APP_ORIGIN || url.startsWith(`${APP_ORIGIN}/`);
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, session: Session): void {
  ipcMain.handle(IPC_API_CHANNEL, (event, method: unknown, args: unknown): Promise<Envelope> | Envelope => {
    if (!isTrustedSender(event)) {
      return { ok: false, error: { code: 'invalid', message: 'API calls are only accepted from the Trellis window.' } };
    }
    return dispatch(session, method, args);
  });
}

/** Forwards committed-change events to a window; returns the unsubscribe function. */
export function forwardEvents(session: Session, contents: Pick<WebContents, 'send' | 'isDestroyed'>): () => void {
  return session.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(IPC_EVENT_CHANNEL, event);
  });
}
