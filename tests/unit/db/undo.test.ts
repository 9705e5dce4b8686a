import { describe, expect, it } from 'vitest';
import { openProjectFile, type Db } from '../../../db/project-file';
import { ensureCoder } from '../../../db/queries/coders';
import { codeTree, createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { insertSegment, listSegments } from '../../../db/queries/segments';
import { historyState, recordStep, redoNext, undoLast, UNDO_TRACKED_TABLES } from '../../../db/undo';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { emptyProject } from '../helpers';

function setup() {
  const { db, file } = emptyProject();
  const documentId = insertDocument(db, {
    name: 'Doc',
    ...parsePlainTranscript('DCS: one two three four five six seven 😀 eight'),
    sourceName: null,
    sourceType: 'txt',
  });
  const coderId = ensureCoder(db, 'A').id;
  const codeId = createCode(db, { parentId: null, name: 'Theme' });
  return { db, file, documentId, coderId, codeId };
}

const step = <T>(db: Db, label: string, change: () => T) => db.transaction(() => recordStep(db, label, null, change))();
const snapshot = (db: Db) => JSON.stringify(UNDO_TRACKED_TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));

describe('undo history', () => {
  it('undoes and redoes inserts, updates and cascading deletes exactly', () => {
    const { db, documentId, coderId, codeId } = setup();
    const start = snapshot(db);
    const segmentId = step(db, 'Apply code', () =>
      insertSegment(db, { documentId, coderId, start: 5, end: 12, codeIds: [codeId], memo: 'm' }),
    );
    const afterInsert = snapshot(db);
    step(db, 'Rename code', () => db.prepare("UPDATE codes SET name = 'Renamed', color = '#000000' WHERE id = ?").run(codeId));
    const afterRename = snapshot(db);
    step(db, 'Delete segment', () => db.prepare('DELETE FROM segments WHERE id = ?').run(segmentId));
    expect(listSegments(db)).toHaveLength(0);

    expect(historyState(db, null)).toMatchObject({ undo: { label: 'Delete segment' }, redo: null });
    expect(db.transaction(() => undoLast(db, null)?.label ?? null)()).toBe('Delete segment');
    expect(snapshot(db)).toBe(afterRename);
    expect(listSegments(db)[0]).toMatchObject({ id: segmentId, codeIds: [codeId], memo: 'm' });
    db.transaction(() => undoLast(db, null)?.label ?? null)();
    expect(snapshot(db)).toBe(afterInsert);
    db.transaction(() => undoLast(db, null)?.label ?? null)();
    expect(snapshot(db)).toBe(start);
    expect(historyState(db, null)).toMatchObject({ undo: null, redo: { label: 'Apply code' } });
    expect(db.transaction(() => undoLast(db, null)?.label ?? null)()).toBeNull();

    db.transaction(() => redoNext(db, null)?.label ?? null)();
    expect(snapshot(db)).toBe(afterInsert);
    db.transaction(() => redoNext(db, null)?.label ?? null)();
    db.transaction(() => redoNext(db, null)?.label ?? null)();
    expect(listSegments(db)).toHaveLength(0);
    expect(codeTree(db)[0]!.name).toBe('Renamed');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('survives closing and reopening the project', () => {
    const { db, file, documentId, coderId, codeId } = setup();
    step(db, 'Apply code', () => insertSegment(db, { documentId, coderId, start: 0, end: 3, codeIds: [codeId] }));
    db.close();
    const reopened = openProjectFile(file);
    expect(historyState(reopened, null).undo?.label).toBe('Apply code');
    reopened.transaction(() => undoLast(reopened, null)?.label ?? null)();
    expect(listSegments(reopened)).toHaveLength(0);
    reopened.close();
  });

  it('forgets what could be redone once a new change is made, and drops steps that changed nothing', () => {
    const { db, documentId, coderId, codeId } = setup();
    step(db, 'First', () => insertSegment(db, { documentId, coderId, start: 0, end: 3, codeIds: [codeId] }));
    db.transaction(() => undoLast(db, null)?.label ?? null)();
    step(db, 'Second', () => insertSegment(db, { documentId, coderId, start: 4, end: 8, codeIds: [codeId] }));
    expect(historyState(db, null)).toMatchObject({ undo: { label: 'Second' }, redo: null });
    step(db, 'Nothing', () => undefined);
    expect(historyState(db, null).undo?.label).toBe('Second');
  });

  it('records nothing outside a step, and a failed step leaves no trace', () => {
    const { db, documentId, coderId, codeId } = setup();
    insertSegment(db, { documentId, coderId, start: 0, end: 3, codeIds: [codeId] });
    expect(historyState(db, null).undo).toBeNull();
    expect(() => step(db, 'Broken', () => insertSegment(db, { documentId, coderId, start: 0, end: 999, codeIds: [codeId] }))).toThrow();
    expect(historyState(db, null).undo).toBeNull();
    expect(db.prepare('SELECT count(*) AS n FROM undo_log').get()).toEqual({ n: 0 });
  });

  it('refuses to undo into a state the rest of the project no longer allows, changing nothing', () => {
    const { db, documentId, coderId, codeId } = setup();
    const segmentId = step(db, 'Apply code', () => insertSegment(db, { documentId, coderId, start: 0, end: 3, codeIds: [codeId] }));
    step(db, 'Delete segment', () => db.prepare('DELETE FROM segments WHERE id = ?').run(segmentId));
    // Outside the history, the document disappears (as a future "remove document" might do).
    db.prepare('DELETE FROM documents WHERE id = ?').run(documentId);
    const before = snapshot(db);
    expect(() => db.transaction(() => undoLast(db, null)?.label ?? null)()).toThrow(/"Delete segment" cannot be undone/);
    expect(snapshot(db)).toBe(before);
    expect(historyState(db, null).undo?.label).toBe('Delete segment');
  });
});
