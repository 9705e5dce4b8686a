import { projectQdpx } from '../../../electron/services/qdpx-export';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { getDocument, listDocuments } from '../../../db/queries/documents';
import { dispatch, methodNames } from '../../../electron/api/dispatch';
import type { MethodName } from '../../../electron/api/methods';
import type { ApiEvent } from '../../../shared/protocol';
import { Session } from '../../../electron/api/session';
import { coderCopyBytes } from '../../../electron/services/coder-copy';
import { readRecent } from '../../../electron/services/recent-projects';
import { wavBytes } from '../../wav';
import { fileHash, newSession, ok, tempDir } from '../helpers';

async function demoSession() {
  const session = newSession();
  await ok(dispatch(session, 'project.createDemo', {}));
  return session;
}

const FIXTURES = join(process.cwd(), 'tests', 'fixtures', 'import');
const QDC = `<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test"><Codes>
<Code guid="00000000-0000-4000-8000-000000000001" name="Imported" isCodable="true"/></Codes></CodeBook>`;

/** A segment coded with that code itself, for examples that need one. */
const pastedId = (session: Session) => listDocuments(session.db).find((d) => d.name.startsWith('Pasted'))!.id;
const segmentOf = (session: Session, codeId: number) =>
  (session.db.prepare('SELECT segment_id AS id FROM segment_codes WHERE code_id = ? LIMIT 1').get(codeId) as { id: number }).id;

/**
 * A valid call of every method on the demo project (in this order; ids are the demo's), or a function of
 * the session giving one; the test below fails when a method is added without one.
 */
const examples: Record<MethodName, unknown> = {
  'app.status': {},
  'projects.recent': {},
  'project.create': { file: 'Fresh study' },
  'project.createDemo': {},
  'project.open': { file: 'Every Child Matters demo.trellis' },
  'project.close': {},
  'project.info': {},
  'project.copyForCoder': { keepCoderIds: [1] },
  'project.merge': (session: Session) => ({ name: 'Copy.trellis', bytes: coderCopyBytes(session.db, [2]).data.toString('base64') }),
  'documents.list': {},
  'documents.get': { id: 1 },
  'cases.list': {},
  'codebook.tree': { coderId: 1 },
  'codebook.refs': {},
  'frameworks.list': {},
  'segments.list': { documentId: 1, coderId: 2 },
  'coders.list': {},
  'coders.use': { name: 'C' },
  'segments.create': { documentId: 1, start: 0, end: 5, codeRefs: ['Themes/Leadership'] },
  'segments.update': { id: 1, memo: 'Checked against the transcript.' },
  'segments.delete': { id: 2 },
  'segments.recentCodes': {},
  'memos.get': { target: { kind: 'document', id: 1 } },
  'memos.set': { target: { kind: 'code', id: 14 }, body: 'A short memo.' },
  'memos.list': { kinds: ['code', 'project'], text: 'short' },
  'memos.export': { format: 'docx', kinds: ['code', 'coding'] },
  'history.state': {},
  'history.undo': {},
  'history.redo': {},
  // A folder is read by path only once the person has chosen it (in a dialog, or on the command line).
  'import.scan': (session: Session) => (session.chosen.add(FIXTURES), { paths: [FIXTURES] }),
  'import.preview': { source: { name: 'Pasted', text: 'Interviewer: Hello.\nDCS: Hi.' } },
  'documents.import': { source: { name: 'Pasted', text: 'Interviewer: Hello.\nDCS: Hi there.' }, case: 'County 9' },
  'cases.importAttributes': { source: { name: 'cases.csv', data: Buffer.from('Case,Region\nCounty 9,North\n').toString('base64') } },
  'cases.create': { name: 'County 12 😀' },
  'cases.rename': { id: 1, name: 'London Borough 1 (inner)' },
  'cases.delete': { id: 2 },
  'cases.setValue': { caseId: 1, attributeId: 5, value: '61' },
  'cases.setDocuments': { id: 1, documentIds: [1, 2] },
  'cases.createAttribute': { name: 'Tier 😀', type: 'choice', choices: ['Upper', 'Lower'] },
  'cases.updateAttribute': { id: 2, name: 'Area (ONS)' },
  'cases.deleteAttributePreview': { id: 3 },
  'cases.deleteAttribute': { id: 3 },
  'cases.export': { format: 'xlsx' },
  'documents.describe': { name: 'Pasted' },
  'documents.rename': (session: Session) => ({ id: pastedId(session), name: 'Pasted, renamed' }),
  'documents.move': { id: 1, index: 3 },
  'documents.deletePreview': { id: 1 },
  'documents.delete': (session: Session) => ({ id: pastedId(session) }),
  'documents.editText': { documentId: 1, start: 0, end: 0, text: 'Checked 😀 ' },
  'documents.pseudonymisePreview': { find: 'school', documentIds: [1, 2] },
  'documents.pseudonymise': { find: 'school', replace: 'college', coder: 'A' },
  // Turn 2 of document 1 split after its first word of speech, a new speaker given, joined back, its speaker changed.
  'documents.splitTurn': (session: Session) => {
    const { text, paragraphs } = getDocument(session.db, 1);
    const speech = [...text].slice(paragraphs[1]!.bodyStart).join('');
    return { documentId: 1, at: paragraphs[1]!.bodyStart + [...speech.slice(0, speech.indexOf(' '))].length, speaker: 'Ana 😀' };
  },
  'documents.joinTurns': { documentId: 1, n: 2, coder: 'A' },
  'documents.setSpeaker': { documentId: 1, n: 2, speaker: 'Ana 😀' },
  'documentGroups.list': {},
  'documentGroups.create': { name: 'Shire counties 😀', documentIds: [1, 2] },
  'documentGroups.rename': { id: 1, name: 'Shires' },
  'documentGroups.setMembers': { id: 1, documentIds: [2, 3] },
  'documentGroups.delete': { id: 1 },
  // A recording is linked by a path the person chose (the desktop dialog, or the CLI's argument).
  'documents.linkMedia': (session: Session) => {
    const file = join(tempDir(), 'interview 1.wav');
    writeFileSync(file, wavBytes(1));
    session.chosen.add(file);
    return { id: 1, path: file };
  },
  'documents.media': { id: 1 },
  'documents.setTime': { id: 1, n: 2, timeMs: 12_500 },
  'documents.unlinkMedia': { id: 1 },
  'codes.create': { parentId: 13, name: 'New theme' },
  'codes.update': { id: 14, description: 'Defined.', inclusion: 'In.', exclusion: 'Out.', color: '#11aa33' },
  'codes.move': { id: 15, parentId: 13, index: 0 },
  'codes.merge': { sourceId: 16, targetId: 17 },
  'codes.split': (session: Session) => ({ id: 17, segmentIds: [segmentOf(session, 17)], target: { name: 'Split off' } }),
  'codes.deletePreview': { id: 18 },
  'codes.delete': { id: 18 },
  'codes.details': { id: 14 },
  'codes.segments': { id: 13, withChildren: true, limit: 10 },
  'codeSets.list': {},
  'codeSets.create': { name: 'Policy', codeIds: [14, 15] },
  'codeSets.update': { id: 1, description: 'Policy instruments.' },
  'codeSets.delete': { id: 1 },
  'codebook.export': { format: 'qdc' },
  'codebook.import': { source: { name: 'codebook.qdc', data: Buffer.from(QDC).toString('base64') } },
  'frameworks.create': { name: 'Ladder', rowLabel: 'Rung', columnLabel: 'Side', rows: ['Low', 'High'], columns: ['Left'] },
  'frameworks.update': { id: 2, rowLabel: 'Step' },
  'frameworks.addValue': { frameworkId: 2, axis: 'column', name: 'Right' },
  'frameworks.updateValue': { id: 1, name: 'Systemic' },
  'frameworks.moveValue': { id: 2, index: 0 },
  'frameworks.deletePreview': { valueId: 3 },
  'frameworks.deleteValue': { id: 3, codings: 'merge', intoValueId: 2 },
  'frameworks.delete': { id: 2, codings: 'uncode' },
  'frameworks.setActive': { id: 1 },
  'matrix.get': { layout: { kind: 'framework', sliceId: 8 }, mode: 'same-segment', filters: { coderIds: [1] } },
  'matrix.excerpts': { row: 'row:1', column: 'column:4', themeId: 14, limit: 5 },
  'matrix.previews': { layout: { kind: 'codes', rows: { parentId: 13 }, columns: { kind: 'coders' } }, perCell: 2 },
  'matrix.export': { format: 'csv', filters: { caseAttributes: [{ attributeId: 1, value: 'London borough' }] } },
  'matrix.codeSources': {},
  'agreement.compute': { coders: ['A', 'B'], unit: 'paragraph' },
  'search.run': { query: 'pooled budget*' },
  'search.count': { query: 'pooled budget*' },
  'search.speakers': {},
  'search.saved': {},
  'search.save': { name: 'Budgets', search: { query: 'pooled budget*', scope: { speakers: ['DCS'] } } },
  'search.deleteSaved': { id: 1 },
  'search.autocodePreview': { search: { query: 'Ofsted' }, expand: 'sentence', codeRefs: ['Themes/Inspection regimes'], coder: 'A' },
  'search.autocode': { search: { query: 'Ofsted' }, expand: 'sentence', codeRefs: ['Themes/Inspection regimes'], coder: 'A' },
  'agreement.export': { coders: ['A', 'B'], unit: 'paragraph', format: 'csv' },
  'agreement.disagreements': { coders: ['A', 'B'] },
  'agreement.reconcile': { coders: ['A', 'B'], documentId: 1, codeId: 2, start: 0, end: 5, side: 'A', decision: 'A' },
  'qdpx.export': {},
  'qdpx.import': (session: Session) => ({
    source: { name: 'project.qdpx', data: projectQdpx(session.db).file.data.toString('base64') },
  }),
  'excerpts.list': {
    codeIds: [13],
    groupBy: 'case',
    orderByAttributeId: 5,
    caseAttributes: [{ attributeId: 1, value: 'London borough' }],
    limit: 5,
  },
  'excerpts.export': { format: 'md', codeIds: [14], groupBy: 'code', maxLength: 80, job: 'example-export' },
  'excerpts.citationTemplate': {},
  'excerpts.setCitationTemplate': { template: '({document}, {paragraph})' },
  // The export above ran as the job "example-export"; asked after its end, it is done and cannot be cancelled.
  'jobs.progress': { job: 'example-export' },
  'jobs.cancel': { job: 'example-export' },
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
      const example = examples[name as MethodName];
      const envelope = await dispatch(session, name, typeof example === 'function' ? example(session) : example);
      expect(envelope.ok, `${name}: ${JSON.stringify(envelope)}`).toBe(true);
    }
    // Exports and file readers start worker threads, which load their modules from source here: slow under load.
  }, 90_000);

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
    mkdirSync(session.dirs.projects, { recursive: true });
    const bad = join(session.dirs.projects, 'bad.trellis');
    writeFileSync(bad, 'not a database');
    const before = fileHash(bad);
    expect(await dispatch(session, 'project.open', { file: bad })).toMatchObject({ ok: false, error: { code: 'not-a-project' } });
    expect(fileHash(bad)).toBe(before);
    expect(await ok(dispatch(session, 'project.info', {}))).toMatchObject({ documents: 10 });
  });
});

describe('write-ahead log', () => {
  it('is folded back into the project file once writing pauses, not during a call', async () => {
    const session = await demoSession();
    expect(session.db.pragma('wal_autocheckpoint', { simple: true })).toBe(10000);
    vi.useFakeTimers();
    try {
      const pragma = vi.spyOn(session.db, 'pragma');
      const checkpoints = () => pragma.mock.calls.filter((call) => call[0] === 'wal_checkpoint(PASSIVE)').length;
      await ok(dispatch(session, 'coders.use', { name: 'Checkpoint' }));
      await ok(dispatch(session, 'coders.use', { name: 'Again' }));
      expect(checkpoints()).toBe(0);
      vi.advanceTimersByTime(1600);
      expect(checkpoints()).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
