import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, methodNames } from '../../../electron/api/dispatch';
import type { MethodName } from '../../../electron/api/methods';
import type { ApiEvent, Envelope } from '../../../electron/api/protocol';
import { Session } from '../../../electron/api/session';
import { readRecent } from '../../../electron/services/recent-projects';
import { fileHash, tempDir } from '../helpers';

function newSession() {
  const home = tempDir();
  return new Session({ projects: join(home, 'projects'), config: join(home, 'config') });
}

async function ok<T = unknown>(envelope: Promise<Envelope>): Promise<T> {
  const e = await envelope;
  if (!e.ok) throw new Error(`${e.error.code}: ${e.error.message}`);
  return e.result as T;
}

async function demoSession() {
  const session = newSession();
  await ok(dispatch(session, 'project.createDemo', {}));
  return session;
}

/** A valid call of every method; the test below fails when a method is added without one. */
const examples: Record<MethodName, unknown> = {
  'app.status': {},
  'projects.recent': {},
  'project.create': { file: 'Fresh study' },
  'project.createDemo': {},
  'project.open': { file: 'Every Child Matters demo.trellis' },
  'project.close': {},
  'project.info': {},
  'documents.list': {},
  'documents.get': { id: 1 },
  'cases.list': {},
  'codebook.tree': { coderId: 1 },
  'frameworks.list': {},
  'segments.list': { documentId: 1, coderId: 2 },
  'coders.list': {},
  'coders.use': { name: 'C' },
  'history.state': {},
  'history.undo': {},
  'history.redo': {},
  'segments.create': { documentId: 1, start: 0, end: 12, codeIds: [2, 14] },
  'matrix.get': { layout: { kind: 'framework', sliceId: 8 }, mode: 'same-segment', filters: { coderIds: [1] } },
  'matrix.excerpts': { row: 'row:1', column: 'column:4', themeId: 14, limit: 5 },
  'matrix.previews': { layout: { kind: 'codes', rows: { parentId: 13 }, columns: { kind: 'coders' } }, perCell: 2 },
  'matrix.export': { format: 'csv', filters: { caseAttributes: [{ attributeId: 1, value: 'London borough' }] } },
  'matrix.codeSources': {},
};

/** Everything a bad call could have changed: counts, meta, coders and the recent list. */
async function fingerprint(session: Session) {
  return JSON.stringify([
    await dispatch(session, 'project.info', {}),
    await dispatch(session, 'coders.list', {}),
    session.db.prepare('SELECT * FROM meta ORDER BY key').all(),
    readRecent(session.dirs.config).map((r) => r.file),
  ]);
}

describe('dispatch', () => {
  it('has an example for every method, and each example succeeds', async () => {
    expect(Object.keys(examples).sort()).toEqual(methodNames().sort());
    const session = await demoSession();
    for (const name of methodNames().filter((n) => !n.startsWith('project.'))) {
      const envelope = await dispatch(session, name, examples[name as MethodName]);
      expect(envelope.ok, name).toBe(true);
    }
  });

  it('rejects wild arguments for every method with a typed error, writing nothing', async () => {
    const session = await demoSession();
    const wild = [
      null,
      42,
      'text',
      [],
      { unexpected: true },
      { id: -1 },
      { id: 1.5 },
      { file: '' },
      { file: 'a\u0000b' },
      { name: '' },
      { coderId: 'x' },
    ];
    for (const name of methodNames()) {
      const before = await fingerprint(session);
      for (const args of wild) {
        const envelope = await dispatch(session, name, args);
        // Arguments that happen to be valid for this method are not wild for it.
        if (envelope.ok) continue;
        expect(envelope.error.code, `${name} ${JSON.stringify(args)}`).toBe('invalid-args');
        expect(envelope.error.message).toContain(name);
      }
      expect(await fingerprint(session), name).toBe(before);
    }
  });

  it('answers unknown methods, including prototype names, with unknown-method', async () => {
    const session = newSession();
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      const envelope = await dispatch(session, name, {});
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
  });

  it('answers project queries with no-project before a project is open', async () => {
    const session = newSession();
    expect(await dispatch(session, 'project.info', {})).toMatchObject({ ok: false, error: { code: 'no-project' } });
    expect(await dispatch(session, 'coders.use', { name: 'A' })).toMatchObject({ ok: false, error: { code: 'no-project' } });
    expect(await ok(dispatch(session, 'app.status', {}))).toMatchObject({ project: null });
  });

  it('emits events only after a committed change', async () => {
    const session = await demoSession();
    const seen: ApiEvent[] = [];
    session.subscribe((e) => seen.push(e));
    await dispatch(session, 'coders.use', { name: '' });
    await dispatch(session, 'documents.list', {});
    expect(seen).toEqual([]);
    await ok(dispatch(session, 'coders.use', { name: 'New coder' }));
    expect(seen).toEqual(['coders-changed']);
  });

  it('reports not-found for an unknown document id', async () => {
    const session = await demoSession();
    expect(await dispatch(session, 'documents.get', { id: 999 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('project methods', () => {
  it('creates, closes, reopens and remembers projects', async () => {
    const session = newSession();
    const created = await ok<{ file: string; name: string }>(dispatch(session, 'project.create', { file: 'Study one', name: 'Study one' }));
    expect(created.file).toBe(join(session.dirs.projects, 'Study one.trellis'));
    expect(await ok(dispatch(session, 'frameworks.list', {}))).toMatchObject({ frameworks: [{ name: 'MGF' }] });
    await ok(dispatch(session, 'project.close', {}));
    expect(await ok(dispatch(session, 'app.status', {}))).toMatchObject({ project: null });
    await ok(dispatch(session, 'project.open', { file: created.file }));
    expect(await ok(dispatch(session, 'projects.recent', {}))).toEqual([
      expect.objectContaining({ file: created.file, name: 'Study one', exists: true }),
    ]);
    expect(await dispatch(session, 'project.create', { file: 'Study one' })).toMatchObject({ ok: false, error: { code: 'exists' } });
  });

  it('gives each demo copy a fresh file', async () => {
    const session = newSession();
    const first = await ok<{ file: string }>(dispatch(session, 'project.createDemo', {}));
    const second = await ok<{ file: string }>(dispatch(session, 'project.createDemo', {}));
    expect(second.file).not.toBe(first.file);
    expect(second.file).toMatch(/Every Child Matters demo 2\.trellis$/);
  });

  it('keeps the current project open when opening a bad file fails, and leaves that file untouched', async () => {
    const session = await demoSession();
    const bad = join(tempDir(), 'bad.trellis');
    writeFileSync(bad, 'not a database');
    const before = fileHash(bad);
    expect(await dispatch(session, 'project.open', { file: bad })).toMatchObject({ ok: false, error: { code: 'not-a-project' } });
    expect(fileHash(bad)).toBe(before);
    expect(await ok(dispatch(session, 'project.info', {}))).toMatchObject({ documents: 10 });
  });
});
