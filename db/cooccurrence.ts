// Precomputed code co-occurrence, kept exact by triggers, so that a matrix over 100,000 segments is an
// aggregate over a few thousand rows instead of a self-join of every segment with its neighbours.
//
// The rule (README, "The framework matrix"): segment t "carries" its own codes; a code co-occurs with t
// when t carries it (same segment) or when a segment by the same coder in the same document whose range
// overlaps t's carries it (overlapping; ranges touching end-to-start do not overlap). For every code c
// a segment carries, every layer s it is counted in, and every code o co-occurring with it, the tables
// count the segment once:
//   cooccurrence(code_id c, slice_id s, other_id o, coder_id, document_id, same_segment, overlapping)
// slice_id 0 means "any layer"; a non-zero slice_id is the code of a framework slice value the segment
// carries, and such rows exist only when c is a framework cell code (the matrix's slice selector).
// The row with other_id = code_id counts the segments carrying the code. cooccurrence_totals is the
// same without the document, for unfiltered matrices.
//
// Triggers (all AFTER the change, so a write skipped by OR IGNORE changes nothing) apply exact deltas
// when one code is added to or removed from a segment, the frequent case. A resized segment's
// neighbourhood is subtracted as it was and added as it is; a slice value or cell added or removed
// recomputes that slice's or cell's rows. segment_codes rows are added and removed, never updated.
//
// This is the current definition. Schema step 4 froze the SQL it generated (db/migrations); the schema
// tests hold a project's tables and triggers to this text, so a change here needs a new step that
// replaces them.
import type { Db } from './project-file';

const UPSERT = `ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping`;

const INSERT = 'INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)';

/** Layers a count can be kept for: 0 (any) and every framework slice value's code. */
const SLICE_KEYS = `(SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice')`;

/** Whether anchor code `code` of segment `segment` is counted in layer k.slice_id (`extraSlice`: a code it carried a moment ago). */
const sliceApplies = (code: string, segment: string, extraSlice?: string) =>
  `(k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = ${code})
     AND (${extraSlice ? `k.slice_id = ${extraSlice} OR ` : ''}EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = ${segment} AND code_id = k.slice_id))))`;

/**
 * Segments v by the segment's coder in its document whose range overlaps [start, end) (the segment itself
 * included). No segment there is longer than the longest one, so v starts at most that far before
 * `start`: the index range stays near the passage instead of reaching back to the document's start.
 */
const overlapsRange = (v: string, document: string, coder: string, start: string, end: string) =>
  `${v}.document_id = ${document} AND ${v}.coder_id = ${coder} AND ${v}.start < ${end} AND ${start} < ${v}.end
   AND ${v}.start >= ${start} - (SELECT max(end - start) FROM segments WHERE document_id = ${document} AND coder_id = ${coder})`;

const rangeOf = (segment: string) => ({
  start: `(SELECT start FROM segments WHERE id = ${segment})`,
  end: `(SELECT end FROM segments WHERE id = ${segment})`,
});

interface Contribution {
  /** Which segments' contributions: a condition on u. */
  anchors: string;
  sign: 1 | -1;
  /** The segments table, or the same rows as they were before a change. */
  segments?: string;
  /** Only these rows (a condition on a.code_id and k.slice_id). */
  only?: string;
  /**
   * 'CROSS JOIN' makes SQLite walk every segment in order and look up its neighbours and codes: for all
   * segments at once that is twice as fast as the plan it picks itself (the triggers keep plain JOIN).
   */
  join?: 'JOIN' | 'CROSS JOIN';
}

/** Adds or removes the whole contribution of some segments: for each, its codes × layers × co-occurring codes. */
function contributionSql({ anchors, sign, segments = 'segments', only = 'true', join = 'JOIN' }: Contribution): string {
  return `${INSERT}
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, ${sign} * sum(o.own), ${sign} * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM ${segments} u
          ${join} ${segments} v ON ${overlapsRange('v', 'u.document_id', 'u.coder_id', 'u.start', 'u.end')}
          ${join} segment_codes vc ON vc.segment_id = v.id
         WHERE ${anchors}
         GROUP BY u.id, vc.code_id) o
  ${join} segment_codes a ON a.segment_id = o.segment_id
  JOIN ${SLICE_KEYS} k ON ${sliceApplies('a.code_id', 'o.segment_id')}
 WHERE ${only}
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
${UPSERT};`;
}

const CLEAN_UP = `DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0;`;

/**
 * Code x added to (sign 1, after the insert) or removed from (sign -1, after the delete) segment t.
 * Three parts: t's rows where x is the anchor code or the layer; t's other rows gaining or losing x as a
 * co-occurring code; and overlapping segments of the same coder for which x starts or stops co-occurring.
 */
function codeDeltaSql(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const t = `${row}.segment_id`;
  const x = `${row}.code_id`;
  const d = `${row}.document_id`;
  const k = `${row}.coder_id`;
  const { start, end } = rangeOf(t);
  // After a delete, t no longer carries x: put it back where the "before" state is needed.
  const removed = sign === -1;
  const anchorCodes = removed
    ? `(SELECT code_id FROM segment_codes WHERE segment_id = ${t} UNION SELECT ${x})`
    : `(SELECT code_id FROM segment_codes WHERE segment_id = ${t})`;
  const coOccurring = `(SELECT other_id, max(own) AS own FROM (
        SELECT vc.code_id AS other_id, v.id = ${t} AS own
          FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE ${overlapsRange('v', d, k, start, end)}
        ${removed ? `UNION ALL SELECT ${x}, 1` : ''}) GROUP BY other_id)`;
  const neighbourCarriesX = (u: string, uStart: string, uEnd: string) =>
    `EXISTS (SELECT 1 FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id AND vc.code_id = ${x}
              WHERE ${overlapsRange('v', d, k, uStart, uEnd)} AND v.id <> ${t}${u ? ` AND v.id <> ${u}` : ''})`;
  return `
${INSERT}
SELECT a.code_id, k.slice_id, o.other_id, ${k}, ${d}, ${sign} * o.own, ${sign}
  FROM ${anchorCodes} a
  JOIN ${SLICE_KEYS} k ON ${sliceApplies('a.code_id', t, removed ? x : undefined)}
  JOIN ${coOccurring} o
 WHERE a.code_id = ${x} OR k.slice_id = ${x}
${UPSERT};
${INSERT}
SELECT a.code_id, k.slice_id, ${x}, ${k}, ${d}, ${sign}, ${sign} * NOT ${neighbourCarriesX('', start, end)}
  FROM segment_codes a
  JOIN ${SLICE_KEYS} k ON ${sliceApplies('a.code_id', t)}
 WHERE a.segment_id = ${t} AND a.code_id <> ${x} AND k.slice_id <> ${x}
${UPSERT};
${INSERT}
SELECT a.code_id, k.slice_id, ${x}, ${k}, ${d}, 0, ${sign}
  FROM segments u
  JOIN segment_codes a ON a.segment_id = u.id
  JOIN ${SLICE_KEYS} k ON ${sliceApplies('a.code_id', 'u.id')}
 WHERE ${overlapsRange('u', d, k, start, end)} AND u.id <> ${t}
   AND NOT EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = u.id AND code_id = ${x})
   AND NOT ${neighbourCarriesX('u.id', 'u.start', 'u.end')}
${UPSERT};
${removed ? CLEAN_UP : ''}`;
}

/** The resized segment's document and coder, with its range as it was before the update. */
const SEGMENTS_BEFORE_RESIZE = `(SELECT id, document_id, coder_id,
    CASE id WHEN OLD.id THEN OLD.start ELSE start END AS start, CASE id WHEN OLD.id THEN OLD.end ELSE end END AS end
  FROM segments WHERE document_id = OLD.document_id AND coder_id = OLD.coder_id)`;

/** The resized segment and every same-coder segment overlapping its old or its new range. */
const RESIZED_NEIGHBOURHOOD = `u.id IN (SELECT n.id FROM segments n
   WHERE n.document_id = OLD.document_id AND n.coder_id = OLD.coder_id
     AND (n.id = OLD.id OR (n.start < OLD.end AND OLD.start < n.end) OR (n.start < NEW.end AND NEW.start < n.end)))`;

/** Recomputes the rows kept for some codes as layers (slice values) or as cells, after they became or stopped being one. */
function refreshSql(codes: string, as: 'slice' | 'cell'): string {
  const rows = as === 'slice' ? `slice_id IN (${codes})` : `code_id IN (${codes}) AND slice_id <> 0`;
  return `DELETE FROM cooccurrence WHERE ${rows};
${contributionSql({
  anchors: `u.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (${codes}))`,
  sign: 1,
  only: as === 'slice' ? `k.slice_id IN (${codes})` : `a.code_id IN (${codes}) AND k.slice_id <> 0`,
})}
${CLEAN_UP}`;
}

const refreshTriggers = (table: string, as: 'slice' | 'cell', columns: string, when: (row: 'NEW' | 'OLD') => string = () => 'true') => `
CREATE TRIGGER cooccurrence_${as}_added AFTER INSERT ON ${table} WHEN ${when('NEW')} BEGIN ${refreshSql('NEW.code_id', as)} END;
CREATE TRIGGER cooccurrence_${as}_removed AFTER DELETE ON ${table} WHEN ${when('OLD')} BEGIN ${refreshSql('OLD.code_id', as)} END;
CREATE TRIGGER cooccurrence_${as}_changed AFTER UPDATE OF ${columns} ON ${table} WHEN ${when('OLD')} OR ${when('NEW')}
BEGIN ${refreshSql('OLD.code_id, NEW.code_id', as)} END;`;

export const COOCCURRENCE_SCHEMA = `
CREATE TABLE cooccurrence (
  code_id      INTEGER NOT NULL,
  slice_id     INTEGER NOT NULL,
  other_id     INTEGER NOT NULL,
  coder_id     INTEGER NOT NULL,
  document_id  INTEGER NOT NULL,
  same_segment INTEGER NOT NULL,
  overlapping  INTEGER NOT NULL,
  -- In the order a matrix reads them: a cell's code, its layer, then each co-occurring code.
  PRIMARY KEY (code_id, slice_id, other_id, coder_id, document_id)
) WITHOUT ROWID;
CREATE INDEX cooccurrence_emptied ON cooccurrence(overlapping) WHERE overlapping = 0;

CREATE TABLE cooccurrence_totals (
  code_id      INTEGER NOT NULL,
  slice_id     INTEGER NOT NULL,
  other_id     INTEGER NOT NULL,
  coder_id     INTEGER NOT NULL,
  same_segment INTEGER NOT NULL,
  overlapping  INTEGER NOT NULL,
  PRIMARY KEY (code_id, slice_id, other_id, coder_id)
) WITHOUT ROWID;
CREATE INDEX cooccurrence_totals_emptied ON cooccurrence_totals(overlapping) WHERE overlapping = 0;

-- Finding a segment's same-coder neighbours, and how far back they can start.
CREATE INDEX segments_by_document_coder ON segments(document_id, coder_id, start, end);
CREATE INDEX segments_longest ON segments(document_id, coder_id, end - start);

CREATE TRIGGER cooccurrence_totals_insert AFTER INSERT ON cooccurrence BEGIN
  INSERT INTO cooccurrence_totals (code_id, slice_id, other_id, coder_id, same_segment, overlapping)
  VALUES (NEW.code_id, NEW.slice_id, NEW.other_id, NEW.coder_id, NEW.same_segment, NEW.overlapping)
  ON CONFLICT (code_id, slice_id, other_id, coder_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
END;
CREATE TRIGGER cooccurrence_totals_update AFTER UPDATE ON cooccurrence BEGIN
  UPDATE cooccurrence_totals
     SET same_segment = same_segment + NEW.same_segment - OLD.same_segment, overlapping = overlapping + NEW.overlapping - OLD.overlapping
   WHERE code_id = NEW.code_id AND slice_id = NEW.slice_id AND other_id = NEW.other_id AND coder_id = NEW.coder_id;
END;

CREATE TRIGGER cooccurrence_totals_delete AFTER DELETE ON cooccurrence BEGIN
  UPDATE cooccurrence_totals SET same_segment = same_segment - OLD.same_segment, overlapping = overlapping - OLD.overlapping
   WHERE code_id = OLD.code_id AND slice_id = OLD.slice_id AND other_id = OLD.other_id AND coder_id = OLD.coder_id;
END;

CREATE TRIGGER cooccurrence_code_added AFTER INSERT ON segment_codes BEGIN ${codeDeltaSql('NEW', 1)} END;
CREATE TRIGGER cooccurrence_code_removed AFTER DELETE ON segment_codes BEGIN ${codeDeltaSql('OLD', -1)} END;
-- OR REPLACE of an existing coding would otherwise delete it unseen (no delete triggers) and count it twice.
CREATE TRIGGER cooccurrence_code_already_there BEFORE INSERT ON segment_codes
WHEN EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = NEW.segment_id AND code_id = NEW.code_id)
BEGIN SELECT RAISE(IGNORE); END;
CREATE TRIGGER cooccurrence_codes_not_updated BEFORE UPDATE ON segment_codes
BEGIN SELECT RAISE(ABORT, 'segment_codes rows are added and removed, not updated (co-occurrence counts follow inserts and deletes)'); END;
-- Removing a segment's codes first lets their trigger still see the segment's range.
CREATE TRIGGER cooccurrence_segment_deleted BEFORE DELETE ON segments BEGIN
  DELETE FROM segment_codes WHERE segment_id = OLD.id;
END;
-- A text edit moves the segments after it by the same amount, one statement per stretch (named in
-- segment_shifts while it runs), and stretches in place those holding a whole change that inserts text
-- (named in segments_around_edits): both keep every overlap, so neither is recounted. The segments it cuts
-- otherwise wait out of every neighbourhood meanwhile (db/queries/text-edits.ts).
CREATE TRIGGER cooccurrence_segment_resized AFTER UPDATE OF start, end ON segments
WHEN NOT EXISTS (SELECT 1 FROM segment_shifts t WHERE t.document_id = NEW.document_id AND OLD.start >= t.from_offset
                 AND OLD.start < t.until_offset AND NEW.start = OLD.start + t.delta AND NEW.end = OLD.end + t.delta)
 AND NOT EXISTS (SELECT 1 FROM segments_around_edits WHERE id = NEW.id) BEGIN
  ${contributionSql({ anchors: RESIZED_NEIGHBOURHOOD, sign: -1, segments: SEGMENTS_BEFORE_RESIZE })}
  ${contributionSql({ anchors: RESIZED_NEIGHBOURHOOD, sign: 1 })}
  ${CLEAN_UP}
END;
${refreshTriggers('framework_values', 'slice', 'axis, code_id', (row) => `${row}.axis = 'slice'`)}
${refreshTriggers('framework_cells', 'cell', 'code_id')}
`;

/** Recomputes both tables from the segments (tests and the bench compare the kept ones with it). */
export function rebuildCooccurrence(db: Db): void {
  db.exec(
    `DELETE FROM cooccurrence; DELETE FROM cooccurrence_totals; ${contributionSql({ anchors: 'true', sign: 1, join: 'CROSS JOIN' })}`,
  );
}

/** cooccurrence_totals summed from cooccurrence in one pass: the bulk path's rebuild, with the triggers that keep it suspended. */
export function rebuildCooccurrenceTotals(db: Db): void {
  db.exec(`DELETE FROM cooccurrence_totals;
INSERT INTO cooccurrence_totals (code_id, slice_id, other_id, coder_id, same_segment, overlapping)
  SELECT code_id, slice_id, other_id, coder_id, sum(same_segment), sum(overlapping) FROM cooccurrence GROUP BY 1, 2, 3, 4;`);
}
