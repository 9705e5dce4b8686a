// Code counts kept by triggers: the codebook pane reloads after every coding, and counting 100,000 codings
// (distinct segments per subtree, distinct documents) took ~250 ms; reading the kept totals takes well
// under a millisecond. These tables are derived, so undo does not track them: replaying the tracked
// tables' changes fires the same triggers and keeps them right.
//
// This is the current definition. Schema step 3 froze the SQL it generated (db/migrations); the schema
// tests hold a project's tables and triggers to this text, so a change here needs a new step that
// replaces them.
import type { Pair } from './cooccurrence-recount';
import type { Db } from './project-file';
import { stmt } from './statements';

/** The two tally rows a coding counts in: its coder's, and all coders' (coder_id 0). */
const BOTH = `(SELECT 0 AS every UNION ALL SELECT 1 AS every)`;
const KEY = (row: string) => `iif(x.every, 0, ${row}.coder_id)`;

/** Another coding of that segment, other than `skip`, in the subtree of `ancestor`. */
const otherCodingUnder = (segment: string, ancestor: string, skip: string) =>
  `EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = ${ancestor}
           WHERE o.segment_id = ${segment} AND ${skip})`;

/** A coding row arrived: its code counts it once more, and so does every ancestor not counting the segment yet. */
const countIn = (row: string) => `
  INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
    SELECT l.ancestor_id, ${KEY(row)}, ${row}.document_id, l.ancestor_id = ${row}.code_id, 1 FROM code_lineage l JOIN ${BOTH} x
     WHERE l.code_id = ${row}.code_id
       AND NOT ${otherCodingUnder(`${row}.segment_id`, 'l.ancestor_id', `o.code_id <> ${row}.code_id`)}
    ON CONFLICT DO UPDATE SET own = own + excluded.own, total = total + 1;
  UPDATE code_tallies SET own = own + 1
   WHERE code_id = ${row}.code_id AND document_id = ${row}.document_id AND coder_id IN (${row}.coder_id, 0)
     AND ${otherCodingUnder(`${row}.segment_id`, `${row}.code_id`, `o.code_id <> ${row}.code_id`)};`;

/** A coding row left (`skip` excludes a row that replaced it): the reverse of countIn. */
const countOut = (row: string, skip: string) => `
  UPDATE code_tallies SET own = own - 1
   WHERE code_id = ${row}.code_id AND document_id = ${row}.document_id AND coder_id IN (${row}.coder_id, 0);
  UPDATE code_tallies SET total = total - 1
   WHERE document_id = ${row}.document_id AND coder_id IN (${row}.coder_id, 0)
     AND code_id IN (SELECT l.ancestor_id FROM code_lineage l WHERE l.code_id = ${row}.code_id
                        AND NOT ${otherCodingUnder(`${row}.segment_id`, 'l.ancestor_id', skip)});
  DELETE FROM code_tallies
   WHERE own = 0 AND total = 0 AND document_id = ${row}.document_id AND coder_id IN (${row}.coder_id, 0)
     AND code_id IN (SELECT ancestor_id FROM code_lineage WHERE code_id = ${row}.code_id);`;

/**
 * When the subtree of NEW.id moves, each strict ancestor on one side (`sign` -1: the old ones, before
 * relinking; +1: the new ones, after) loses or gains the segments coded in the subtree that no coding
 * outside the subtree already counts there. The work is proportional to the moved subtree's codings.
 */
const moveSubtree = (sign: '-' | '+') => `
  INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
    SELECT a.ancestor_id, ${KEY('sc')}, sc.document_id, 0, ${sign}count(DISTINCT sc.segment_id)
      FROM code_lineage a
      JOIN code_lineage sub ON sub.ancestor_id = NEW.id
      JOIN segment_codes sc ON sc.code_id = sub.code_id
      JOIN ${BOTH} x
     WHERE a.code_id = NEW.id AND a.ancestor_id <> NEW.id
       AND NOT ${otherCodingUnder('sc.segment_id', 'a.ancestor_id', 'o.code_id NOT IN (SELECT code_id FROM code_lineage WHERE ancestor_id = NEW.id)')}
     GROUP BY a.ancestor_id, ${KEY('sc')}, sc.document_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total;`;

/** code_totals follows code_tallies: `sign` '' adds a tally row, '-' takes it away. */
const addTotals = (row: string, sign: '' | '-') => `
  INSERT INTO code_totals (code_id, coder_id, segments, documents, segments_with_children, documents_with_children)
    VALUES (${row}.code_id, ${row}.coder_id, ${sign}${row}.own, ${sign}(${row}.own > 0), ${sign}${row}.total, ${sign}(${row}.total > 0))
    ON CONFLICT DO UPDATE SET segments = segments + excluded.segments, documents = documents + excluded.documents,
      segments_with_children = segments_with_children + excluded.segments_with_children,
      documents_with_children = documents_with_children + excluded.documents_with_children;`;

export const CODE_COUNTS_SCHEMA = /* sql */ `
-- Every code with itself and each of its ancestors.
CREATE TABLE code_lineage (
  code_id     INTEGER NOT NULL,
  ancestor_id INTEGER NOT NULL,
  PRIMARY KEY (code_id, ancestor_id)
) WITHOUT ROWID;
CREATE INDEX code_lineage_by_ancestor ON code_lineage(ancestor_id, code_id);

-- Per document, code and coder (0: all coders): segments carrying the code itself (own) and distinct
-- segments carrying it or any code below it (total). Rows where both are 0 are removed. Keyed by document
-- first, so that one coding touches a few neighbouring rows (few pages to write per commit).
CREATE TABLE code_tallies (
  document_id INTEGER NOT NULL,
  code_id     INTEGER NOT NULL,
  coder_id    INTEGER NOT NULL,
  own         INTEGER NOT NULL,
  total       INTEGER NOT NULL,
  PRIMARY KEY (document_id, code_id, coder_id)
) WITHOUT ROWID;
CREATE INDEX code_tallies_by_code ON code_tallies(code_id);

-- code_tallies summed per code and coder: what the codebook shows.
CREATE TABLE code_totals (
  code_id                 INTEGER NOT NULL,
  coder_id                INTEGER NOT NULL,
  segments                INTEGER NOT NULL,
  documents               INTEGER NOT NULL,
  segments_with_children  INTEGER NOT NULL,
  documents_with_children INTEGER NOT NULL,
  PRIMARY KEY (code_id, coder_id)
) WITHOUT ROWID;

CREATE TRIGGER code_counts_tally_added AFTER INSERT ON code_tallies BEGIN ${addTotals('NEW', '')} END;
CREATE TRIGGER code_counts_tally_removed AFTER DELETE ON code_tallies BEGIN
  ${addTotals('OLD', '-')}
  DELETE FROM code_totals WHERE code_id = OLD.code_id AND coder_id = OLD.coder_id AND segments_with_children = 0;
END;
CREATE TRIGGER code_counts_tally_changed AFTER UPDATE ON code_tallies BEGIN
  UPDATE code_totals SET segments = segments + NEW.own - OLD.own, documents = documents + (NEW.own > 0) - (OLD.own > 0),
         segments_with_children = segments_with_children + NEW.total - OLD.total,
         documents_with_children = documents_with_children + (NEW.total > 0) - (OLD.total > 0)
   WHERE code_id = NEW.code_id AND coder_id = NEW.coder_id;
END;

CREATE TRIGGER code_counts_coding_added AFTER INSERT ON segment_codes BEGIN ${countIn('NEW')} END;
CREATE TRIGGER code_counts_coding_removed AFTER DELETE ON segment_codes BEGIN ${countOut('OLD', 'true')} END;
CREATE TRIGGER code_counts_coding_changed AFTER UPDATE ON segment_codes BEGIN
  ${countOut('OLD', 'NOT (o.segment_id = NEW.segment_id AND o.code_id = NEW.code_id)')}
  ${countIn('NEW')}
END;

CREATE TRIGGER code_counts_code_added AFTER INSERT ON codes BEGIN
  INSERT INTO code_lineage (code_id, ancestor_id)
    SELECT NEW.id, NEW.id UNION ALL SELECT NEW.id, ancestor_id FROM code_lineage WHERE code_id = NEW.parent_id;
END;
CREATE TRIGGER code_counts_code_removed AFTER DELETE ON codes BEGIN
  DELETE FROM code_lineage WHERE code_id = OLD.id;
  DELETE FROM code_tallies WHERE code_id = OLD.id;
END;
CREATE TRIGGER code_counts_code_moved AFTER UPDATE OF parent_id ON codes WHEN OLD.parent_id IS NOT NEW.parent_id BEGIN
  ${moveSubtree('-')}
  DELETE FROM code_lineage
   WHERE code_id IN (SELECT code_id FROM code_lineage WHERE ancestor_id = NEW.id)
     AND ancestor_id IN (SELECT ancestor_id FROM code_lineage WHERE code_id = NEW.id AND ancestor_id <> NEW.id);
  INSERT INTO code_lineage (code_id, ancestor_id)
    SELECT d.code_id, a.ancestor_id FROM code_lineage d JOIN code_lineage a ON a.code_id = NEW.parent_id WHERE d.ancestor_id = NEW.id;
  ${moveSubtree('+')}
  DELETE FROM code_tallies
   WHERE own = 0 AND total = 0 AND code_id IN (SELECT ancestor_id FROM code_lineage WHERE code_id = OLD.parent_id);
END;
`;

/** code_lineage recomputed from codes. */
const REBUILD_LINEAGE = `
DELETE FROM code_lineage;
INSERT INTO code_lineage (code_id, ancestor_id)
  WITH RECURSIVE up(code_id, ancestor_id) AS (
    SELECT id, id FROM codes
    UNION ALL
    SELECT up.code_id, c.parent_id FROM up JOIN codes c ON c.id = up.ancestor_id WHERE c.parent_id IS NOT NULL)
  SELECT code_id, ancestor_id FROM up;`;

/** The tally rows counting the codings sc for which `where` holds (x.every: the all-coders row). */
const insertTallies = (where: string) => `
INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
  SELECT l.ancestor_id, ${KEY('sc')}, sc.document_id, sum(sc.code_id = l.ancestor_id), count(DISTINCT sc.segment_id)
    FROM code_lineage l JOIN segment_codes sc ON sc.code_id = l.code_id JOIN ${BOTH} x
   WHERE ${where}
   GROUP BY 1, 2, 3;`;

/** Recomputes the derived count tables from codes and segment_codes (tests compare the kept ones with it). */
export function rebuildCodeCounts(db: Db): void {
  db.exec(`${REBUILD_LINEAGE}
DELETE FROM code_tallies;
DELETE FROM code_totals;
${insertTallies('true')}`);
}

/**
 * The bulk path's recount when a write touched only some (document, coder) pairs: code_lineage whole
 * (codes may have been added), and code_tallies for those pairs and their documents' all-coders rows.
 * The other rows stand when no existing code moved (db/bulk.ts checks). code_totals is summed after.
 */
export function recountCodeTallies(db: Db, pairs: Pair[]): void {
  db.exec(REBUILD_LINEAGE);
  const touched = {
    pairs: JSON.stringify(pairs.map((p) => [p.documentId, p.coderId])),
    documents: JSON.stringify([...new Set(pairs.map((p) => p.documentId))]),
  };
  const isTouched = (document: string, coder: string) =>
    `(${document}, ${coder}) IN (SELECT value ->> 0, value ->> 1 FROM json_each(@pairs))`;
  const inDocuments = (document: string) => `${document} IN (SELECT value FROM json_each(@documents))`;
  stmt(
    db,
    `DELETE FROM code_tallies WHERE ${isTouched('document_id', 'coder_id')} OR (coder_id = 0 AND ${inDocuments('document_id')})`,
  ).run(touched);
  stmt(db, insertTallies(`${inDocuments('sc.document_id')} AND (x.every OR ${isTouched('sc.document_id', 'sc.coder_id')})`)).run(touched);
}

/** code_totals summed from code_tallies in one pass: the bulk path's rebuild, with the triggers that keep it suspended. */
export function rebuildCodeTotals(db: Db): void {
  db.exec(`DELETE FROM code_totals;
INSERT INTO code_totals (code_id, coder_id, segments, documents, segments_with_children, documents_with_children)
  SELECT code_id, coder_id, sum(own), sum(own > 0), sum(total), sum(total > 0) FROM code_tallies GROUP BY 1, 2;`);
}
