import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyProjectFile } from '../../../db/project-file';
import { dispatch } from '../../../electron/api/dispatch';
import type { ResultOf } from '../../../electron/api/methods';
import type { Session } from '../../../electron/api/session';
import type { MergeReport } from '../../../electron/services/merge';
import { expectDerivedMatchRebuild, everyRow } from '../db/migrations/old-projects';
import { newSession, ok, tempDir } from '../helpers';

// Two interviews with emoji (one code point each) and non-ASCII letters, so that offsets are code points.
const ONE = 'Interviewer: How do partners work? 😀\nDCS: The board meets monthly; naïve hopes aside, we cooperate.';
const TWO = 'Interviewer: And schools?\nDCS: Schools 🏫 join the partnership when budgets allow.';

type Coding = { doc: string; start: number; end: number; codes: string[]; coder: string; memo?: string };

/** A project with the MGF, both interviews (each in a case with an attribute) and no codings. */
async function study(name: string): Promise<Session> {
  const session = newSession();
  await ok(dispatch(session, 'project.create', { file: name }));
  for (const [doc, text, region] of [
    ['One', ONE, 'North'],
    ['Two', TWO, 'South'],
  ] as const) {
    await ok(
      dispatch(session, 'documents.import', {
        source: { name: doc, text },
        attributes: [{ name: 'Region', type: 'choice', value: region }],
      }),
    );
  }
  return session;
}

async function code(session: Session, codings: Coding[]) {
  const docs = await ok<ResultOf<'documents.list'>>(dispatch(session, 'documents.list', {}));
  for (const c of codings) {
    await ok(
      dispatch(session, 'segments.create', {
        documentId: docs.find((d) => d.name === c.doc)!.id,
        start: c.start,
        end: c.end,
        codeRefs: c.codes,
        createMissing: true,
        coder: c.coder,
        ...(c.memo ? { memo: c.memo } : {}),
      }),
    );
  }
}

/** Every segment as the CLI describes it (names, text, code references), in a stable order: what "the same codings" means. */
async function described(session: Session) {
  const [segments, docs, coders, refs] = await Promise.all([
    ok<ResultOf<'segments.list'>>(dispatch(session, 'segments.list', {})),
    ok<ResultOf<'documents.list'>>(dispatch(session, 'documents.list', {})),
    ok<ResultOf<'coders.list'>>(dispatch(session, 'coders.list', {})),
    ok<ResultOf<'codebook.refs'>>(dispatch(session, 'codebook.refs', {})),
  ]);
  return segments
    .map((s) => ({
      document: docs.find((d) => d.id === s.documentId)!.name,
      start: s.start,
      end: s.end,
      text: s.text,
      coder: coders.coders.find((c) => c.id === s.coderId)!.name,
      codes: s.codeIds.map((id) => refs.find((r) => r.id === id)!.ref).sort(),
      memo: s.memo,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

const A_CODINGS: Coding[] = [
  { doc: 'One', start: 0, end: 37, codes: ['MGF:System/Constitutive', 'Themes/Partnership'], coder: 'A' },
  { doc: 'One', start: 38, end: 70, codes: ['MGF:Organizational/Directive', 'MGF:Local'], coder: 'A', memo: 'board 😀' },
];
const B_CODINGS: Coding[] = [
  { doc: 'One', start: 30, end: 60, codes: ['MGF:System/Constitutive', 'Themes/Board'], coder: 'B' },
  { doc: 'Two', start: 26, end: 50, codes: ['Themes/Partnership', 'Themes/Schools 🏫'], coder: 'B', memo: 'schools' },
];
const A_LATER: Coding[] = [{ doc: 'Two', start: 0, end: 25, codes: ['MGF:Individual/Operational'], coder: 'A' }];

/** A copy for a coder, saved where that coder keeps it, and opened in the coder's own session. */
async function coderCopy(lead: Session, keepCoderIds: number[] = []) {
  const copy = await ok<ResultOf<'project.copyForCoder'>>(dispatch(lead, 'project.copyForCoder', { keepCoderIds }));
  const file = join(tempDir(), copy.fileName);
  writeFileSync(file, Buffer.from(copy.base64, 'base64'));
  const coder = newSession();
  coder.chosen.add(file);
  await ok(dispatch(coder, 'project.open', { file }));
  return { copy, file, coder };
}

const merge = (session: Session, file: string) =>
  dispatch(session, 'project.merge', { name: file.split('/').at(-1)!, bytes: readFileSync(file).toString('base64') });

/** Everything in the target's file (every table's rows): what a refused merge must leave as it was. */
const dump = (session: Session) => JSON.stringify(everyRow(session.db).rows);

describe('coder copy', () => {
  it('has the same documents, cases, codebook and frameworks with the same GUIDs, and only the kept codings', async () => {
    const lead = await study('Lead');
    await code(lead, [...A_CODINGS, ...B_CODINGS]);
    const coders = await ok<ResultOf<'coders.list'>>(dispatch(lead, 'coders.list', {}));
    const A = coders.coders.find((c) => c.name === 'A')!;
    const { copy, coder } = await coderCopy(lead, [A.id]);
    expect(copy.fileName).toBe('Lead coder copy.trellis');
    expect(copy.segments).toBe(2);
    const same = (s: Session) =>
      [
        'documents',
        'cases',
        'case_documents',
        'attributes',
        'case_attribute_values',
        'codes',
        'frameworks',
        'framework_values',
        'framework_cells',
        'coders',
      ].map((t) => s.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all());
    expect(same(coder)).toEqual(same(lead));
    expect((await described(coder)).map((s) => s.coder)).toEqual(['A', 'A']);
    expect(await described(coder)).toEqual((await described(lead)).filter((s) => s.coder === 'A'));
    // Its own identity, the original's remembered; no undo history travels; counts as a rebuild.
    const meta = (s: Session, key: string) =>
      (s.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    expect(meta(coder, 'project_guid')).not.toBe(meta(lead, 'project_guid'));
    expect(meta(coder, 'copied_from')).toBe(meta(lead, 'project_guid'));
    expect(coder.db.prepare('SELECT count(*) AS n FROM undo_steps').get()).toEqual({ n: 0 });
    expect(coder.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expectDerivedMatchRebuild(coder.db);
  });

  it('gives every new project the MGF with the same fixed GUIDs', async () => {
    const guids = (s: Session) => s.db.prepare('SELECT guid FROM codes ORDER BY guid').pluck().all();
    const [one, two] = [newSession(), newSession()];
    await ok(dispatch(one, 'project.create', { file: 'One' }));
    await ok(dispatch(two, 'project.create', { file: 'Two' }));
    expect(guids(one)).toHaveLength(12);
    expect(guids(one)).toEqual(guids(two));
    const frameworks = (s: Session) =>
      s.db.prepare('SELECT guid FROM frameworks UNION ALL SELECT guid FROM framework_values ORDER BY 1').pluck().all();
    expect(frameworks(one)).toEqual(frameworks(two));
  });

  it('refuses an unknown coder', async () => {
    const lead = await study('Lead');
    expect(await dispatch(lead, 'project.copyForCoder', { keepCoderIds: [99] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('merge', () => {
  it('brings two coders together: the same codings as when both coded in one project, counts as a rebuild, a second merge adds nothing', async () => {
    // Both coders in one project: the reference.
    const together = await study('Together');
    await code(together, [...A_CODINGS, ...B_CODINGS, ...A_LATER]);

    // The lead codes as A, hands B a copy without codings, goes on coding; B codes blind in the copy.
    const lead = await study('Lead');
    await code(lead, A_CODINGS);
    const { file, coder } = await coderCopy(lead);
    expect(await described(coder)).toEqual([]);
    await code(lead, A_LATER);
    await code(coder, B_CODINGS);
    coder.close();

    const before = await described(lead);
    const report = await ok<MergeReport>(merge(lead, file));
    expect(await described(lead)).toEqual(await described(together));
    expectDerivedMatchRebuild(lead.db);
    expect(report).toMatchObject({
      file: 'Lead coder copy.trellis',
      documents: { matched: ['One', 'Two'], added: [], skipped: [] },
      coders: { matched: [], added: ['B'], renamed: [] },
      cases: {
        matched: [
          { name: 'One', by: 'guid' },
          { name: 'Two', by: 'guid' },
        ],
        added: [],
      },
      attributes: { matched: ['Region'], added: [], skipped: [], kept: [] },
      segments: { added: 2, alreadyThere: 0, skipped: [] },
    });
    // Codes: the MGF by its fixed GUIDs, Themes/Partnership by GUID (it was in the copy), B's new codes added.
    expect(report.codes.matched).toContainEqual({ path: 'MGF/System × Constitutive', by: 'guid' });
    expect(report.codes.matched).toContainEqual({ path: 'Themes/Partnership', by: 'guid' });
    expect(report.codes.added.sort()).toEqual(['Themes/Board', 'Themes/Schools 🏫']);
    // The way back: the project as it was, beside it.
    expect(report.preMergeCopy).toBe(join(lead.dirs.projects, 'Lead (before merge).trellis'));
    const back = newSession();
    back.chosen.add(report.preMergeCopy!);
    await ok(dispatch(back, 'project.open', { file: report.preMergeCopy! }));
    expect(await described(back)).toEqual(before);

    // Again: nothing is added, nothing changes, no second copy.
    const rows = dump(lead);
    const again = await ok<MergeReport>(merge(lead, file));
    expect(again.segments).toEqual({ added: 0, alreadyThere: 2, skipped: [] });
    expect(again.codes.added).toEqual([]);
    expect(again.coders).toMatchObject({ matched: [{ name: 'B', by: 'guid' }], added: [] });
    expect(again.preMergeCopy).toBeNull();
    expect(dump(lead)).toBe(rows);
  });

  it('matches coders and codes by name in a project made separately, and reports renames', async () => {
    const lead = await study('Lead');
    await code(lead, A_CODINGS);
    // A separately created project: its own GUIDs for documents, cases and themes; the MGF's are fixed.
    const other = await study('Other');
    await code(other, [{ doc: 'Two', start: 0, end: 10, codes: ['Themes/Partnership', 'MGF:National'], coder: 'a' }]);
    const otherFile = join(tempDir(), 'Other.trellis');
    copyProjectFile(other.db, otherFile);
    const report = await ok<MergeReport>(merge(lead, otherFile));
    expect(report.coders).toEqual({ matched: [{ name: 'a', by: 'name' }], added: [], renamed: [{ from: 'a', to: 'A' }] });
    expect(report.codes.matched).toContainEqual({ path: 'Themes/Partnership', by: 'path' });
    expect(report.codes.matched).toContainEqual({ path: 'MGF/National', by: 'guid' });
    expect(report.cases.matched).toEqual([
      { name: 'One', by: 'name' },
      { name: 'Two', by: 'name' },
    ]);
    expect((await described(lead)).filter((s) => s.document === 'Two')).toEqual([
      { document: 'Two', start: 0, end: 10, text: 'Interviewe', coder: 'A', codes: ['MGF:National', 'Themes/Partnership'], memo: '' },
    ]);
    expectDerivedMatchRebuild(lead.db);
  });

  it('skips a document whose name is taken by different text, with a warning, and merges the rest', async () => {
    const lead = await study('Lead');
    const other = newSession();
    await ok(dispatch(other, 'project.create', { file: 'Other' }));
    await ok(dispatch(other, 'documents.import', { source: { name: 'One', text: ONE } }));
    await ok(dispatch(other, 'documents.import', { source: { name: 'Two', text: 'Another interview 😀 altogether.' } }));
    await ok(dispatch(other, 'documents.import', { source: { name: 'Three', text: 'A third 😀 interview.' } }));
    await code(other, [
      { doc: 'One', start: 0, end: 5, codes: ['Themes/X'], coder: 'B' },
      { doc: 'Two', start: 0, end: 5, codes: ['Themes/X'], coder: 'B' },
    ]);
    const file = join(tempDir(), 'Other.trellis');
    copyProjectFile(other.db, file);
    const report = await ok<MergeReport>(merge(lead, file));
    expect(report.documents).toEqual({
      matched: ['One'],
      added: ['Three'],
      skipped: [{ name: 'Two', reason: expect.stringContaining('has different text') }],
    });
    expect(report.segments).toEqual({ added: 1, alreadyThere: 0, skipped: [{ reason: 'its document "Two" was not merged', segments: 1 }] });
    const docs = await ok<ResultOf<'documents.describe'>>(dispatch(lead, 'documents.describe', { name: 'Three' }));
    // "A third " (8) + one emoji + " interview." (11) code points, in its own case as imported.
    expect(docs[0]).toMatchObject({ name: 'Three', case: 'Three', characters: 20 });
  });
});

describe('merge refuses bad input, leaving the target untouched', () => {
  async function refused(bytes: Buffer, name: string) {
    const lead = await study('Lead');
    await code(lead, A_CODINGS);
    const rows = dump(lead);
    const envelope = await dispatch(lead, 'project.merge', { name, bytes: bytes.toString('base64') });
    expect(dump(lead)).toBe(rows);
    expect(existsSync(join(lead.dirs.projects, 'Lead (before merge).trellis'))).toBe(false);
    if (envelope.ok) throw new Error('the merge was not refused');
    return { error: envelope.error, lead };
  }

  it('a file that is not a project', async () => {
    const { error } = await refused(Buffer.from('Interviewer: hello'), 'notes.trellis');
    expect(error).toEqual({ code: 'not-a-project', message: '"notes.trellis" is not a Trellis project (it is not an SQLite database).' });
  });

  it('an SQLite database of another application', async () => {
    const file = join(tempDir(), 'other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE t (x)');
    other.close();
    const { error } = await refused(readFileSync(file), 'other.db');
    expect(error).toMatchObject({
      code: 'not-a-project',
      message: expect.stringContaining('"other.db" is an SQLite database of another application'),
    });
  });

  it('a project of a newer schema', async () => {
    const newer = await study('Newer');
    newer.db.pragma('user_version = 999');
    const file = join(tempDir(), 'Newer.trellis');
    copyProjectFile(newer.db, file);
    const { error } = await refused(readFileSync(file), 'Newer.trellis');
    expect(error).toMatchObject({
      code: 'newer-version',
      message: expect.stringContaining('"Newer.trellis" was written by a newer version of Trellis'),
    });
  });

  it('a damaged file (the merge checks the file it reads with quick_check)', async () => {
    const coder = await study('Coder');
    await code(coder, B_CODINGS);
    const file = join(tempDir(), 'Coder.trellis');
    copyProjectFile(coder.db, file);
    const bytes = readFileSync(file);
    // Pages in the middle of the file overwritten (not the header): what a broken disk or transfer leaves.
    for (let i = 4096 * 3; i < 4096 * 6; i++) bytes[i] = (i * 7) & 0xff;
    const { error } = await refused(bytes, 'Coder.trellis');
    expect(error).toMatchObject({ code: 'corrupt', message: expect.stringMatching(/^"Coder.trellis" is damaged/) });
  });

  it('bytes that are not base64', async () => {
    const lead = await study('Lead');
    for (const bytes of ['U1FMaXRl ZQ==', 'U1FMaXRlZ', 'U1F=TGl0ZQ==']) {
      const envelope = await dispatch(lead, 'project.merge', { name: 'x.trellis', bytes });
      expect(envelope, bytes).toMatchObject({
        ok: false,
        error: { code: 'invalid-args', message: expect.stringContaining('must be base64') },
      });
    }
  });

  it('the project itself', async () => {
    const lead = await study('Lead');
    const file = join(tempDir(), 'Lead.trellis');
    copyProjectFile(lead.db, file);
    const rows = dump(lead);
    const envelope = await dispatch(lead, 'project.merge', { name: 'Lead.trellis', bytes: readFileSync(file).toString('base64') });
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        message: '"Lead.trellis" is this project itself (the same project GUID): there is nothing to merge into it.',
      },
    });
    expect(dump(lead)).toBe(rows);
  });

  it('documents that share names but not texts', async () => {
    const other = newSession();
    await ok(dispatch(other, 'project.create', { file: 'Other' }));
    await ok(dispatch(other, 'documents.import', { source: { name: 'One', text: 'Other words 😀 entirely.' } }));
    await code(other, [{ doc: 'One', start: 0, end: 5, codes: ['Themes/X'], coder: 'B' }]);
    const file = join(tempDir(), 'Other.trellis');
    copyProjectFile(other.db, file);
    const { error } = await refused(readFileSync(file), 'Other.trellis');
    expect(error).toEqual({
      code: 'conflict',
      message:
        '"Other.trellis" has documents named like this project\'s ("One") but none with the same text: it is not a copy of these interviews. Nothing was merged.',
    });
  });
});
