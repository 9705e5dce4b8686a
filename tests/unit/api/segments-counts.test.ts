import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ApiEvent, Envelope } from '../../../shared/protocol';
import { Session } from '../../../electron/api/session';
import { tempDir } from '../helpers';

async function ok<T>(envelope: Promise<Envelope>): Promise<T> {
  const e = await envelope;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.result as T;
}

async function demo() {
  const home = tempDir();
  const session = new Session({ projects: join(home, 'projects'), config: join(home, 'config') }, { rememberRecent: false });
  await ok(dispatch(session, 'project.createDemo', {}));
  return session;
}

const snapshot = (session: Session) =>
  JSON.stringify(
    ['segments', 'segment_codes', 'cooccurrence', 'undo_steps'].map((t) => session.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()),
  );

describe('segments.create', () => {
  it('stores a coding by the current coder as one undoable step and says so', async () => {
    const session = await demo();
    const events: ApiEvent[] = [];
    session.subscribe((e) => events.push(e));
    const refs = await ok<{ id: number; ref: string }[]>(dispatch(session, 'codebook.refs', {}));
    const cellCode = refs.find((r) => r.ref === 'MGF:Individual/Directive')!.id;
    const theme = refs.find((r) => r.ref === 'Themes/Leadership')!.id;
    const before = await ok<{ cells: { codeId: number; segments: number }[] }>(dispatch(session, 'matrix.get', {}));
    expect(before.cells.find((c) => c.codeId === cellCode)).toMatchObject({ segments: 0 });
    const segment = await ok<{ text: string; coderId: number; codeIds: number[] }>(
      dispatch(session, 'segments.create', { documentId: 1, start: 0, end: 12, codeIds: [cellCode, theme] }),
    );
    expect(segment).toMatchObject({ text: 'Interviewer:', coderId: 1 });
    expect([...segment.codeIds].sort()).toEqual([cellCode, theme].sort());
    expect(events).toEqual(['segments-changed', 'history-changed']);
    expect(await ok(dispatch(session, 'history.state', {}))).toMatchObject({ undo: { label: 'Code passage' } });
    const cell = await ok<{ cells: { codeId: number; segments: number }[] }>(dispatch(session, 'matrix.get', {}));
    expect(cell.cells.find((c) => c.codeId === cellCode)).toMatchObject({ segments: 1 });
  });

  it('refuses a range outside the text, a grouping code or a missing coder, changing nothing', async () => {
    const session = await demo();
    const before = snapshot(session);
    const refused = async (args: unknown) => {
      const e = await dispatch(session, 'segments.create', args);
      if (e.ok) throw new Error('expected a refusal');
      return e.error;
    };
    expect(await refused({ documentId: 1, start: 5, end: 999_999, codeIds: [9] })).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('is not inside'),
    });
    expect(await refused({ documentId: 1, start: 0, end: 5, codeIds: [9, 13] })).toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('"Themes" groups other codes'),
    });
    expect(await refused({ documentId: 1, start: 0, end: 5, codeIds: [9], coderId: 99 })).toMatchObject({ code: 'not-found' });
    session.db.prepare("DELETE FROM meta WHERE key = 'current_coder_id'").run();
    expect(await refused({ documentId: 1, start: 0, end: 5, codeIds: [9] })).toEqual({
      code: 'invalid',
      message: 'Choose a coder first (the coder menu in the status bar).',
    });
    expect(snapshot(session)).toBe(before);
  });
});
