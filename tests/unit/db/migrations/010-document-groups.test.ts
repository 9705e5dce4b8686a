import { describe, expect, it } from 'vitest';
import { ensureAttribute, listCases, setCaseAttribute } from '../../../../db/queries/cases';
import { createDocumentGroup, listDocumentGroups } from '../../../../db/queries/document-groups';
import { deleteDocument } from '../../../../db/queries/documents';
import { recordStep, undoLast } from '../../../../db/undo';
import { projectAt, rowsOf, seedRows, upgrade } from './old-projects';

const TABLES = ['document_groups', 'document_group_members', 'cases', 'attributes', 'case_attribute_values', 'documents'];

describe('schema step 010 (document groups; cases and attributes in the undo history)', () => {
  it('upgrades a coded step-9 project: groups exist, empty, and groups, memberships and case values are undone row for row', () => {
    const { file, db: old } = projectAt(9);
    seedRows(old);
    old.close();

    const db = upgrade(file, 9);
    expect(listDocumentGroups(db)).toEqual([]);
    const before = rowsOf(db, TABLES);
    db.transaction(() =>
      recordStep(db, 'Set up', 1, () => {
        createDocumentGroup(db, 'Café 😀 group', [1, 2]);
        const region = ensureAttribute(db, 'Region', 'text');
        setCaseAttribute(db, 1, region, 'North 👍🏽');
      }),
    )();
    expect(listDocumentGroups(db)).toMatchObject([{ name: 'Café 😀 group', documentIds: [1, 2] }]);
    expect(listCases(db)[0]!.attributes).toEqual({ Region: 'North 👍🏽' });
    // Deleting a document takes its memberships; undo brings them back.
    const grouped = rowsOf(db, TABLES);
    db.transaction(() => recordStep(db, 'Delete document', 1, () => deleteDocument(db, 1)))();
    expect(listDocumentGroups(db)[0]!.documentIds).toEqual([2]);
    db.transaction(() => undoLast(db, 1))();
    expect(rowsOf(db, TABLES)).toEqual(grouped);
    db.transaction(() => undoLast(db, 1))();
    expect(rowsOf(db, TABLES)).toEqual(before);
    // Group names are unique without regard to case; a blank one is refused.
    db.prepare("INSERT INTO document_groups (guid, name, created_at) VALUES ('g1', 'Shires', 'now')").run();
    expect(() => db.prepare("INSERT INTO document_groups (guid, name, created_at) VALUES ('g2', 'SHIRES', 'now')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO document_groups (guid, name, created_at) VALUES ('g3', ' ', 'now')").run()).toThrow(/CHECK/);
    db.close();
  });
});
