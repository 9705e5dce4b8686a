// Managing the project's material: renaming, reordering and deleting documents (codings, counts and the
// search index following, all undoable), and memos on documents, codes, cases and the project.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/api/dispatch';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/api/methods';
import type { Session } from '../../../electron/api/session';
import { expectDerivedMatchRebuild, rowsOf } from '../db/migrations/old-projects';
import { newSession } from '../helpers';

async function call<M extends MethodName>(session: Session, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as ResultOf<M>;
}

async function failure(session: Session, method: MethodName, args: unknown) {
  const envelope = await dispatch(session, method, args);
  expect(envelope.ok).toBe(false);
  return !envelope.ok ? envelope.error : null;
}

async function demo() {
  const session = newSession();
  await call(session, 'project.createDemo', {});
  await call(session, 'coders.use', { name: 'Ana' });
  return session;
}

const TRACKED = ['documents', 'paragraphs', 'segments', 'segment_codes', 'memos', 'case_documents'];
const hitsFor = async (session: Session, query: string) => (await call(session, 'search.count', { query })).total;

describe('documents: rename, reorder, delete', () => {
  it('renames a document, refusing a name another document has (in any case), and undoes it', async () => {
    const session = await demo();
    const [first, second] = await call(session, 'documents.list', {});
    expect(await call(session, 'documents.rename', { id: first!.id, name: '  DCS 1 – County A 😀 ' })).toEqual({
      from: first!.name,
      to: 'DCS 1 – County A 😀',
    });
    expect(await failure(session, 'documents.rename', { id: second!.id, name: 'dcs 1 – county a 😀' })).toMatchObject({
      code: 'conflict',
      message: 'There is already a document named "dcs 1 – county a 😀".',
    });
    expect(await failure(session, 'documents.rename', { id: 9999, name: 'X' })).toMatchObject({ code: 'not-found' });
    await call(session, 'history.undo', {});
    expect((await call(session, 'documents.get', { id: first!.id })).name).toBe(first!.name);
  });

  it('puts a document where it is moved in the order, undoably', async () => {
    const session = await demo();
    const ids = (await call(session, 'documents.list', {})).map((d) => d.id);
    const last = ids.at(-1)!;
    expect(await call(session, 'documents.move', { id: last, index: 0 })).toEqual([last, ...ids.slice(0, -1)]);
    expect(await call(session, 'documents.move', { id: ids[0]!, index: 99 })).toEqual([last, ...ids.slice(1, -1), ids[0]]);
    await call(session, 'history.undo', {});
    await call(session, 'history.undo', {});
    expect((await call(session, 'documents.list', {})).map((d) => d.id)).toEqual(ids);
  });

  it('says what a delete takes, deletes it with its codings, counts and search hits, and undo restores every row', async () => {
    const session = await demo();
    const documents = await call(session, 'documents.list', {});
    const doc = documents.find((d) => d.segments > 0)!;
    const first = (await call(session, 'segments.list', { documentId: doc.id }))[0]!;
    await call(session, 'memos.set', { target: { kind: 'document', id: doc.id }, body: 'Rushed call.' });
    await call(session, 'segments.update', { id: first.id, memo: 'A coding memo.' });
    const segments = await call(session, 'segments.list', { documentId: doc.id });
    const impact = await call(session, 'documents.deletePreview', { id: doc.id });
    // Expected from the listing itself: each segment and each of its codes, the document memo and the coding memos.
    expect(impact).toEqual({
      document: doc.name,
      segments: segments.length,
      codings: segments.reduce((n, s) => n + s.codeIds.length, 0),
      memos: 1 + segments.filter((s) => s.memo !== '').length,
    });
    const word = (await call(session, 'documents.get', { id: doc.id })).text.match(/\b[a-z]{9,}\b/)![0];
    const hitsBefore = await hitsFor(session, word);
    const before = rowsOf(session.db, TRACKED);
    const treeBefore = await call(session, 'codebook.tree', {});

    expect(await call(session, 'documents.delete', { id: doc.id })).toEqual(impact);
    expect((await call(session, 'documents.list', {})).map((d) => d.id)).not.toContain(doc.id);
    expect(await failure(session, 'documents.get', { id: doc.id })).toMatchObject({ code: 'not-found' });
    expect(await call(session, 'segments.list', { documentId: doc.id })).toEqual([]);
    expect(await hitsFor(session, word)).toBeLessThan(hitsBefore);
    expect(await call(session, 'codebook.tree', {})).not.toEqual(treeBefore);
    expectDerivedMatchRebuild(session.db);
    expect((await call(session, 'memos.list', { kinds: ['document', 'coding'] })).map((m) => m.body)).not.toContain('Rushed call.');

    await call(session, 'history.undo', {});
    expect(rowsOf(session.db, TRACKED)).toEqual(before);
    expect(await call(session, 'codebook.tree', {})).toEqual(treeBefore);
    expect(await hitsFor(session, word)).toBe(hitsBefore);
    expectDerivedMatchRebuild(session.db);
  });
});

describe('memos on codes, cases and the project, and the memo list', () => {
  it('keeps one memo per object, lists them newest first with their objects, and filters by kind, author and words', async () => {
    const session = await demo();
    const code = (await call(session, 'codebook.tree', {}))[0]!;
    const caseRow = (await call(session, 'cases.list', {})).cases[0]!;
    await call(session, 'memos.set', { target: { kind: 'code', id: code.id }, body: 'Grouping code for the MGF.' });
    await call(session, 'memos.set', { target: { kind: 'case', id: caseRow.id }, body: 'County with a pooled budget 😀.' });
    await call(session, 'coders.use', { name: 'Ben' });
    await call(session, 'memos.set', { target: { kind: 'project' }, body: 'Ten DCS interviews, 2007.' });
    await call(session, 'memos.set', { target: { kind: 'project' }, body: 'Ten DCS interviews, summer 2007.' });

    expect(await call(session, 'memos.get', { target: { kind: 'project' } })).toEqual({
      target: { kind: 'project' },
      body: 'Ten DCS interviews, summer 2007.',
    });
    const all = await call(session, 'memos.list', {});
    const mine = all.filter((m) => m.kind !== 'coding');
    expect(mine.map((m) => [m.kind, m.objectName, m.author])).toEqual([
      ['project', 'Project', 'Ben'],
      ['case', caseRow.name, 'Ana'],
      ['code', code.name, 'Ana'],
    ]);
    expect((await call(session, 'memos.list', { kinds: ['case'] })).map((m) => m.objectId)).toEqual([caseRow.id]);
    const ben = (await call(session, 'coders.list', {})).coders.find((c) => c.name === 'Ben')!;
    expect((await call(session, 'memos.list', { authorId: ben.id })).map((m) => m.kind)).toEqual(['project']);
    expect((await call(session, 'memos.list', { text: 'POOLED' })).map((m) => m.kind)).toEqual(['case']);
    // Blind coding (codingsBy): the demo's coding memos are its coders' (A and B); Ben wrote none, so only
    // the object memos stay, everyone's; for A, A's coding memos stay and no one else's.
    const codings = all.filter((m) => m.kind === 'coding');
    const coderA = (await call(session, 'coders.list', {})).coders.find((c) => c.name === 'A')!;
    expect(new Set(codings.map((m) => m.author)).size).toBeGreaterThan(1);
    expect(await call(session, 'memos.list', { codingsBy: ben.id })).toEqual(mine);
    const forA = await call(session, 'memos.list', { codingsBy: coderA.id });
    expect(forA.filter((m) => m.kind === 'coding')).toEqual(codings.filter((m) => m.authorId === coderA.id));
    expect(forA.filter((m) => m.kind !== 'coding')).toEqual(mine);
    // A memo is found by its object's name too.
    expect((await call(session, 'memos.list', { text: code.name, kinds: ['code'] })).length).toBe(1);

    await call(session, 'history.undo', {});
    expect((await call(session, 'memos.get', { target: { kind: 'project' } })).body).toBe('Ten DCS interviews, 2007.');
    expect(await failure(session, 'memos.get', { target: { kind: 'code', id: 99999 } })).toMatchObject({ code: 'not-found' });
    expect(await failure(session, 'memos.set', { target: { kind: 'project', id: 1 }, body: 'x' })).toMatchObject({ code: 'invalid-args' });
    // Written within one millisecond (as here, on a fast machine): still the later-made first.
    session.db.prepare("UPDATE memos SET modified_at = '2026-12-03T12:00:00.000Z'").run();
    const tied = (await call(session, 'memos.list', { kinds: ['project', 'case', 'code'] })).map((m) => m.kind);
    expect(tied).toEqual(['project', 'case', 'code']);
  });
});
