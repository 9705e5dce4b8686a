import { describe, expect, it } from 'vitest';
import { countMatrix } from '../../../../db/queries/matrix';
import { historyState, recordStep, undoLast } from '../../../../db/undo';
import { CODE, expectCountsAndUndoFollowWork, expectDerivedMatchRebuild, projectAt, rowsOf, seedRows, upgrade } from './old-projects';

describe('schema step 4 (co-occurrence counts)', () => {
  it('upgrades a coded step-3 project: co-occurrence filled as a rebuild and kept through undo of older work', () => {
    const { file, db: old } = projectAt(3);
    seedRows(old);
    old
      .prepare('UPDATE codes SET inclusion = ?, exclusion = ?, example_segment_id = 1 WHERE id = ?')
      .run('talk of duty 😀', 'money', CODE.duty);
    const beforeStep = rowsOf(old, ['segments', 'segment_codes']);
    old.transaction(() =>
      recordStep(old, 'Recode', 2, () => {
        old.prepare('INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (4, ?, 1, 2)').run(CODE.early);
        old.prepare('UPDATE segments SET start = 20 WHERE id = 4').run();
      }),
    )();
    old.close();

    const db = upgrade(file, 3);
    expect(db.prepare('SELECT inclusion, exclusion, example_segment_id AS example FROM codes WHERE id = ?').get(CODE.duty)).toEqual({
      inclusion: 'talk of duty 😀',
      exclusion: 'money',
      example: 1,
    });
    // By hand from seedRows and the step: in layer Early, the cell "Strategic: duty" holds segment 1 (A),
    // segment 5 (A, the other interview) and now segment 4 (B); "Strategic: money" co-occurs with segment 1
    // only through A's overlapping segment 2.
    const matrix = countMatrix(db, {
      anchors: [CODE.strategicDuty],
      slice: CODE.early,
      mode: 'overlap',
      cellOthers: null,
      themes: [CODE.strategicMoney],
      coderIds: null,
      documentIds: null,
      key: { by: 'none' },
    });
    expect(matrix.cells).toEqual([{ code: CODE.strategicDuty, key: 0, other: CODE.strategicDuty, segments: 3, documents: 2, cases: 1 }]);
    expect(matrix.themes).toEqual([{ code: CODE.strategicDuty, key: 0, other: CODE.strategicMoney, segments: 1 }]);

    expect(historyState(db, 2).undo).toMatchObject({ label: 'Recode' });
    db.transaction(() => undoLast(db, 2)?.label ?? null)();
    expect(rowsOf(db, ['segments', 'segment_codes'])).toEqual(beforeStep);
    expectDerivedMatchRebuild(db);
    expectCountsAndUndoFollowWork(db);
    db.close();
  });
});
