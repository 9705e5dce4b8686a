import { describe, expect, it } from 'vitest';
import { documentText } from '../../../../db/document-text';
import { renameDocument } from '../../../../db/queries/documents';
import { documentsMatching } from '../../../../db/queries/search';
import { listSegments } from '../../../../db/queries/segments';
import { recordStep, undoLast } from '../../../../db/undo';
import { editText } from '../../../../electron/services/text-edit';
import { expectDerivedMatchRebuild, projectAt, rowsOf, seedRows, TEXT_1, upgrade } from './old-projects';

const TABLES = ['documents', 'paragraphs', 'segments', 'segment_codes'];

describe('schema step 9 (text edits as deltas)', () => {
  it('upgrades a coded step-8 project: a word fixed inside codings keeps them, undo restores every row, an older rename still undoes', () => {
    const { file, db: old } = projectAt(8);
    seedRows(old);
    // A rename recorded by step 7's trigger, which copied the whole text into the log.
    old.transaction(() => recordStep(old, 'Rename document', 1, () => renameDocument(old, 1, 'Renamed')))();
    old.close();

    const db = upgrade(file, 8);
    const before = rowsOf(db, TABLES);
    const cafe = [...TEXT_1.slice(0, TEXT_1.indexOf('Café'))].length;
    expect(TEXT_1.slice(cafe, cafe + 4)).toBe('Café');
    // Segments 1 (0–21) and 4 (5–30) of seedRows cover "Café"; segment 2 starts after it.
    const result = db.transaction(() =>
      recordStep(db, 'Edit text', 1, () => editText(db, 1, { start: cafe, end: cafe + 4, text: 'Coffee 😀' })),
    )();
    const texts = new Map(listSegments(db, { documentId: 1 }).map((s) => [s.id, s.text]));
    const shifted = (start: number, end: number) => [...TEXT_1.replace('Café', 'Coffee 😀')].slice(start, end).join('');
    expect(texts.get(1)).toBe(shifted(0, 25));
    expect(texts.get(1)).toContain('Coffee 😀 meetings');
    expect(texts.get(2)).toBe([...TEXT_1].slice(15, 40).join(''));
    expect(result.removed).toEqual([]);
    expect(documentsMatching(db, 'coffee', true, null).map((d) => d.name)).toEqual(['Renamed']);
    // The step logged the removed word, not the transcript.
    const log = db.prepare('SELECT statement FROM undo_log WHERE step_id = (SELECT max(id) FROM undo_steps)').pluck().all() as string[];
    expect(log.filter((s) => s.includes('naïve pooled'))).toEqual([]);
    expectDerivedMatchRebuild(db);

    db.transaction(() => undoLast(db, 1))();
    expect(rowsOf(db, TABLES)).toEqual(before);
    expect(documentText(db, 1).text).toBe(TEXT_1);
    expect(documentsMatching(db, 'café', false, null).map((d) => d.name)).toEqual(['Renamed']);
    expectDerivedMatchRebuild(db);
    // The rename from before the upgrade undoes as it did.
    expect(db.transaction(() => undoLast(db, 1)?.label)()).toBe('Rename document');
    expect(db.prepare('SELECT name, plain_text FROM documents WHERE id = 1').get()).toEqual({ name: 'Interview 1', plain_text: TEXT_1 });
    db.close();
  });
});
