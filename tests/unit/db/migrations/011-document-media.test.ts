import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../db/migrations';
import { deleteDocument } from '../../../../db/queries/documents';
import { getMediaLink, setMediaLink } from '../../../../db/queries/media';
import { recordStep, undoLast } from '../../../../db/undo';
import { expectDerivedMatchRebuild, projectAt, rowsOf, seedRows, upgrade } from './old-projects';

// Written as step 11; its number is its place in the list until the steps of other branches are merged.
const STEP = migrations.find((m) => m.name === 'linked recordings')!.version;
const TABLES = ['documents', 'paragraphs', 'segments', 'document_media'];

describe(`schema step ${STEP} (linked recordings)`, () => {
  it('upgrades a coded project of the step before: no links yet, and linking, deleting the document and undo restore every row', () => {
    const { file, db: old } = projectAt(STEP - 1);
    seedRows(old);
    old.close();

    const db = upgrade(file, STEP - 1);
    expect(getMediaLink(db, 1)).toBeNull();
    const recording = { path: '/home/r/Interviews/café 😀.m4a', size: 1234, mtimeMs: 1_700_000_000_123 };
    db.transaction(() => recordStep(db, 'Link recording', 1, () => setMediaLink(db, 1, recording)))();
    expect(getMediaLink(db, 1)).toMatchObject({ documentId: 1, ...recording });
    const linked = rowsOf(db, TABLES);

    db.transaction(() => recordStep(db, 'Delete document', 1, () => deleteDocument(db, 1)))();
    expect(getMediaLink(db, 1)).toBeNull();
    db.transaction(() => undoLast(db, 1))();
    expect(rowsOf(db, TABLES)).toEqual(linked);

    db.transaction(() => undoLast(db, 1))();
    expect(getMediaLink(db, 1)).toBeNull();
    // A path is required, and a link needs its document.
    expect(() => db.prepare("INSERT INTO document_media VALUES (2, '', 1, 1, 'now')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO document_media VALUES (99, '/a.wav', 1, 1, 'now')").run()).toThrow(/FOREIGN KEY/);
    expectDerivedMatchRebuild(db);
    db.close();
  });
});
