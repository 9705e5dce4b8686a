import { describe, expect, it } from 'vitest';
import { deleteDocument } from '../../../../db/queries/documents';
import { documentsMatching } from '../../../../db/queries/search';
import { recordStep, undoLast } from '../../../../db/undo';
import { expectDerivedMatchRebuild, projectAt, rowsOf, seedRows, upgrade } from './old-projects';

/** The documents whose speech matches (stemmed), by name. */
const matching = (db: Parameters<typeof documentsMatching>[0], query: string) =>
  documentsMatching(db, query, true, null).map((d) => d.name);
const DOCUMENT_TABLES = ['documents', 'paragraphs', 'case_documents', 'segments', 'segment_codes', 'memos'];

describe('schema step 7 (documents in the undo history)', () => {
  it('upgrades a coded step-6 project so that deleting an interview is undone row for row, index and counts included', () => {
    const { file, db: old } = projectAt(6);
    seedRows(old);
    old.close();

    const db = upgrade(file, 6);
    const before = rowsOf(db, DOCUMENT_TABLES);
    // seedRows' first interview speaks of budgets; the search index must lose and regain it.
    expect(matching(db, 'budget')).toEqual(['Interview 1']);
    db.transaction(() => recordStep(db, 'Delete document', 1, () => deleteDocument(db, 1)))();
    expect(db.prepare('SELECT count(*) AS n FROM paragraphs WHERE document_id = 1').get()).toEqual({ n: 0 });
    expect(matching(db, 'budget')).toEqual([]);

    db.transaction(() => undoLast(db, 1))();
    expect(rowsOf(db, DOCUMENT_TABLES)).toEqual(before);
    expect(matching(db, 'budget')).toEqual(['Interview 1']);
    expectDerivedMatchRebuild(db);
    db.close();
  });
});
