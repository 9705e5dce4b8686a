import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../../db/migrations';
import { openProjectFile, TRELLIS_APPLICATION_ID } from '../../../db/project-file';
import { codePath, codeTree, getCode } from '../../../db/queries/codes';
import { PALETTE } from '../../../shared/palette';
import { listSegments } from '../../../db/queries/segments';
import { expectCountsKept, fixture, segmentTexts, snapshot, type Fixture } from '../codebook-fixture';
import { tempDir } from '../helpers';

/** Themes (grouping) with Duty, Budgets (with a child Pooled) and Schools; passages coded by A and B. */
async function themes(f: Fixture) {
  const root = await f.call('codes.create', { parentId: null, name: 'Themes', codable: false });
  const duty = await f.call('codes.create', { parentId: root.id, name: 'Duty to cooperate' });
  const budgets = await f.call('codes.create', { parentId: root.id, name: 'Budgets' });
  const pooled = await f.call('codes.create', { parentId: budgets.id, name: 'Pooled' });
  const schools = await f.call('codes.create', { parentId: root.id, name: 'Schools' });
  const [d1, d2] = f.docs;
  const { a, b } = f.coders;
  const s = {
    duty: f.segment(d1, a, 25, 29, [duty.id]),
    dutyAndPooled: f.segment(d1, a, 69, 89, [duty.id, pooled.id]),
    budgetsAndPooled: f.segment(d1, b, 82, 89, [budgets.id, pooled.id]),
    cafe: f.segment(d1, b, 41, 56, [budgets.id]),
    schools: f.segment(d2, a, 31, 45, [schools.id, duty.id]),
    board: f.segment(d1, a, 100, 105, [schools.id]),
  };
  return { root: root.id, duty: duty.id, budgets: budgets.id, pooled: pooled.id, schools: schools.id, s };
}

const counts = (f: Fixture, id: number, coderId: number | null = null) => {
  const find = (nodes: ReturnType<typeof codeTree>): ReturnType<typeof codeTree>[number] | undefined =>
    nodes.map((n) => (n.id === id ? n : find(n.children))).find(Boolean);
  const { segments, documents, segmentsWithChildren, documentsWithChildren } = find(codeTree(f.db, coderId))!;
  return [segments, documents, segmentsWithChildren, documentsWithChildren];
};

describe('code tree', () => {
  it('creates codes with distinguishable palette colours, and renames, recolours and describes them, each undoable', async () => {
    const f = await fixture();
    const created = [];
    for (let i = 0; i < PALETTE.length; i++) created.push(await f.call('codes.create', { parentId: null, name: `Code ${i + 1}` }));
    // The MGF took some colours; the new codes still get every palette colour before any repeats.
    expect(new Set(created.map((c) => c.color)).size).toBeGreaterThanOrEqual(PALETTE.length - 12);
    expect(created.slice(0, 8).every((c, i, all) => all.findIndex((o) => o.color === c.color) === i)).toBe(true);

    const id = created[0]!.id;
    const before = snapshot(f.db);
    await f.call('codes.update', { id, name: 'Leadership' });
    await f.call('codes.update', { id, color: '#aa3377' });
    await f.call('codes.update', {
      id,
      description: ' The DCS leading. ',
      inclusion: 'Named leaders.',
      exclusion: 'Management in general.',
    });
    expect(getCode(f.db, id)).toMatchObject({
      name: 'Leadership',
      color: '#AA3377',
      description: 'The DCS leading.',
      inclusion: 'Named leaders.',
      exclusion: 'Management in general.',
    });
    expect(await f.call('history.state', {})).toMatchObject({ undo: { label: 'Describe code' } });
    for (const label of ['Describe code', 'Recolour code', 'Rename code']) {
      expect(await f.call('history.undo', {})).toMatchObject({ undone: { label } });
    }
    expect(snapshot(f.db)).toBe(before);
  });

  it('refuses a rename onto an existing sibling (any case), a "/" in a name and a bad colour, changing nothing', async () => {
    const f = await fixture();
    const t = await themes(f);
    const before = snapshot(f.db);
    const clash = await f.fail('codes.update', { id: t.schools, name: 'budgets' });
    expect(clash).toMatchObject({ code: 'conflict', message: 'There is already a code named "budgets" in "Themes".' });
    expect(await f.fail('codes.create', { parentId: t.root, name: 'Duty to Cooperate' })).toMatchObject({ code: 'conflict' });
    expect(await f.fail('codes.update', { id: t.schools, name: 'Schools/Academies' })).toMatchObject({ code: 'invalid' });
    expect(await f.fail('codes.update', { id: t.schools, color: 'teal' })).toMatchObject({ code: 'invalid-args' });
    expect(snapshot(f.db)).toBe(before);
    // The same name elsewhere in the tree is fine.
    await f.call('codes.create', { parentId: t.budgets, name: 'Schools' });
  });

  it('keeps counts per code: segments, documents, per coder, with and without children', async () => {
    const f = await fixture();
    const t = await themes(f);
    // [segments, documents, segments with children, documents with children]
    expect(counts(f, t.duty)).toEqual([3, 2, 3, 2]);
    expect(counts(f, t.budgets)).toEqual([2, 1, 3, 1]);
    expect(counts(f, t.pooled)).toEqual([2, 1, 2, 1]);
    // A passage with two codes under Themes counts once there.
    expect(counts(f, t.root)).toEqual([0, 0, 6, 2]);
    expect(counts(f, t.root, f.coders.a)).toEqual([0, 0, 4, 2]);
    expect(counts(f, t.budgets, f.coders.b)).toEqual([2, 1, 2, 1]);
    const { byCoder } = await f.call('codes.details', { id: t.budgets });
    expect(byCoder.map((c) => [c.coder, c.segments, c.segmentsWithChildren])).toEqual([
      ['A', 0, 1],
      ['B', 2, 2],
    ]);
    expectCountsKept(f.db);
  });

  it('reorders and re-parents codes (counts follow), and refuses cycles and framework places', async () => {
    const f = await fixture();
    const t = await themes(f);
    await f.call('codes.move', { id: t.schools, parentId: t.root, index: 0 });
    expect(
      codeTree(f.db)
        .find((n) => n.name === 'Themes')!
        .children.map((c) => c.name),
    ).toEqual(['Schools', 'Duty to cooperate', 'Budgets']);
    await f.call('codes.move', { id: t.duty, parentId: t.budgets, index: 0 });
    expect(codePath(f.db, t.duty)).toBe('Themes/Budgets/Duty to cooperate');
    expect(counts(f, t.budgets)).toEqual([2, 1, 5, 2]);
    expectCountsKept(f.db);
    await f.call('codes.move', { id: t.budgets, parentId: null, index: 99 });
    expect(codeTree(f.db).map((n) => n.name)).toEqual(['MGF', 'Themes', 'Budgets']);
    // Only Schools is left under Themes.
    expect(counts(f, t.root)).toEqual([0, 0, 2, 2]);
    expectCountsKept(f.db);

    const before = snapshot(f.db);
    expect((await f.fail('codes.move', { id: t.budgets, parentId: t.pooled, index: 0 })).message).toMatch(/cannot be moved inside itself/);
    const mgf = f.code('MGF');
    expect((await f.fail('codes.move', { id: t.root, parentId: mgf, index: 0 })).message).toMatch(
      /Codes cannot be added inside the framework "MGF"/,
    );
    expect((await f.fail('codes.move', { id: f.code('MGF/System × Directive'), parentId: null, index: 0 })).message).toMatch(
      /cell of the framework "MGF"/,
    );
    expect((await f.fail('codes.move', { id: mgf, parentId: t.root, index: 0 })).message).toMatch(/stays at the top/);
    expect((await f.fail('codes.move', { id: t.schools, parentId: f.code('MGF/Local'), index: 0 })).message).toMatch(
      /cannot go inside "Local", which belongs to a framework/,
    );
    expect(snapshot(f.db)).toBe(before);
    // Undo walks the moves back.
    for (let i = 0; i < 3; i++) await f.call('history.undo', {});
    expect(codePath(f.db, t.duty)).toBe('Themes/Duty to cooperate');
    expectCountsKept(f.db);
  });

  it('marks a code not codable only when it carries no codings itself, and keeps framework codes as they are', async () => {
    const f = await fixture();
    const t = await themes(f);
    expect((await f.fail('codes.update', { id: t.budgets, codable: false })).message).toMatch(/applied to 2 passages itself/);
    const empty = await f.call('codes.create', { parentId: t.root, name: 'Grouping' });
    expect(await f.call('codes.update', { id: empty.id, codable: false })).toMatchObject({ codable: false });
    expect((await f.fail('codes.update', { id: f.code('MGF/System × Directive'), name: 'Rules' })).message).toMatch(
      /"System × Directive" cannot be renamed here: it is a cell of the framework "MGF"/,
    );
    // A cell's colour and definition are the researcher's to change.
    await f.call('codes.update', { id: f.code('MGF/System × Directive'), color: '#123456', description: 'Rule setting.' });
  });

  it('links an example quote to one of the code’s passages; it clears when that passage goes and comes back on undo', async () => {
    const f = await fixture();
    const t = await themes(f);
    expect((await f.fail('codes.update', { id: t.duty, exampleSegmentId: t.s.cafe })).message).toMatch(
      /not coded with "Duty to cooperate"/,
    );
    await f.call('codes.update', { id: t.duty, exampleSegmentId: t.s.dutyAndPooled });
    // A sub-code's passage is an example of its parent too.
    await f.call('codes.update', { id: t.budgets, exampleSegmentId: t.s.dutyAndPooled });
    expect(getCode(f.db, t.duty).exampleSegmentId).toBe(t.s.dutyAndPooled);
    await f.call('codes.delete', { id: t.pooled });
    await f.call('codes.delete', { id: t.duty });
    expect(getCode(f.db, t.budgets).exampleSegmentId).toBeNull();
    await f.call('history.undo', {});
    await f.call('history.undo', {});
    expect(getCode(f.db, t.budgets).exampleSegmentId).toBe(t.s.dutyAndPooled);
  });
});

describe('merge, split and delete', () => {
  it('merges A into B: codings move, duplicates collapse, texts stay, sub-codes, sets and definitions follow; undo restores exactly', async () => {
    const f = await fixture();
    const t = await themes(f);
    await f.call('codes.update', { id: t.budgets, description: 'Money.', inclusion: 'Any budget.' });
    const set = await f.call('codeSets.create', { name: 'Resources', codeIds: [t.budgets] });
    const texts = segmentTexts(f.db);
    const before = snapshot(f.db);

    const result = await f.call('codes.merge', { sourceId: t.budgets, targetId: t.duty });
    // cafe and budgetsAndPooled moved; none of Budgets' passages also carried Duty.
    expect(result).toEqual({ target: 'Themes/Duty to cooperate', moved: 2, collapsed: 0, children: 1 });
    expect(codePath(f.db, t.pooled)).toBe('Themes/Duty to cooperate/Pooled');
    // Pooled's passages all carry Duty now, so the count with children stays 5.
    expect(getCode(f.db, t.duty)).toMatchObject({ description: 'Money.', inclusion: 'Any budget.', segments: 5, segmentsWithChildren: 5 });
    expect((await f.call('codeSets.list', {})).find((s) => s.id === set.id)!.codeIds).toEqual([t.duty]);
    expect(segmentTexts(f.db)).toEqual(texts);
    expectCountsKept(f.db);

    // Pooled into Duty: both its passages carry Duty by now, so each keeps one coding.
    const second = await f.call('codes.merge', { sourceId: t.pooled, targetId: t.duty });
    expect(second).toMatchObject({ moved: 0, collapsed: 2 });
    const dutyAndPooled = listSegments(f.db).find((s) => s.id === t.s.dutyAndPooled)!;
    expect(dutyAndPooled.codeIds).toEqual([t.duty]);
    expect(segmentTexts(f.db)).toEqual(texts);
    expectCountsKept(f.db);

    await f.call('history.undo', {});
    expect(await f.call('history.undo', {})).toMatchObject({ undone: { label: 'Merge codes' } });
    expect(snapshot(f.db)).toBe(before);
    await f.call('history.redo', {});
    expect(getCode(f.db, t.duty).segments).toBe(5);
    expectCountsKept(f.db);
  });

  it('refuses merging a code into itself, into its own sub-code, into a grouping code, or a framework cell away', async () => {
    const f = await fixture();
    const t = await themes(f);
    const before = snapshot(f.db);
    expect((await f.fail('codes.merge', { sourceId: t.duty, targetId: t.duty })).message).toMatch(/into itself/);
    expect((await f.fail('codes.merge', { sourceId: t.budgets, targetId: t.pooled })).message).toMatch(/which is inside it/);
    expect((await f.fail('codes.merge', { sourceId: t.duty, targetId: t.root })).message).toMatch(/grouping code/);
    expect((await f.fail('codes.merge', { sourceId: f.code('MGF/Local'), targetId: t.duty })).message).toMatch(
      /slice value of the framework "MGF"/,
    );
    expect(snapshot(f.db)).toBe(before);
  });

  it('splits chosen passages off to a new code beside it, or to an existing code; undo restores', async () => {
    const f = await fixture();
    const t = await themes(f);
    const texts = segmentTexts(f.db);
    const before = snapshot(f.db);
    const split = await f.call('codes.split', { id: t.duty, segmentIds: [t.s.schools, t.s.duty], target: { name: 'Statutory duty' } });
    expect(split).toMatchObject({ moved: 2, collapsed: 0 });
    expect(codePath(f.db, split.targetId)).toBe('Themes/Statutory duty');
    expect(counts(f, t.duty)).toEqual([1, 1, 1, 1]);
    expect(counts(f, split.targetId)).toEqual([2, 2, 2, 2]);
    // Into an existing code that the passage already carries: the coding collapses.
    expect(await f.call('codes.split', { id: t.budgets, segmentIds: [t.s.budgetsAndPooled], target: { codeId: t.pooled } })).toMatchObject({
      moved: 0,
      collapsed: 1,
    });
    expect(segmentTexts(f.db)).toEqual(texts);
    expectCountsKept(f.db);
    expect((await f.fail('codes.split', { id: t.duty, segmentIds: [t.s.cafe], target: { codeId: t.schools } })).message).toMatch(
      /Segment \d+ is not coded with "Duty to cooperate"/,
    );
    await f.call('history.undo', {});
    await f.call('history.undo', {});
    expect(snapshot(f.db)).toBe(before);
  });

  it('says what a delete will uncode, deletes the code with its sub-codes, and undo brings every passage back', async () => {
    const f = await fixture();
    const t = await themes(f);
    const before = snapshot(f.db);
    const impact = await f.call('codes.deletePreview', { id: t.budgets });
    // Budgets and Pooled: 4 codings on 3 passages in 1 document; cafe and budgetsAndPooled have no other code.
    expect(impact).toEqual({ path: 'Themes/Budgets', codes: 2, codings: 4, segments: 3, segmentsRemoved: 2, documents: 1 });
    expect(await f.call('codes.delete', { id: t.budgets })).toEqual(impact);
    const left = listSegments(f.db);
    expect(left.map((s) => s.id).sort()).toEqual([t.s.duty, t.s.dutyAndPooled, t.s.schools, t.s.board].sort());
    expect(left.find((s) => s.id === t.s.dutyAndPooled)!.codeIds).toEqual([t.duty]);
    expectCountsKept(f.db);
    expect(await f.call('history.undo', {})).toMatchObject({ undone: { label: 'Delete code' } });
    expect(snapshot(f.db)).toBe(before);
    expect((await f.fail('codes.delete', { id: f.code('MGF') })).message).toMatch(
      /stands for the framework "MGF"; delete the framework itself/,
    );
  });

  it('keeps the counts right through a long mix of operations, undos and redos', async () => {
    const f = await fixture();
    const t = await themes(f);
    await f.call('codes.move', { id: t.pooled, parentId: t.duty, index: 0 });
    await f.call('codes.merge', { sourceId: t.schools, targetId: t.pooled });
    await f.call('codes.split', { id: t.pooled, segmentIds: [t.s.board], target: { name: 'Board' } });
    await f.call('codes.move', { id: t.duty, parentId: null, index: 0 });
    await f.call('codes.delete', { id: t.budgets });
    expectCountsKept(f.db);
    // Codings are added and removed, never changed in place: kept counts rely on it.
    const spare = await f.call('codes.create', { parentId: t.duty, name: 'Spare' });
    const recode = f.db.prepare('UPDATE segment_codes SET code_id = ? WHERE segment_id = ? AND code_id = ?');
    expect(() => recode.run(spare.id, t.s.schools, t.duty)).toThrow(/not updated/);
    expectCountsKept(f.db);
    for (let i = 0; i < 6; i++) {
      await f.call('history.undo', {});
      expectCountsKept(f.db);
    }
    for (let i = 0; i < 3; i++) {
      await f.call('history.redo', {});
      expectCountsKept(f.db);
    }
  });
});

describe('code sets', () => {
  it('creates, renames, re-members and deletes sets; names are unique; members must exist; undoable', async () => {
    const f = await fixture();
    const t = await themes(f);
    const before = snapshot(f.db);
    const set = await f.call('codeSets.create', { name: 'Money', description: 'Funding.', codeIds: [t.budgets, t.pooled] });
    expect(set).toMatchObject({ name: 'Money', description: 'Funding.', codeIds: [t.budgets, t.pooled] });
    expect(await f.call('codeSets.update', { id: set.id, name: 'Resources', codeIds: [t.pooled, t.duty] })).toMatchObject({
      name: 'Resources',
      codeIds: [t.duty, t.pooled],
    });
    expect((await f.fail('codeSets.create', { name: 'resources' })).code).toBe('conflict');
    expect((await f.fail('codeSets.update', { id: set.id, codeIds: [99_999] })).code).toBe('not-found');
    await f.call('codeSets.delete', { id: set.id });
    expect(await f.call('codeSets.list', {})).toEqual([]);
    for (let i = 0; i < 3; i++) await f.call('history.undo', {});
    expect(snapshot(f.db)).toBe(before);
  });
});

describe('upgrading a project to kept counts', () => {
  it('fills the counts of a project written before migration 4', () => {
    const file = join(tempDir(), 'old.trellis');
    const old = new Database(file);
    old.pragma(`application_id = ${TRELLIS_APPLICATION_ID}`);
    for (const step of migrations.filter((m) => m.version <= 2)) old.exec(step.sql);
    old.pragma('user_version = 2');
    old.exec(`
      INSERT INTO coders (id, guid, name, color, created_at) VALUES (1, 'c', 'A', '#4E79A7', '');
      INSERT INTO documents (id, guid, name, plain_text, char_count, content_hash, source_type, created_at, modified_at)
        VALUES (1, 'd', 'Doc', 'one two three', 13, '', 'txt', '', '');
      INSERT INTO codes (id, guid, parent_id, name, color, codable, created_at, modified_at) VALUES
        (1, 'g1', NULL, 'Themes', '#79706E', 0, '', ''), (2, 'g2', 1, 'One', '#4E79A7', 1, '', ''), (3, 'g3', 1, 'Two', '#F28E2B', 1, '', '');
      INSERT INTO segments (id, guid, document_id, coder_id, start, end, text_hash, created_at, modified_at)
        VALUES (1, 's1', 1, 1, 0, 3, '', '', ''), (2, 's2', 1, 1, 4, 7, '', '', '');
      INSERT INTO segment_codes VALUES (1, 2, 1, 1), (1, 3, 1, 1), (2, 3, 1, 1);`);
    old.close();
    const db = openProjectFile(file);
    const [themes] = codeTree(db);
    expect(themes).toMatchObject({ segmentsWithChildren: 2, documentsWithChildren: 1, inclusion: '', exampleSegmentId: null });
    expect(themes!.children.map((c) => c.segments)).toEqual([1, 2]);
    expectCountsKept(db);
    db.close();
  });
});
