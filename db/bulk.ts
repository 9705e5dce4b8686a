// The one path for writes of many rows at once (a merge, a coder copy, a synthetic corpus): the triggers
// that keep code counts and co-occurrence exact cost about 0.5 ms per coded code, ~25 s for 50,000
// segments. bulkWrite suspends them, writes, and rebuilds the counts in one pass, all inside the caller's
// transaction, so nothing outside it ever sees counts that disagree with the codings.
import { rebuildCodeCounts, rebuildCodeTotals, recountCodeTallies } from './code-counts';
import { rebuildCooccurrenceTotals } from './cooccurrence';
import { recountCooccurrence, type Pair } from './cooccurrence-recount';
import { stmt } from './statements';
import type { Db } from './project-file';

/**
 * The triggers that keep the derived tables exact row by row as codings, segments, codes and framework
 * cells or slices change (db/code-counts.ts, db/cooccurrence.ts), and those that keep the totals in step
 * with code_tallies and cooccurrence.
 */
export const COUNT_TRIGGERS = [
  'code_counts_coding_added',
  'code_counts_coding_removed',
  'code_counts_coding_changed',
  'code_counts_code_added',
  'code_counts_code_removed',
  'code_counts_code_moved',
  'code_counts_tally_added',
  'code_counts_tally_removed',
  'code_counts_tally_changed',
  'cooccurrence_code_added',
  'cooccurrence_code_removed',
  'cooccurrence_segment_resized',
  'cooccurrence_slice_added',
  'cooccurrence_slice_removed',
  'cooccurrence_slice_changed',
  'cooccurrence_cell_added',
  'cooccurrence_cell_removed',
  'cooccurrence_cell_changed',
  'cooccurrence_totals_insert',
  'cooccurrence_totals_update',
  'cooccurrence_totals_delete',
] as const;

/**
 * Guards on each segment_codes insert, 2.4 s of the synthetic build's 9 s of CPU: suspended as the writers keep
 * their rule by construction. insertSegment(s), addSegmentCodes and insertSegmentRow copy the document and
 * coder of the segment they code and never insert a code a segment already has (OR IGNORE, or distinct
 * codes). The recount checks each coding it reads against its segment all the same (every coding, or the
 * touched pairs', which are the only ones a 'touched' writer may write) and throws, rolling the write back.
 */
export const GUARD_TRIGGERS = ['segment_codes_copy_their_segment', 'cooccurrence_code_already_there'] as const;

/**
 * Indexes each new paragraph for search: per row it reads the document's whole text twice and feeds FTS5
 * one paragraph at a time, about five times the cost of indexing every new paragraph in one statement after
 * the write (indexNewParagraphs). The trigger that removes a paragraph's row stays; a text edit reindexes
 * its paragraphs itself (search_reindex, schema step 9).
 */
export const SEARCH_TRIGGER = 'search_paragraph_added';

const SUSPENDED: readonly string[] = [...COUNT_TRIGGERS, ...GUARD_TRIGGERS, SEARCH_TRIGGER];

/**
 * What the suspended SEARCH_TRIGGER would have written (a row per paragraph under its search key, schema step 12): every paragraph without its
 * row in an index, whatever the write did to it, gets one. NOT IN reads the index's rowids once; NOT EXISTS
 * would open an FTS5 cursor per paragraph (30 times slower).
 */
function indexNewParagraphs(db: Db): void {
  for (const table of ['search_stemmed', 'search_exact']) {
    stmt(
      db,
      `INSERT INTO ${table} (rowid, text)
       SELECT p.search_key, substr(d.plain_text, p.body_start + 1, p.end - p.body_start)
         FROM paragraphs p JOIN documents d ON d.id = p.document_id
        WHERE p.search_key NOT IN (SELECT rowid FROM ${table})`,
    ).run();
  }
}

/** The (document, coder) pairs a bulk write changed segments or codings in: the writer adds each. */
export class TouchedPairs {
  private readonly byKey = new Map<string, Pair>();

  add(documentId: number, coderId: number): void {
    const key = `${documentId}/${coderId}`;
    if (!this.byKey.has(key)) this.byKey.set(key, { documentId, coderId });
  }

  get pairs(): Pair[] {
    return [...this.byKey.values()];
  }
}

/**
 * What the counts of a pair depend on besides its own codings, for every code: its parent (the tallies
 * count up the lineage) and whether it is a framework cell or a slice value's code (co-occurrence layers).
 */
function codeRoles(db: Db): Map<number, string> {
  const rows = stmt(
    db,
    `SELECT id, parent_id, id IN (SELECT code_id FROM framework_cells),
            id IN (SELECT code_id FROM framework_values WHERE axis = 'slice' AND code_id IS NOT NULL) FROM codes`,
  )
    .raw()
    .all() as [number, number | null, number, number][];
  return new Map(rows.map(([id, ...role]) => [id, role.join('/')]));
}

/** Whether every code there was before still has the same role: new codes cannot be coded outside the touched pairs. */
const rolesKept = (before: Map<number, string>, after: Map<number, string>) =>
  [...before].every(([id, role]) => !after.has(id) || after.get(id) === role);

/** Below this many new segments, or fewer than half as many as the project holds, the indexes stay. */
const LARGE_WRITE = 10_000;

/**
 * The secondary indexes of segments and segment_codes, when a write of `expected` segments is large enough
 * that building them once from sorted data (a few hundred ms for 100,000 segments) beats a random insert
 * into each per row. Unique ones stay: they refuse a row as it is inserted.
 */
function indexesToRebuild(db: Db, expected: number): { name: string; sql: string }[] {
  if (expected < LARGE_WRITE || expected * 2 < (stmt(db, 'SELECT count(*) FROM segments').pluck().get() as number)) return [];
  return stmt(
    db,
    `SELECT name, sql FROM sqlite_master
      WHERE type = 'index' AND tbl_name IN ('segments', 'segment_codes') AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE %'`,
  ).all() as { name: string; sql: string }[];
}

/**
 * Runs `write` with the count triggers, the segment_codes guards, the search index's paragraph insert and
 * the undo-recording triggers dropped (a bulk write is never an undo step, so those only test that nothing
 * records: half the cost of a plain insert), then indexes the new paragraphs, rebuilds the counts in one
 * pass (checking the codings against their segments) and recreates the triggers exactly as they were
 * stored (the schema is unchanged).
 * Must run inside a transaction: if anything throws, the rollback restores the triggers with the rest.
 *
 * recount 'all' recounts every pair. 'touched' recounts only the pairs the writer added to the TouchedPairs
 * it is given (a merge adds one coder's work to a large project), provided no code that existed before
 * moved or became or stopped being a framework cell or slice value; if one did, everything is recounted.
 *
 * expectedSegments: about how many segments the write adds. A large write (LARGE_WRITE) runs without the
 * secondary indexes of segments and segment_codes, built again from their stored SQL before the recount.
 */
export function bulkWrite<T>(db: Db, write: (touched: TouchedPairs) => T, recount: 'all' | 'touched' = 'all', expectedSegments = 0): T {
  if (!db.inTransaction) throw new Error('bulkWrite must run inside a transaction.');
  if (stmt(db, 'SELECT step_id FROM undo_recording').pluck().get() !== null) throw new Error('A bulk write cannot be an undo step.');
  const stored = db
    .prepare(
      `SELECT name, sql FROM sqlite_master
        WHERE type = 'trigger' AND (name IN (${SUSPENDED.map(() => '?').join(', ')}) OR name LIKE 'undo\\_%' ESCAPE '\\')`,
    )
    .all(...SUSPENDED) as { name: string; sql: string }[];
  const missing = SUSPENDED.filter((name) => !stored.some((t) => t.name === name));
  if (missing.length > 0) throw new Error(`The project lacks the triggers ${missing.join(', ')}.`);
  for (const { name } of stored) db.exec(`DROP TRIGGER "${name}"`);
  const indexes = indexesToRebuild(db, expectedSegments);
  for (const { name } of indexes) db.exec(`DROP INDEX "${name}"`);
  const roles = recount === 'touched' ? codeRoles(db) : null;
  const touched = new TouchedPairs();
  const result = write(touched);
  for (const { sql } of indexes) db.exec(sql);
  indexNewParagraphs(db);
  if (roles && rolesKept(roles, codeRoles(db))) {
    recountCodeTallies(db, touched.pairs);
    recountCooccurrence(db, touched.pairs);
  } else {
    rebuildCodeCounts(db);
    recountCooccurrence(db);
  }
  // Summed whole: one pass over the kept rows, far cheaper than the recounts above.
  rebuildCodeTotals(db);
  rebuildCooccurrenceTotals(db);
  for (const { sql } of stored) db.exec(sql);
  return result;
}
