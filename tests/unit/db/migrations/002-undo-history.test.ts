import { describe, expect, it } from 'vitest';
import { historyState } from '../../../../db/undo';
import { expectCountsAndUndoFollowWork, projectAt, seedRows, upgrade } from './old-projects';

describe('schema step 2 (undo history)', () => {
  it('upgrades a coded step-1 project: rows kept, counts equal a rebuild, its work undoable from then on', () => {
    const { file, db: old } = projectAt(1);
    seedRows(old);
    old.close();
    const db = upgrade(file, 1);
    // Work done before there was a history cannot be undone.
    expect(historyState(db, null)).toEqual({ undo: null, redo: null });
    expectCountsAndUndoFollowWork(db);
    db.close();
  });
});
