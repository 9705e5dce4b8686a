// Item 7 of issue 13: a project this program may not write opens read-only, says so, and refuses changes in words.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import { canWrite, openProjectFile } from '../../../db/project-file';
import { fileHash, newSession, ok } from '../helpers';

describe('a read-only project', () => {
  it('opens for reading, reports readOnly, and refuses a change with a message naming the file; the file is untouched', async () => {
    const session = newSession();
    const created = await ok<{ file: string }>(dispatch(session, 'project.create', { file: 'Study' }));
    await ok(dispatch(session, 'codes.create', { parentId: null, name: 'Trust 😀' }));
    await ok(dispatch(session, 'project.close', {}));
    expect(canWrite(created.file)).toBe(true);
    const before = fileHash(created.file);

    // The tests run as root, where file permissions do not bind: force what an unwritable file gets.
    session.open(created.file, true);
    expect(await ok(dispatch(session, 'app.status', {}))).toMatchObject({ project: { file: created.file, readOnly: true } });
    const tree = await ok<{ name: string }[]>(dispatch(session, 'codebook.tree', {}));
    expect(tree.map((c) => c.name)).toContain('Trust 😀');
    const refused = await dispatch(session, 'codes.create', { parentId: null, name: 'Power' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(!refused.ok && refused.error.message).toBe(
      `"${created.file}" is open read-only (Trellis may not write to it), so nothing can be changed. Copy it to a folder you can write to, or allow writing to it, and open it again.`,
    );
    session.close();
    expect(fileHash(created.file)).toBe(before);

    // Opened normally, the same file is writable again and says so.
    session.open(created.file);
    expect(await ok(dispatch(session, 'app.status', {}))).toMatchObject({ project: { readOnly: false } });
    await ok(dispatch(session, 'codes.create', { parentId: null, name: 'Power' }));
    session.close();
  });

  it('is opened read-only by better-sqlite3, so even a write that slipped past dispatch could not change it', () => {
    const session = newSession();
    return ok<{ file: string }>(dispatch(session, 'project.create', { file: 'Study' })).then(({ file }) => {
      session.close();
      const db = openProjectFile(file, file, true);
      expect(db.readonly).toBe(true);
      expect(() => db.prepare("UPDATE meta SET value = 'x' WHERE key = 'project_name'").run()).toThrow(/readonly/);
      db.close();
    });
  });
});
