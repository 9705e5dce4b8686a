import { describe, expect, it } from 'vitest';
import { migrations } from '../../../../db/migrations';
import type { Db } from '../../../../db/project-file';
import { recordStep, redoNext, undoLast, UNDO_TRACKED_TABLES } from '../../../../db/undo';
import { editText } from '../../../../electron/services/text-edit';
import { joinTurns, splitTurn } from '../../../../electron/services/turns';
import { expectSearchIndexExact } from '../../search-index-check';
import { expectDerivedMatchRebuild, projectAt, QUERIES, rowsOf, seedRows, TEXT_1, upgrade } from './old-projects';

const STEP = migrations.find((m) => m.name === 'text edits’ moves undone as one statement each')!.version;

const logOf = (db: Db, label: string) =>
  (
    db
      .prepare('SELECT statement FROM undo_log WHERE step_id = (SELECT max(id) FROM undo_steps WHERE label = ?) ORDER BY seq')
      .all(label) as { statement: string }[]
  ).map((r) => r.statement);

/** Code point of the first `word` in interview 1. */
const at = (word: string) => [...TEXT_1.slice(0, TEXT_1.indexOf(word))].length;

describe(`schema step ${STEP} (text edits' moves undone as one statement each)`, () => {
  it('undoes a step logged row by row before it, then logs a word fix, a split and a join with one statement per move, and undoes and redoes them exactly', () => {
    const { file, db: old } = projectAt(STEP - 1);
    seedRows(old);
    // Logged before the step: every moved row its own statement.
    old.transaction(() =>
      recordStep(old, 'Old move', 1, () => old.prepare('UPDATE segments SET start = start + 1, end = end + 1 WHERE id IN (2, 3)').run()),
    )();
    old.close();
    const db = upgrade(file, STEP - 1);
    expect(logOf(db, 'Old move').filter((s) => s.startsWith('UPDATE "segments"'))).toHaveLength(2);
    db.transaction(() => undoLast(db, 1))();
    expectDerivedMatchRebuild(db);

    const tracked = () => rowsOf(db, UNDO_TRACKED_TABLES);
    const before = tracked();
    // Split before "then": interview 1 gets a second turn; then "Café" (5–9) fixed in the first, which
    // moves segments 2 and 3 (starting after it) and the second turn, and stretches 1 and 4 (holding it).
    db.transaction(() => recordStep(db, 'Split', 1, () => splitTurn(db, 1, at('then'), 'Ana')))();
    db.transaction(() => recordStep(db, 'Fix', 1, () => editText(db, 1, { start: 5, end: 9, text: 'Cafés 👍🏽' })))();
    db.transaction(() => recordStep(db, 'Join', 1, () => joinTurns(db, 1, 1)))();
    const after = tracked();

    const fix = logOf(db, 'Fix');
    expect(fix.filter((s) => s.startsWith('INSERT INTO segment_moves'))).toEqual([
      "INSERT INTO segment_moves (document_id, ids, delta) VALUES (1, '[2,3]', -4)",
    ]);
    expect(fix.filter((s) => s.startsWith('INSERT INTO paragraph_moves'))).toEqual([
      'INSERT INTO paragraph_moves (document_id, from_n, to_n, delta) VALUES (1, 2, 2, -4)',
    ]);
    // Only the stretched segments and the edited turn are logged row by row.
    expect(fix.filter((s) => s.startsWith('UPDATE "segments"')).map((s) => /WHERE "id" = (\d+)/.exec(s)![1])).toEqual(['1', '4']);
    expect(fix.filter((s) => s.startsWith('UPDATE "paragraphs"'))).toHaveLength(1);
    expect(logOf(db, 'Split').filter((s) => s.startsWith('INSERT INTO paragraph_renumbers'))).toEqual([
      'INSERT INTO paragraph_renumbers (document_id, after, by) VALUES (1, 2, -1)',
    ]);
    expect(logOf(db, 'Join').filter((s) => s.startsWith('INSERT INTO paragraph_renumbers'))).toEqual([
      'INSERT INTO paragraph_renumbers (document_id, after, by) VALUES (1, 1, 1)',
    ]);

    for (const label of ['Join', 'Fix', 'Split']) expect(db.transaction(() => undoLast(db, 1)?.label)()).toBe(label);
    expect(tracked()).toEqual(before);
    expectDerivedMatchRebuild(db);
    expectSearchIndexExact(db, QUERIES);
    for (let i = 0; i < 3; i++) db.transaction(() => redoNext(db, 1))();
    expect(tracked()).toEqual(after);
    expectDerivedMatchRebuild(db);
    expectSearchIndexExact(db, QUERIES);
    // Redone, the fix's moves are logged as one statement each again.
    expect(logOf(db, 'Fix').filter((s) => s.startsWith('UPDATE "segments"'))).toHaveLength(2);
    db.close();
  });
});
