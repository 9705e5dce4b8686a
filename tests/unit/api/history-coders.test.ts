import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ApiEvent } from '../../../shared/protocol';
import { newSession, ok, tempDir } from '../helpers';

async function sharedProject() {
  const file = join(tempDir(), 'shared.trellis');
  const session = newSession();
  session.chosen.add(file);
  await ok(dispatch(session, 'project.createDemo', { file }));
  const documentId = (session.db.prepare('SELECT id FROM documents ORDER BY id LIMIT 1').get() as { id: number }).id;
  const code = (coder: string, start: number) =>
    ok<{ id: number }>(
      dispatch(session, 'segments.create', { documentId, start, end: start + 4, codeRefs: ['Shared theme'], createMissing: true, coder }),
    );
  return { file, session, code };
}

const segmentIds = (db: Database.Database, coder: string) =>
  (
    db.prepare('SELECT s.id FROM segments s JOIN coders c ON c.id = s.coder_id WHERE c.name = ? ORDER BY s.id').all(coder) as {
      id: number;
    }[]
  ).map((r) => r.id);

describe('undo is each coder’s own', () => {
  it('undoes the named coder’s latest step, never another coder’s later one', async () => {
    const { session, code } = await sharedProject();
    const a1 = await code('Ana', 0);
    const b1 = await code('Ben', 10);
    const a2 = await code('Ana', 20);
    const b2 = await code('Ben', 30);
    // Ben's latest step is the last one overall; undoing Ana's takes her second coding, not his.
    const undone = await ok<{ undone: { label: string } }>(dispatch(session, 'history.undo', { coder: 'Ana' }));
    expect(undone.undone.label).toBe('Code passage');
    expect(segmentIds(session.db, 'Ana')).toEqual([a1.id]);
    expect(segmentIds(session.db, 'Ben')).toEqual(expect.arrayContaining([b1.id, b2.id]));
    // Ben's undo is still his own latest step; Ana's redo still waits for her.
    await ok(dispatch(session, 'history.undo', { coder: 'Ben' }));
    expect(segmentIds(session.db, 'Ben')).not.toContain(b2.id);
    expect(await ok(dispatch(session, 'history.state', { coder: 'Ana' }))).toMatchObject({ redo: { label: 'Code passage' } });
    await ok(dispatch(session, 'history.redo', { coder: 'Ana' }));
    expect(segmentIds(session.db, 'Ana')).toContain(a2.id);
    // A new step of Ben's discards his own redo, not Ana's.
    await ok(dispatch(session, 'history.undo', { coder: 'Ana' }));
    await code('Ben', 40);
    expect(await ok(dispatch(session, 'history.state', { coder: 'Ben' }))).toMatchObject({ redo: null });
    expect(await ok(dispatch(session, 'history.state', { coder: 'Ana' }))).toMatchObject({ redo: { label: 'Code passage' } });
    expect(await dispatch(session, 'history.undo', { coder: 'Nobody' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('changes made by another program', () => {
  it('reach every open view: a commit by another connection is announced, our own are not', async () => {
    const { file, session, code } = await sharedProject();
    const events: ApiEvent[] = [];
    const stop = session.subscribe((e) => events.push(e));
    session.noticeOthers();
    await code('Ana', 0);
    session.noticeOthers();
    expect(events.filter((e) => e === 'segments-changed')).toHaveLength(1); // the call's own event only
    const other = new Database(file);
    other.prepare("UPDATE memos SET body = body || '.' WHERE rowid = (SELECT min(rowid) FROM memos)").run();
    other.prepare("INSERT INTO meta (key, value) VALUES ('touched-by', 'cli') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
    other.close();
    events.length = 0;
    session.noticeOthers();
    expect(events).toEqual(expect.arrayContaining(['segments-changed', 'codebook-changed', 'documents-changed', 'history-changed']));
    events.length = 0;
    session.noticeOthers();
    expect(events).toEqual([]);
    stop();
  });
});
