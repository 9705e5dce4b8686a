import { describe, expect, it } from 'vitest';
import { rebuildCooccurrence, rebuildCooccurrenceTotals } from '../../../db/cooccurrence';
import { recountCooccurrence } from '../../../db/cooccurrence-recount';
import type { Db } from '../../../db/project-file';
import { insertFrameworkValue, listFrameworks } from '../../../db/queries/frameworks';
import { insertSegment } from '../../../db/queries/segments';
import { seedDefaultFramework } from '../../../electron/services/default-framework';
import { fillCorpus } from '../../../bench/corpus';
import { matrixFixture } from '../matrix-fixture';
import { emptyProject } from '../helpers';
import { rowsOf } from './migrations/old-projects';

const TABLES = ['cooccurrence', 'cooccurrence_totals'];

/**
 * The expected rows come from rebuildCooccurrence, the SQL that defines the rule (db/cooccurrence.ts, itself
 * checked against a naive computation in cooccurrence.test.ts). The recount runs, as in the bulk path,
 * with the triggers that keep the totals dropped (the rollback brings them back).
 */
function expectRecountEqualsRebuild(db: Db): void {
  const expected = rowsOf(db, TABLES);
  expect(expected['cooccurrence']!.length).toBeGreaterThan(0);
  expect(() =>
    db.transaction(() => {
      db.exec('DROP TRIGGER cooccurrence_totals_insert; DROP TRIGGER cooccurrence_totals_update; DROP TRIGGER cooccurrence_totals_delete');
      db.exec('DELETE FROM cooccurrence_totals');
      recountCooccurrence(db);
      rebuildCooccurrenceTotals(db);
      expect(rowsOf(db, TABLES)).toEqual(expected);
      throw new Error('roll back');
    })(),
  ).toThrow('roll back');
}

describe('recountCooccurrence', () => {
  it('equals the SQL rebuild on the matrix fixture: layers, overlaps, touching ranges, an emoji', () => {
    const { db } = matrixFixture();
    db.transaction(() => rebuildCooccurrence(db))();
    expect(db.prepare('SELECT count(*) FROM cooccurrence WHERE slice_id <> 0').pluck().get()).toBeGreaterThan(0);
    expectRecountEqualsRebuild(db);
  });

  it('equals the SQL rebuild on a synthetic corpus with nested segments, layers on cells and beside themes, an empty layer', () => {
    const { db } = emptyProject();
    db.transaction(() => {
      seedDefaultFramework(db);
      fillCorpus(db, 4, 300, 400);
      const mgf = listFrameworks(db)[0]!;
      const national = mgf.slices.find((s) => s.name === 'National')!;
      const local = mgf.slices.find((s) => s.name === 'Local')!;
      const theme = db.prepare("SELECT id FROM codes WHERE name = 'Theme 3'").pluck().get() as number;
      // Long segments around short ones of the same coder, carrying layers on cells and beside a theme.
      for (let i = 0; i < 30; i++) {
        insertSegment(db, {
          documentId: 1 + (i % 4),
          coderId: 1 + (i % 2),
          start: i * 13,
          end: i * 13 + (i % 3 === 0 ? 600 : 5),
          codeIds: [mgf.cells[i % 9]!.codeId, i % 2 ? national.codeId : local.codeId, ...(i % 5 === 0 ? [theme] : [])],
        });
      }
      insertFrameworkValue(db, mgf.id, 'slice', { name: 'Regional' });
      rebuildCooccurrence(db);
    })();
    expectRecountEqualsRebuild(db);
  });

  it('recounts only the pairs given: their rows removed (and others left) come back equal to the rebuild', () => {
    const { db } = emptyProject();
    db.transaction(() => {
      seedDefaultFramework(db);
      fillCorpus(db, 4, 300, 400);
    })();
    const expected = rowsOf(db, ['cooccurrence']);
    const pairs = db.prepare('SELECT DISTINCT document_id AS documentId, coder_id AS coderId FROM segments ORDER BY 1, 2').all() as {
      documentId: number;
      coderId: number;
    }[];
    expect(pairs.length).toBeGreaterThan(3);
    const [left, ...given] = pairs;
    const inGiven = `(document_id, coder_id) IN (${given.map((p) => `(${p.documentId}, ${p.coderId})`).join(', ')})`;
    const inLeft = `document_id = ${left!.documentId} AND coder_id = ${left!.coderId}`;
    const countOf = (where: string) => db.prepare(`SELECT count(*) FROM cooccurrence WHERE ${where}`).pluck().get() as number;
    expect(() =>
      db.transaction(() => {
        db.exec('DROP TRIGGER cooccurrence_totals_delete; DROP TRIGGER cooccurrence_totals_insert');
        // Wrong counts in the pairs given, missing rows in one not given: only the first are put right.
        db.exec(`UPDATE cooccurrence SET same_segment = same_segment + 7 WHERE ${inGiven}`);
        db.exec(`DELETE FROM cooccurrence WHERE ${inLeft}`);
        recountCooccurrence(db, given);
        expect(countOf(inLeft)).toBe(0);
        expect(rowsOf(db, ['cooccurrence'])).not.toEqual(expected);
        recountCooccurrence(db, [left!]);
        expect(rowsOf(db, ['cooccurrence'])).toEqual(expected);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
  });
});
