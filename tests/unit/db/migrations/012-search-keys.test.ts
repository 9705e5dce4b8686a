import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../../db/ids';
import { migrations } from '../../../../db/migrations';
import type { Db } from '../../../../db/project-file';
import { deleteDocument } from '../../../../db/queries/documents';
import { recordStep, redoNext, undoLast } from '../../../../db/undo';
import { joinTurns, splitTurn } from '../../../../electron/services/turns';
import { expectSearchIndexExact, searchResults } from '../../search-index-check';
import { expectDerivedMatchRebuild, hitsByTurnNumber, projectAt, QUERIES, rowsOf, seedRows, upgrade } from './old-projects';

// Written as step 12; its number is its place in the list until the steps of other branches are merged.
const STEP = migrations.find((m) => m.name === 'search keys kept when turns are renumbered')!.version;

const TEXT_3 = 'DCS: Budgets 😀 first, then schools.\nHead: Jon agreed, naïve 👍🏽 plan.\nDCS: Then the board 🇬🇧 met.';
const paragraphRows = (db: Db) =>
  rowsOf(db, ['paragraphs'], { paragraphs: ['document_id', 'n', 'start', 'end', 'body_start', 'speaker', 'time_ms'] }).paragraphs;

describe(`schema step ${STEP} (search keys kept when turns are renumbered)`, () => {
  it('keys an old project’s paragraphs with the same search results, puts back with a key the paragraphs its undo history had logged without, and splits or joins re-index under the keys', () => {
    const { file, db: old } = projectAt(STEP - 1);
    seedRows(old);
    // A third interview of three turns, its rows as the step before wrote them (indexed by step 5's trigger).
    old
      .prepare(
        `INSERT INTO documents (id, guid, name, plain_text, char_count, content_hash, source_type, created_at, modified_at)
         VALUES (3, 'D3', 'Interview 3', ?, ?, ?, 'txt', '', '')`,
      )
      .run(TEXT_3, [...TEXT_3].length, sha256(TEXT_3));
    let offset = 0;
    TEXT_3.split('\n').forEach((line, i) => {
      const length = [...line].length;
      const label = [...line.slice(0, line.indexOf(': ') + 2)].length;
      old
        .prepare('INSERT INTO paragraphs (document_id, n, start, end, body_start, speaker) VALUES (3, ?, ?, ?, ?, ?)')
        .run(i + 1, offset, offset + length, offset + label, line.slice(0, line.indexOf(':')));
      offset += length + 1;
    });
    const written = paragraphRows(old);
    // Two steps whose undo puts paragraph rows back, logged without a key: a turn removed from the middle
    // of interview 3, and interview 1 deleted.
    old.transaction(() =>
      recordStep(old, 'Remove turn', 1, () => old.prepare('DELETE FROM paragraphs WHERE document_id = 3 AND n = 2').run()),
    )();
    old.transaction(() => recordStep(old, 'Delete document', 1, () => deleteDocument(old, 1)))();
    const removed = paragraphRows(old);
    const before = hitsByTurnNumber(old, QUERIES);
    old.close();

    // The undo log is rewritten where it puts a paragraph back (checked below); the search results are the same.
    const db = upgrade(file, STEP - 1, ['undo_log']);
    expect(searchResults(db, QUERIES)).toEqual(before);
    expect(before.flat().length).toBeGreaterThan(5);
    expectSearchIndexExact(db, QUERIES);
    // Interview 3's turns 1 and 3, spread over its range of keys (2^32 / (3 + 1) apart).
    const keys = db.prepare('SELECT n, search_key - 3 * 4294967296 FROM paragraphs WHERE document_id = 3 ORDER BY n').raw().all();
    expect(keys).toEqual([
      [1, 2 ** 30],
      [3, 3 * 2 ** 30],
    ]);
    const unkeyed = `SELECT count(*) FROM undo_log WHERE statement LIKE 'INSERT INTO "paragraphs" (%' AND statement NOT LIKE '%"search_key"%'`;
    expect(db.prepare(unkeyed).pluck().get()).toBe(0);

    // Interview 1 comes back with its paragraph, then interview 3's turn 2 between its neighbours.
    expect(db.transaction(() => undoLast(db, 1)?.label)()).toBe('Delete document');
    expectSearchIndexExact(db, QUERIES);
    expect(db.transaction(() => undoLast(db, 1)?.label)()).toBe('Remove turn');
    expect(paragraphRows(db)).toEqual(written);
    // Interview 1's turn at n * 2^16 in its range; interview 3's turn 2 halfway between its neighbours' keys.
    const key = (documentId: number, n: number) =>
      db.prepare('SELECT search_key FROM paragraphs WHERE document_id = ? AND n = ?').pluck().get(documentId, n);
    expect([key(1, 1), key(3, 2)]).toEqual([2 ** 32 + 2 ** 16, 3 * 2 ** 32 + 2 ** 31]);
    expectSearchIndexExact(db, QUERIES);
    const turn2 = ['Interview 3', 2, 'Jon agreed, naïve 👍🏽 \u0001plan\u0002.'];
    expect(searchResults(db, ['plan'])).toEqual([[turn2], [turn2]]);
    db.transaction(() => redoNext(db, 1))();
    db.transaction(() => redoNext(db, 1))();
    expect(paragraphRows(db)).toEqual(removed);
    expectSearchIndexExact(db, QUERIES);
    db.transaction(() => undoLast(db, 1))();
    db.transaction(() => undoLast(db, 1))();

    // Today's turn edits on the upgraded project: a split and a join, each re-indexed under the keys and undone exactly.
    const at = [...TEXT_3.slice(0, TEXT_3.indexOf(' then'))].length;
    db.transaction(() => recordStep(db, 'Split turn', 1, () => splitTurn(db, 3, at, 'Ana')))();
    db.transaction(() => recordStep(db, 'Join turns', 1, () => joinTurns(db, 3, 3)))();
    expect(searchResults(db, ['schools OR jon'])[0]!.filter((hit) => hit[0] === 'Interview 3')).toEqual([
      ['Interview 3', 2, 'then \u0001schools\u0002.'],
      ['Interview 3', 3, '\u0001Jon\u0002 agreed, naïve 👍🏽 plan. Then the board 🇬🇧 met.'],
    ]);
    expectSearchIndexExact(db, QUERIES);
    db.transaction(() => undoLast(db, 1))();
    db.transaction(() => undoLast(db, 1))();
    expect(paragraphRows(db)).toEqual(written);
    expectSearchIndexExact(db, QUERIES);
    expectDerivedMatchRebuild(db);
    db.close();
  });
});
