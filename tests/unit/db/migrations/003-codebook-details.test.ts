import { describe, expect, it } from 'vitest';
import { getCode } from '../../../../db/queries/codes';
import { getSegment } from '../../../../db/queries/segments';
import { historyState, recordStep, undoLast } from '../../../../db/undo';
import { CODE, expectCountsAndUndoFollowWork, expectDerivedMatchRebuild, projectAt, rowsOf, seedRows, upgrade } from './old-projects';

/** The rows the step below changes, in columns every version has. */
const TABLES = ['codes', 'segments', 'segment_codes'];
const COLUMNS = { codes: ['id', 'parent_id', 'name'], segments: ['id', 'start', 'end'], segment_codes: ['segment_id', 'code_id'] };

describe('schema step 3 (codebook details and kept code counts)', () => {
  it('upgrades a coded step-2 project: counts filled as a rebuild, a step recorded before the upgrade still undoes', () => {
    const { file, db: old } = projectAt(2);
    seedRows(old);
    const beforeStep = rowsOf(old, TABLES, COLUMNS);
    // Recorded by step 2's triggers, with the columns codes had then.
    old.transaction(() =>
      recordStep(old, 'Reorganise', 1, () => {
        old.prepare("UPDATE codes SET name = 'Duty to cooperate', parent_id = NULL WHERE id = ?").run(CODE.duty);
        old.prepare('DELETE FROM segments WHERE id = 2').run();
      }),
    )();
    old.close();

    const db = upgrade(file, 2);
    expect(getCode(db, CODE.duty)).toMatchObject({ name: 'Duty to cooperate', parentId: null, inclusion: '', exampleSegmentId: null });
    expect(historyState(db, 1).undo).toMatchObject({ label: 'Reorganise' });
    db.transaction(() => undoLast(db, 1)?.label ?? null)();
    expect(rowsOf(db, TABLES, COLUMNS)).toEqual(beforeStep);
    expect(getSegment(db, 2).codeIds).toEqual([CODE.pooled, CODE.strategicMoney]);
    expectDerivedMatchRebuild(db);
    expectCountsAndUndoFollowWork(db);
    db.close();
  });
});
