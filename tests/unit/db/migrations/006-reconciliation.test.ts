import { describe, expect, it } from 'vitest';
import { historyState, recordStep, undoLast } from '../../../../db/undo';
import { CODE, projectAt, rowsOf, seedRows, upgrade } from './old-projects';

describe('schema step 6 (reconciliation log)', () => {
  it('upgrades a coded step-4 project: the log exists, empty, and undo removes a logged decision', () => {
    const { file, db: old } = projectAt(4);
    seedRows(old);
    old.close();

    const db = upgrade(file, 4);
    expect(db.prepare('SELECT count(*) AS n FROM reconciliations').get()).toEqual({ n: 0 });
    const before = rowsOf(db, ['reconciliations', 'segments']);
    db.transaction(() =>
      recordStep(db, 'Reconcile disagreement', null, () =>
        db
          .prepare(
            `INSERT INTO reconciliations (document_id, code_id, start, end, coder_a, coder_b, side, decision, note, decided_by, decided_at)
             VALUES (1, ?, 5, 19, 'A', 'B', 'A', 'neither', 'café 😀 talk, not duty', 1, '2026-12-02T19:00:00.000Z')`,
          )
          .run(CODE.duty),
      ),
    )();
    expect(db.prepare('SELECT note FROM reconciliations').get()).toEqual({ note: 'café 😀 talk, not duty' });
    expect(historyState(db, null).undo).toMatchObject({ label: 'Reconcile disagreement' });
    db.transaction(() => undoLast(db, null))();
    expect(rowsOf(db, ['reconciliations', 'segments'])).toEqual(before);
    db.close();
  });
});
