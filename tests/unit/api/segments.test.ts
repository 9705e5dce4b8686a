import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertDocument } from '../../../db/queries/documents';
import { dispatch } from '../../../electron/api/dispatch';
import type { ArgsOf, MethodName, ResultOf } from '../../../electron/api/methods';
import { Session } from '../../../electron/api/session';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { tempDir } from '../helpers';

const TEXT = 'Interviewer: And the CAF?\nDCS: The café 😀 coordinators – naïve at first – made the Common Assessment Framework stick.';
const points = [...TEXT];
/** Code-point range of the first occurrence of a piece of TEXT. */
const rangeOf = (piece: string) => {
  const start = [...TEXT.slice(0, TEXT.indexOf(piece))].length;
  return { start, end: start + [...piece].length };
};

async function call<M extends MethodName>(session: Session, method: M, args: ArgsOf<M>): Promise<ResultOf<M>> {
  const envelope = await dispatch(session, method, args);
  if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
  return envelope.result as ResultOf<M>;
}

async function project() {
  const home = tempDir();
  const session = new Session({ projects: join(home, 'p'), config: join(home, 'c') }, { rememberRecent: false });
  await call(session, 'project.create', { file: 'study' });
  const documentId = session.db.transaction(() =>
    insertDocument(session.db, { name: 'Interview', ...parsePlainTranscript(TEXT), sourceName: null, sourceType: 'txt' }),
  )();
  await call(session, 'coders.use', { name: 'A' });
  const refs = await call(session, 'codebook.refs', {});
  const ref = (r: string) => refs.find((x) => x.ref === r)!.id;
  return { session, documentId, ref };
}

describe('coding passages through the API', () => {
  it('stores exactly the selected code points, with framework cell, slice, theme and an in-vivo code', async () => {
    const { session, documentId, ref } = await project();
    const range = rangeOf('café 😀 coordinators – naïve');
    const segment = await call(session, 'segments.create', {
      documentId,
      ...range,
      codeIds: [ref('MGF:Organizational/Operational')],
      codeRefs: ['MGF:Local', 'Themes/Common Assessment Framework'],
      createMissing: true,
      newCodes: [{ name: 'café coordinators', parentId: null }],
      memo: 'In-vivo phrase.',
    });
    expect(segment.text).toBe('café 😀 coordinators – naïve');
    expect(segment.text).toBe(points.slice(range.start, range.end).join(''));
    const labels = new Map((await call(session, 'codebook.refs', {})).map((r) => [r.id, r.ref]));
    expect(segment.codeIds.map((id) => labels.get(id)).sort()).toEqual(
      ['MGF:Organizational/Operational', 'MGF:Local', 'Themes/Common Assessment Framework', 'café coordinators'].sort(),
    );
    expect(await call(session, 'segments.recentCodes', {})).toHaveLength(4);
  });

  it('makes every coding action one undo step that survives reopening the project', async () => {
    const { session, documentId, ref } = await project();
    const cell = ref('MGF:Individual/Operational');
    const created = await call(session, 'segments.create', { documentId, ...rangeOf('made the Common'), codeIds: [cell] });
    const resized = await call(session, 'segments.update', { id: created.id, ...rangeOf('made the Common Assessment Framework') });
    expect(resized!.text).toBe('made the Common Assessment Framework');
    await call(session, 'segments.update', { id: created.id, memo: 'CAF as practice.' });
    expect(await call(session, 'history.state', {})).toMatchObject({ undo: { label: 'Edit coding memo' } });

    const file = session.file;
    await call(session, 'project.close', {});
    await call(session, 'project.open', { file });
    await call(session, 'history.undo', {});
    await call(session, 'history.undo', {});
    const [afterTwoUndos] = await call(session, 'segments.list', { documentId });
    expect(afterTwoUndos).toMatchObject({ text: 'made the Common', memo: '' });
    await call(session, 'history.undo', {});
    expect(await call(session, 'segments.list', { documentId })).toEqual([]);
    await call(session, 'history.redo', {});
    expect((await call(session, 'segments.list', { documentId }))[0]).toMatchObject({ id: created.id, text: 'made the Common' });
  });

  it('adds and removes codes; removing the last code deletes the segment', async () => {
    const { session, documentId, ref } = await project();
    const a = ref('MGF:System/Constitutive');
    const b = ref('MGF:National');
    const { id } = await call(session, 'segments.create', { documentId, ...rangeOf('The café'), codeIds: [a] });
    expect((await call(session, 'segments.update', { id, addCodeIds: [b] }))!.codeIds.sort()).toEqual([a, b].sort());
    expect((await call(session, 'segments.update', { id, removeCodeIds: [a] }))!.codeIds).toEqual([b]);
    expect(await call(session, 'segments.update', { id, removeCodeIds: [b] })).toBeNull();
    expect(await call(session, 'segments.list', {})).toEqual([]);
    await call(session, 'history.undo', {});
    expect((await call(session, 'segments.list', {}))[0]!.codeIds).toEqual([b]);
  });

  it('refuses bad codings with a typed error and changes nothing', async () => {
    const { session, documentId, ref } = await project();
    const cell = ref('MGF:System/Directive');
    const mgfRoot = (await call(session, 'codebook.tree', {}))[0]!.id;
    const bad: [ArgsOf<'segments.create'>, string][] = [
      [{ documentId, start: 5, end: 5, codeIds: [cell] }, 'invalid'],
      [{ documentId, start: 0, end: points.length + 1, codeIds: [cell] }, 'invalid'],
      [{ documentId, start: 0, end: 3, codeIds: [mgfRoot] }, 'invalid'],
      [{ documentId, start: 0, end: 3, codeIds: [] }, 'invalid'],
      [{ documentId, start: 0, end: 3, codeRefs: ['MGF:Nowhere/Directive'] }, 'not-found'],
      [{ documentId, start: 0, end: 3, codeRefs: ['Themes/Brand new'], newCodes: [{ name: 'X', parentId: 9999 }] }, 'not-found'],
      [{ documentId: 999, start: 0, end: 3, codeIds: [cell] }, 'not-found'],
    ];
    const before = JSON.stringify([await call(session, 'codebook.tree', {}), await call(session, 'history.state', {})]);
    for (const [args, code] of bad) {
      expect(await dispatch(session, 'segments.create', args), JSON.stringify(args)).toMatchObject({ ok: false, error: { code } });
    }
    expect(JSON.stringify([await call(session, 'codebook.tree', {}), await call(session, 'history.state', {})])).toBe(before);
    expect(await call(session, 'segments.list', {})).toEqual([]);
  });

  it('needs a coder: the current one, or a named one created on first use', async () => {
    const { session, documentId, ref } = await project();
    session.db.prepare("DELETE FROM meta WHERE key = 'current_coder_id'").run();
    const cell = ref('MGF:System/Directive');
    expect(await dispatch(session, 'segments.create', { documentId, start: 0, end: 3, codeIds: [cell] })).toMatchObject({
      ok: false,
      error: { code: 'invalid', message: expect.stringContaining('Choose a coder') },
    });
    const made = await call(session, 'segments.create', { documentId, start: 0, end: 3, codeIds: [cell], coder: 'Zoë' });
    const coders = await call(session, 'coders.list', {});
    expect(coders.coders.find((c) => c.id === made.coderId)!.name).toBe('Zoë');
  });

  it("keeps a document's memo, undoably", async () => {
    const { session, documentId } = await project();
    const target = { kind: 'document' as const, id: documentId };
    await call(session, 'memos.set', { target, body: 'Respondent was rushed.' });
    await call(session, 'memos.set', { target, body: 'Respondent was rushed; follow up on CAF.' });
    expect(await call(session, 'memos.get', { target })).toEqual({ target, body: 'Respondent was rushed; follow up on CAF.' });
    await call(session, 'history.undo', {});
    expect((await call(session, 'memos.get', { target })).body).toBe('Respondent was rushed.');
  });
});

describe('listing segments for the transcript view', () => {
  it('can leave the text out, keeping offsets and codes', async () => {
    const { session, documentId, ref } = await project();
    await call(session, 'segments.create', { documentId, ...rangeOf('café 😀'), codeIds: [ref('MGF:System/Directive')] });
    const [full] = await call(session, 'segments.list', { documentId });
    const [lean] = await call(session, 'segments.list', { documentId, withText: false });
    expect(full!.text).toBe('café 😀');
    expect(lean).toEqual({ ...full, text: '' });
  });
});

describe('fixing a word through the API', () => {
  it('answers with the same places with or without the segments’ text', async () => {
    const { session, documentId, ref } = await project();
    const cell = ref('MGF:System/Directive');
    for (const piece of ['café 😀', 'naïve', 'Common Assessment Framework']) {
      await call(session, 'segments.create', { documentId, ...rangeOf(piece), codeIds: [cell] });
    }
    // 'naïve' deleted with the space after it: its coding goes, the one after it moves back by six.
    const change = { documentId, start: rangeOf('naïve').start, end: rangeOf('naïve').end + 1, text: '' };
    const full = await call(session, 'documents.editText', change);
    await call(session, 'history.undo', {});
    const lean = await call(session, 'documents.editText', { ...change, withText: false });

    expect(full.segments!.map((s) => s.text)).toEqual(['café 😀', 'Common Assessment Framework']);
    expect(full.removed.map((s) => s.text)).toEqual(['naïve']);
    const placesOf = (segments: typeof full.removed) => segments.map((s) => ({ ...s, text: '' }));
    expect(lean).toEqual({ ...full, segments: placesOf(full.segments!), removed: placesOf(full.removed) });
    expect(lean.segments!.map((s) => s.text)).toEqual(['', '']);
    // The places are the stored ones.
    expect(lean.segments).toEqual(await call(session, 'segments.list', { documentId, withText: false }));

    // As the app asks: only the removed segments, the document's others left out.
    await call(session, 'history.undo', {});
    const removedOnly = await call(session, 'documents.editText', { ...change, withText: false, withSegments: false });
    expect(removedOnly).toEqual({ ...lean, segments: undefined });
    expect(Object.keys(removedOnly)).not.toContain('segments');
  });
});
