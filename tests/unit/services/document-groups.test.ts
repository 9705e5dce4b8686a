import { describe, expect, it } from 'vitest';
import { DataError } from '../../../db/errors';
import {
  createDocumentGroup,
  deleteDocumentGroup,
  documentsInGroups,
  listDocumentGroups,
  renameDocumentGroup,
  setDocumentGroupMembers,
} from '../../../db/queries/document-groups';
import { deleteDocument } from '../../../db/queries/documents';
import { recordStep, redoNext, undoLast } from '../../../db/undo';
import { excerptSelection, selectExcerpts } from '../../../electron/services/excerpts';
import { computeMatrix, matrixSpec } from '../../../electron/services/matrix';
import { matrixFixture, type MatrixFixture } from '../matrix-fixture';

const step = <T>(f: MatrixFixture, change: () => T): T => f.db.transaction(() => recordStep(f.db, 'Groups', null, change))();
const undo = (f: MatrixFixture) => f.db.transaction(() => undoLast(f.db, null))();
const groups = (f: MatrixFixture) => listDocumentGroups(f.db).map((g) => ({ name: g.name, documentIds: g.documentIds }));

/** The System × Constitutive cell's [segments, documents] under the filters. */
function systemConstitutive(f: MatrixFixture, filters: unknown): [number, number] {
  const cell = computeMatrix(f.db, matrixSpec.parse({ filters })).cells.find((c) => c.codeId === f.SC)!;
  return [cell.segments, cell.documents];
}

const excerptCount = (f: MatrixFixture, selection: unknown) =>
  selectExcerpts(f.db, excerptSelection.parse(selection), { limit: 100, offset: 0 }).total;

describe('document groups', () => {
  it('are created, renamed, filled and deleted, each step undone and redone exactly', () => {
    const f = matrixFixture();
    const id = step(f, () => createDocumentGroup(f.db, '  Boroughs 😀 ', [f.d2.id, f.d1.id]));
    // Members come in the project's document order, whatever order they were given in.
    expect(groups(f)).toEqual([{ name: 'Boroughs 😀', documentIds: [f.d1.id, f.d2.id] }]);
    step(f, () => renameDocumentGroup(f.db, id, 'Inner'));
    step(f, () => setDocumentGroupMembers(f.db, id, [f.d2.id]));
    expect(groups(f)).toEqual([{ name: 'Inner', documentIds: [f.d2.id] }]);
    undo(f);
    expect(groups(f)).toEqual([{ name: 'Inner', documentIds: [f.d1.id, f.d2.id] }]);
    undo(f);
    expect(groups(f)).toEqual([{ name: 'Boroughs 😀', documentIds: [f.d1.id, f.d2.id] }]);
    f.db.transaction(() => redoNext(f.db, null))();
    expect(groups(f)).toEqual([{ name: 'Inner', documentIds: [f.d1.id, f.d2.id] }]);
    step(f, () => deleteDocumentGroup(f.db, id));
    expect(groups(f)).toEqual([]);
    undo(f);
    expect(listDocumentGroups(f.db)).toEqual([expect.objectContaining({ id, name: 'Inner', documentIds: [f.d1.id, f.d2.id] })]);
  });

  it('lose a deleted document and get it back when the deletion is undone', () => {
    const f = matrixFixture();
    step(f, () => createDocumentGroup(f.db, 'Both', [f.d1.id, f.d2.id]));
    step(f, () => deleteDocument(f.db, f.d1.id));
    expect(groups(f)).toEqual([{ name: 'Both', documentIds: [f.d2.id] }]);
    undo(f);
    expect(groups(f)).toEqual([{ name: 'Both', documentIds: [f.d1.id, f.d2.id] }]);
  });

  it('refuse a taken name (in any case), an unknown group and an unknown document', () => {
    const f = matrixFixture();
    const id = createDocumentGroup(f.db, 'Shires');
    expect(() => createDocumentGroup(f.db, 'SHIRES')).toThrow(/already exists/);
    const other = createDocumentGroup(f.db, 'Towns');
    expect(() => renameDocumentGroup(f.db, other, 'shires')).toThrow(DataError);
    renameDocumentGroup(f.db, id, 'SHIRES'); // its own name, recased
    expect(() => setDocumentGroupMembers(f.db, id, [9999])).toThrow(/no document with id 9999/);
    expect(() => documentsInGroups(f.db, [9999])).toThrow(/no document group with id 9999/);
    expect(() => deleteDocumentGroup(f.db, 9999)).toThrow(/no document group/);
  });

  it('filter the matrix to their documents (one group, several, an empty one, with chosen documents)', () => {
    const f = matrixFixture();
    const one = createDocumentGroup(f.db, 'One', [f.d1.id]);
    const two = createDocumentGroup(f.db, 'Two', [f.d2.id]);
    const empty = createDocumentGroup(f.db, 'Empty');
    // From the fixture's table: System × Constitutive holds s1, s3 (document One) and s7, s8 (document Two).
    expect(systemConstitutive(f, {})).toEqual([4, 2]);
    expect(systemConstitutive(f, { groupIds: [one] })).toEqual([2, 1]);
    expect(systemConstitutive(f, { groupIds: [two] })).toEqual([2, 1]);
    // Several groups: documents in any of them.
    expect(systemConstitutive(f, { groupIds: [one, two] })).toEqual([4, 2]);
    expect(systemConstitutive(f, { groupIds: [empty] })).toEqual([0, 0]);
    // With chosen documents too: those that are also in a chosen group.
    expect(systemConstitutive(f, { groupIds: [one], documentIds: [f.d2.id] })).toEqual([0, 0]);
    // With a case attribute: One's case is a London borough, so group Two has none.
    const borough = [{ attributeId: f.type.id, value: 'London borough' }];
    expect(systemConstitutive(f, { groupIds: [one, two], caseAttributes: borough })).toEqual([2, 1]);
    expect(systemConstitutive(f, { groupIds: [two], caseAttributes: borough })).toEqual([0, 0]);
    expect(() => systemConstitutive(f, { groupIds: [9999] })).toThrow(/no document group/);
  });

  it('filter the excerpts to their documents', () => {
    const f = matrixFixture();
    const one = createDocumentGroup(f.db, 'One', [f.d1.id]);
    const two = createDocumentGroup(f.db, 'Two', [f.d2.id]);
    const empty = createDocumentGroup(f.db, 'Empty');
    // T1 is carried by s1 and s4 (document One) and s6 (document Two).
    expect(excerptCount(f, { codeIds: [f.T1] })).toBe(3);
    expect(excerptCount(f, { codeIds: [f.T1], groupIds: [one] })).toBe(2);
    expect(excerptCount(f, { codeIds: [f.T1], groupIds: [two] })).toBe(1);
    expect(excerptCount(f, { codeIds: [f.T1], groupIds: [one, two] })).toBe(3);
    expect(excerptCount(f, { codeIds: [f.T1], groupIds: [empty] })).toBe(0);
    expect(excerptCount(f, { codeIds: [f.T1], groupIds: [one], documentIds: [f.d2.id] })).toBe(0);
    // Coder B's T1 in group One: s4 only.
    expect(excerptCount(f, { codeIds: [f.T1], groupIds: [one], coderIds: [f.B] })).toBe(1);
  });
});
