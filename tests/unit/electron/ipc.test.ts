import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { dispatch } from '../../../electron/api/dispatch';
import type { Envelope } from '../../../shared/protocol';
import { Session } from '../../../electron/api/session';
import { forwardEvents, isTrustedSender, registerIpc } from '../../../electron/hosts/ipc';

type Sender = Pick<IpcMainInvokeEvent, 'senderFrame'>;
const from = (url: string) => ({ senderFrame: { url } }) as unknown as Sender;
type ApiHandler = (event: Sender, method: unknown, args: unknown) => Promise<Envelope> | Envelope;

describe('isTrustedSender', () => {
  it('trusts only frames loaded from app://trellis', () => {
    expect(isTrustedSender(from('app://trellis/index.html'))).toBe(true);
    expect(isTrustedSender(from('app://trellis'))).toBe(true);
    expect(isTrustedSender(from('app://trellisevil.com/'))).toBe(false);
    expect(isTrustedSender(from('app://trellis.evil/'))).toBe(false);
    expect(isTrustedSender(from('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(from('file:///index.html'))).toBe(false);
    expect(isTrustedSender(from(''))).toBe(false);
  });

  it('does not trust a missing sender frame', () => {
    expect(isTrustedSender({} as Sender)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as unknown as Sender)).toBe(false);
  });
});

describe('registerIpc / forwardEvents', () => {
  let root: string;
  let session: Session;
  let handler: ApiHandler;
  const channels: string[] = [];

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'trellis-ipc-'));
    session = new Session({ projects: join(root, 'projects'), config: join(root, 'config') }, { rememberRecent: false });
    channels.length = 0;
    const ipcMain = {
      handle: (channel: string, fn: ApiHandler) => {
        channels.push(channel);
        handler = fn;
      },
    };
    registerIpc(ipcMain as unknown as Pick<IpcMain, 'handle'>, session);
  });

  afterEach(() => {
    session.close();
    rmSync(root, { recursive: true, force: true });
  });

  const trusted = from('app://trellis/index.html');
  const call = async (method: unknown, args?: unknown, sender: Sender = trusted) => handler(sender, method, args);

  it('registers one handler on the trellis:api channel', () => {
    expect(channels).toEqual(['trellis:api']);
  });

  it('rejects calls from untrusted senders without touching anything', async () => {
    const file = join(root, 'evil.trellis');
    for (const sender of [from('https://evil.example/'), from('app://trellisevil.com/'), {} as Sender]) {
      const envelope = await call('project.createDemo', { file }, sender);
      expect(envelope.ok).toBe(false);
      if (!envelope.ok) expect(envelope.error.code).toBe('invalid');
    }
    expect(existsSync(file)).toBe(false);
    expect(session.isOpen).toBe(false);
  });

  it('lets the app window create the demo in the projects folder and read its info, but nowhere it was not given', async () => {
    const elsewhere = join(root, 'elsewhere.trellis');
    expect(await call('project.createDemo', { file: elsewhere })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(elsewhere)).toBe(false);
    const file = join(root, 'projects', 'demo.trellis');
    const created = await call('project.createDemo', { file });
    expect(created.ok).toBe(true);
    if (created.ok) expect((created.result as { file: string }).file).toBe(file);
    expect(existsSync(file)).toBe(true);

    const info = await call('project.info', {});
    expect(info.ok).toBe(true);
    if (!info.ok) throw new Error(info.error.message);
    expect((info.result as { documents: number }).documents).toBe(10);
  });

  it('answers unknown methods with unknown-method', async () => {
    for (const name of ['no.such.method', 'constructor', '__proto__', 42, undefined]) {
      const envelope = await call(name, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('answers bad arguments with invalid-args', async () => {
    const file = join(root, 'x.trellis');
    expect(await call('project.createDemo', { file, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call('project.createDemo', { file: 7 })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await call('project.info', 'nope')).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(existsSync(file)).toBe(false);
    expect(session.isOpen).toBe(false);
  });

  it('forwards committed events to the window until unsubscribed', async () => {
    expect((await dispatch(session, 'project.createDemo', {})).ok).toBe(true);
    const contents = { send: vi.fn(), isDestroyed: vi.fn(() => false) };
    const unsubscribe = forwardEvents(session, contents as unknown as Pick<WebContents, 'send' | 'isDestroyed'>);

    expect((await dispatch(session, 'coders.use', { name: 'Z' })).ok).toBe(true);
    expect(contents.send).toHaveBeenCalledExactlyOnceWith('trellis:event', 'coders-changed');

    unsubscribe();
    expect((await dispatch(session, 'coders.use', { name: 'Y' })).ok).toBe(true);
    expect(contents.send).toHaveBeenCalledTimes(1);
  });

  it('does not forward a failed mutation', async () => {
    const contents = { send: vi.fn(), isDestroyed: () => false };
    forwardEvents(session, contents as unknown as Pick<WebContents, 'send' | 'isDestroyed'>);
    // No project open: the mutation fails and emits nothing.
    expect(await dispatch(session, 'coders.use', { name: 'Z' })).toMatchObject({ ok: false, error: { code: 'no-project' } });
    expect(contents.send).not.toHaveBeenCalled();
  });

  it('stops sending once the window contents are destroyed', async () => {
    expect((await dispatch(session, 'project.createDemo', {})).ok).toBe(true);
    let destroyed = false;
    const contents = { send: vi.fn(), isDestroyed: () => destroyed };
    forwardEvents(session, contents as unknown as Pick<WebContents, 'send' | 'isDestroyed'>);

    await dispatch(session, 'coders.use', { name: 'Z' });
    expect(contents.send).toHaveBeenCalledTimes(1);
    destroyed = true;
    await dispatch(session, 'coders.use', { name: 'Y' });
    expect(contents.send).toHaveBeenCalledTimes(1);
  });
});
