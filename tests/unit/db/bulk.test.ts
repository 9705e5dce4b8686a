import { describe, expect, it } from 'vitest';
import { bulkWrite, COUNT_TRIGGERS, GUARD_TRIGGERS, SEARCH_TRIGGER, type TouchedPairs } from '../../../db/bulk';
import { ensureCoder } from '../../../db/queries/coders';
import { createCode } from '../../../db/queries/codes';
import { insertDocument } from '../../../db/queries/documents';
import { insertFrameworkValue, listFrameworks } from '../../../db/queries/frameworks';
import { addSegmentCodes, deleteSegment, insertSegment, removeSegmentCodes, updateSegment } from '../../../db/queries/segments';
import { matrixFixture } from '../matrix-fixture';
import { parsePlainTranscript } from '../../../electron/services/transcript';
import { expectDerivedMatchRebuild, rowsOf } from './migrations/old-projects';
import type { Db } from '../../../db/project-file';

const DERIVED = ['code_lineage', 'code_tallies', 'code_totals', 'cooccurrence', 'cooccurrence_totals'];

/** The schema as a set: recreated triggers come back with new rowids in sqlite_master, but the same text. */
const schema = (db: Db) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();

/** Many kinds of change at once: new codes and a moved subtree, a new layer, segments added, resized, uncoded and deleted. */
function manyChanges(db: Db) {
  const mgf = listFrameworks(db)[0]!;
  const A = ensureCoder(db, 'A').id;
  const C = ensureCoder(db, 'C').id;
  const parent = createCode(db, { parentId: null, name: 'Bulk 😀' });
  const child = createCode(db, { parentId: parent, name: 'Child' });
  const regional = insertFrameworkValue(db, mgf.id, 'slice', { name: 'Regional' });
  const regionalCode = listFrameworks(db)[0]!.slices.find((s) => s.id === regional)!.codeId;
  for (let i = 0; i < 40; i++) {
    insertSegment(db, {
      documentId: 1 + (i % 2),
      coderId: i % 3 === 0 ? C : A,
      start: i % 7,
      end: 12 + (i % 9),
      codeIds: [mgf.cells[i % 9]!.codeId, i % 2 ? child : parent, ...(i % 4 === 0 ? [regionalCode] : [])],
    });
  }
  updateSegment(db, 1, { start: 2, end: 14 });
  removeSegmentCodes(db, 2, [db.prepare('SELECT code_id FROM segment_codes WHERE segment_id = 2 LIMIT 1').pluck().get() as number]);
  deleteSegment(db, 3);
  db.prepare('UPDATE codes SET parent_id = ? WHERE id = ?').run(parent, db.prepare("SELECT id FROM codes WHERE name = 'T4'").pluck().get());
}

describe('bulkWrite', () => {
  it('leaves the same counts as the triggers would, equal to a fresh rebuild, and the same schema', () => {
    // The same changes made row by row (triggers on) and in bulk must leave identical derived tables.
    const byTriggers = matrixFixture().db;
    byTriggers.transaction(() => manyChanges(byTriggers))();
    const bulk = matrixFixture().db;
    const before = schema(bulk);
    bulk.transaction(() => bulkWrite(bulk, () => manyChanges(bulk)))();
    expect(schema(bulk)).toEqual(before);
    expect(rowsOf(bulk, DERIVED)).toEqual(rowsOf(byTriggers, DERIVED));
    expectDerivedMatchRebuild(bulk);
  });

  it('writes a large write without the secondary indexes of segments and segment_codes, built again as stored', () => {
    const byTriggers = matrixFixture().db;
    byTriggers.transaction(() => manyChanges(byTriggers))();
    const bulk = matrixFixture().db;
    const before = schema(bulk);
    const indexes = () =>
      bulk
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('segments', 'segment_codes') AND sql IS NOT NULL")
        .pluck()
        .all() as string[];
    const stored = indexes();
    expect(stored).toEqual(expect.arrayContaining(['segments_by_document', 'segments_longest', 'segment_codes_by_code']));
    const during = bulk.transaction(() =>
      bulkWrite(
        bulk,
        () => {
          manyChanges(bulk);
          return indexes();
        },
        'all',
        10_000,
      ),
    )();
    expect(during).toEqual([]);
    expect(schema(bulk)).toEqual(before);
    expect(bulk.prepare('PRAGMA integrity_check').pluck().all()).toEqual(['ok']);
    expect(rowsOf(bulk, DERIVED)).toEqual(rowsOf(byTriggers, DERIVED));
    // A small write keeps them.
    expect(bulk.transaction(() => bulkWrite(bulk, indexes, 'all', 10))()).toEqual(stored);
  });

  it('indexes the paragraphs a write adds for search in one statement after it, as the trigger would have', () => {
    // New documents (an emoji inside a paragraph before others: offsets are code points) and an old paragraph removed.
    const changes = (db: Db) => {
      for (const name of ['New 1', 'New 2']) {
        insertDocument(db, {
          name,
          ...parsePlainTranscript(`DCS: Budgets 😀 pooled.\nHead: Naïve ${name} boards.\nDCS: Inspection.`),
          sourceName: null,
          sourceType: 'txt',
        });
      }
      db.prepare('DELETE FROM paragraphs WHERE document_id = 2 AND n = 2').run();
    };
    const index = (db: Db) =>
      ['search_stemmed', 'search_exact'].map((table) => db.prepare(`SELECT rowid, text FROM ${table} ORDER BY rowid`).all());
    const byTriggers = matrixFixture().db;
    byTriggers.transaction(() => changes(byTriggers))();
    const bulk = matrixFixture().db;
    const during = bulk.transaction(() =>
      bulkWrite(bulk, () => {
        changes(bulk);
        return bulk.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all();
      }),
    )();
    expect(during).not.toContain(SEARCH_TRIGGER);
    expect(index(bulk)).toEqual(index(byTriggers));
    expect(index(bulk)[0]!.length).toBeGreaterThan(6);
    for (const table of ['search_stemmed', 'search_exact']) bulk.exec(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`);
    expect(bulk.prepare("SELECT count(*) FROM search_stemmed WHERE search_stemmed MATCH 'budget'").pluck().get()).toBe(2);
  });

  it('suspends the count triggers only while writing, and keeps them after', () => {
    const { db } = matrixFixture();
    const triggers = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
    const during = db.transaction(() => bulkWrite(db, triggers))();
    for (const name of COUNT_TRIGGERS) {
      expect(during).not.toContain(name);
      expect(triggers()).toContain(name);
    }
    // Kept up by the triggers again afterwards.
    db.transaction(() =>
      insertSegment(db, { documentId: 1, coderId: 1, start: 1, end: 4, codeIds: [listFrameworks(db)[0]!.cells[2]!.codeId] }),
    )();
    expectDerivedMatchRebuild(db);
  });

  it('must run inside a transaction, and a failed write rolls back with the triggers in place', () => {
    const { db } = matrixFixture();
    expect(() => bulkWrite(db, () => 1)).toThrow(/inside a transaction/);
    const before = schema(db);
    const segments = rowsOf(db, ['segments', 'segment_codes']);
    expect(() =>
      db.transaction(() =>
        bulkWrite(db, () => {
          deleteSegment(db, 1);
          throw new Error('stop');
        }),
      )(),
    ).toThrow('stop');
    expect(schema(db)).toEqual(before);
    expect(rowsOf(db, ['segments', 'segment_codes'])).toEqual(segments);
    expectDerivedMatchRebuild(db);
  });

  it('cannot store a coding that disagrees with its segment, though the guard trigger is suspended while writing', () => {
    const { db } = matrixFixture();
    const before = rowsOf(db, ['segment_codes']);
    const { documentId, coderId } = db
      .prepare('SELECT document_id AS documentId, coder_id AS coderId FROM segments WHERE id = 1')
      .get() as {
      documentId: number;
      coderId: number;
    };
    const code = db
      .prepare('SELECT id FROM codes WHERE codable AND id NOT IN (SELECT code_id FROM segment_codes WHERE segment_id = 1) LIMIT 1')
      .pluck()
      .get();
    const insert = db.prepare('INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (1, ?, ?, ?)');
    const triggers = () => db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
    const wrong = [
      [documentId + 1, coderId],
      [documentId, coderId + 1],
    ];
    for (const [document, coder] of wrong) {
      for (const recount of ['all', 'touched'] as const) {
        expect(() =>
          db.transaction(() =>
            bulkWrite(
              db,
              (touched) => {
                for (const name of GUARD_TRIGGERS) expect(triggers()).not.toContain(name);
                insert.run(code, document, coder);
                touched.add(documentId, coderId);
              },
              recount,
            ),
          )(),
        ).toThrow('A coding of segment 1 does not copy the document and coder of its segment.');
      }
    }
    expect(rowsOf(db, ['segment_codes'])).toEqual(before);
    for (const name of GUARD_TRIGGERS) expect(triggers()).toContain(name);
  });

  it('ignores a code a segment already has, as the guard trigger did', () => {
    const { db } = matrixFixture();
    const codes = db.prepare('SELECT code_id FROM segment_codes WHERE segment_id = 1').pluck().all() as number[];
    db.transaction(() => bulkWrite(db, () => addSegmentCodes(db, 1, codes)))();
    expect(db.prepare('SELECT code_id FROM segment_codes WHERE segment_id = 1').pluck().all()).toEqual(codes);
    expectDerivedMatchRebuild(db);
  });
});

/**
 * Changes inside two (document, coder) pairs only, each reported to `touched` when given: segments of a
 * new coder C in document 2 (one with an emoji before it, carrying a slice value on a cell and a new
 * code), a new segment of A in document 1 overlapping A's, and one of A's codes there taken off.
 */
function pairChanges(db: Db, touched?: TouchedPairs) {
  const mgf = listFrameworks(db)[0]!;
  const A = ensureCoder(db, 'A').id;
  const C = ensureCoder(db, 'C').id;
  const added = createCode(db, { parentId: db.prepare("SELECT id FROM codes WHERE name = 'Themes'").pluck().get() as number, name: 'New' });
  const national = mgf.slices.find((s) => s.name === 'National')!.codeId;
  insertSegment(db, { documentId: 2, coderId: C, start: 18, end: 25, codeIds: [mgf.cells[0]!.codeId, national, added] });
  insertSegment(db, { documentId: 2, coderId: C, start: 20, end: 30, codeIds: [mgf.cells[4]!.codeId] });
  insertSegment(db, { documentId: 1, coderId: A, start: 3, end: 20, codeIds: [added, mgf.cells[0]!.codeId] });
  removeSegmentCodes(db, 1, [db.prepare("SELECT id FROM codes WHERE name = 'T1'").pluck().get() as number]);
  touched?.add(2, C);
  touched?.add(1, A);
}

describe('bulkWrite recounting only the touched pairs', () => {
  it('leaves the same counts as the triggers would, equal to a fresh rebuild', () => {
    const byTriggers = matrixFixture().db;
    byTriggers.transaction(() => pairChanges(byTriggers))();
    const bulk = matrixFixture().db;
    bulk.transaction(() => bulkWrite(bulk, (touched) => pairChanges(bulk, touched), 'touched'))();
    expect(rowsOf(bulk, DERIVED)).toEqual(rowsOf(byTriggers, DERIVED));
    expectDerivedMatchRebuild(bulk);
  });

  it('recounts nothing outside those pairs: a count planted in an untouched pair stays', () => {
    const { db } = matrixFixture();
    // Coder B's counts in document 1 are wrong on purpose (as if they had drifted): only a full recount
    // would put them right, so finding them unchanged shows that the write recounted only its pairs.
    const B = ensureCoder(db, 'B').id;
    const plant = () => {
      db.prepare('UPDATE cooccurrence SET overlapping = overlapping + 100 WHERE coder_id = ? AND document_id = 1').run(B);
      db.prepare('UPDATE code_tallies SET own = own + 100 WHERE coder_id = ? AND document_id = 1').run(B);
    };
    db.transaction(plant)();
    const planted = db.prepare('SELECT overlapping FROM cooccurrence WHERE coder_id = ? AND document_id = 1 ORDER BY 1').pluck().all(B);
    db.transaction(() => bulkWrite(db, (touched) => pairChanges(db, touched), 'touched'))();
    expect(db.prepare('SELECT overlapping FROM cooccurrence WHERE coder_id = ? AND document_id = 1 ORDER BY 1').pluck().all(B)).toEqual(
      planted,
    );
    // Taking the planted counts out again leaves exactly a rebuild's rows: the touched pairs are right.
    db.transaction(() => {
      db.prepare('UPDATE cooccurrence SET overlapping = overlapping - 100 WHERE coder_id = ? AND document_id = 1').run(B);
      db.prepare('UPDATE code_tallies SET own = own - 100 WHERE coder_id = ? AND document_id = 1').run(B);
    })();
    expectDerivedMatchRebuild(db);
  });

  it('recounts everything when a code that existed moved or took a framework role during the write', () => {
    // manyChanges moves T4 under a new code and adds a slice value: every pair coding T4 or a cell changes,
    // though the write reports no pair at all.
    const byTriggers = matrixFixture().db;
    byTriggers.transaction(() => manyChanges(byTriggers))();
    const bulk = matrixFixture().db;
    bulk.transaction(() => bulkWrite(bulk, () => manyChanges(bulk), 'touched'))();
    expect(rowsOf(bulk, DERIVED)).toEqual(rowsOf(byTriggers, DERIVED));
    expectDerivedMatchRebuild(bulk);
  });
});
