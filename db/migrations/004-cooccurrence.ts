// Step 4, frozen: precomputed co-occurrence counts for the framework matrix (the current definition and
// the rule are in db/cooccurrence.ts), filled from the segments already in the project. Derived data: not
// part of the undo history (its triggers follow it).
export const sql = /* sql */ `
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

CREATE TRIGGER cooccurrence_code_added AFTER INSERT ON segment_codes BEGIN 
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, NEW.coder_id, NEW.document_id, 1 * o.own, 1
  FROM (SELECT code_id FROM segment_codes WHERE segment_id = NEW.segment_id) a
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = NEW.segment_id AND code_id = k.slice_id))))
  JOIN (SELECT other_id, max(own) AS own FROM (
        SELECT vc.code_id AS other_id, v.id = NEW.segment_id AS own
          FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE v.document_id = NEW.document_id AND v.coder_id = NEW.coder_id AND v.start < (SELECT end FROM segments WHERE id = NEW.segment_id) AND (SELECT start FROM segments WHERE id = NEW.segment_id) < v.end
   AND v.start >= (SELECT start FROM segments WHERE id = NEW.segment_id) - (SELECT max(end - start) FROM segments WHERE document_id = NEW.document_id AND coder_id = NEW.coder_id)
        ) GROUP BY other_id) o
 WHERE a.code_id = NEW.code_id OR k.slice_id = NEW.code_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, NEW.code_id, NEW.coder_id, NEW.document_id, 1, 1 * NOT EXISTS (SELECT 1 FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id AND vc.code_id = NEW.code_id
              WHERE v.document_id = NEW.document_id AND v.coder_id = NEW.coder_id AND v.start < (SELECT end FROM segments WHERE id = NEW.segment_id) AND (SELECT start FROM segments WHERE id = NEW.segment_id) < v.end
   AND v.start >= (SELECT start FROM segments WHERE id = NEW.segment_id) - (SELECT max(end - start) FROM segments WHERE document_id = NEW.document_id AND coder_id = NEW.coder_id) AND v.id <> NEW.segment_id)
  FROM segment_codes a
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = NEW.segment_id AND code_id = k.slice_id))))
 WHERE a.segment_id = NEW.segment_id AND a.code_id <> NEW.code_id AND k.slice_id <> NEW.code_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, NEW.code_id, NEW.coder_id, NEW.document_id, 0, 1
  FROM segments u
  JOIN segment_codes a ON a.segment_id = u.id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = u.id AND code_id = k.slice_id))))
 WHERE u.document_id = NEW.document_id AND u.coder_id = NEW.coder_id AND u.start < (SELECT end FROM segments WHERE id = NEW.segment_id) AND (SELECT start FROM segments WHERE id = NEW.segment_id) < u.end
   AND u.start >= (SELECT start FROM segments WHERE id = NEW.segment_id) - (SELECT max(end - start) FROM segments WHERE document_id = NEW.document_id AND coder_id = NEW.coder_id) AND u.id <> NEW.segment_id
   AND NOT EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = u.id AND code_id = NEW.code_id)
   AND NOT EXISTS (SELECT 1 FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id AND vc.code_id = NEW.code_id
              WHERE v.document_id = NEW.document_id AND v.coder_id = NEW.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = NEW.document_id AND coder_id = NEW.coder_id) AND v.id <> NEW.segment_id AND v.id <> u.id)
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
 END;
CREATE TRIGGER cooccurrence_code_removed AFTER DELETE ON segment_codes BEGIN 
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, OLD.coder_id, OLD.document_id, -1 * o.own, -1
  FROM (SELECT code_id FROM segment_codes WHERE segment_id = OLD.segment_id UNION SELECT OLD.code_id) a
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (k.slice_id = OLD.code_id OR EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = OLD.segment_id AND code_id = k.slice_id))))
  JOIN (SELECT other_id, max(own) AS own FROM (
        SELECT vc.code_id AS other_id, v.id = OLD.segment_id AS own
          FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE v.document_id = OLD.document_id AND v.coder_id = OLD.coder_id AND v.start < (SELECT end FROM segments WHERE id = OLD.segment_id) AND (SELECT start FROM segments WHERE id = OLD.segment_id) < v.end
   AND v.start >= (SELECT start FROM segments WHERE id = OLD.segment_id) - (SELECT max(end - start) FROM segments WHERE document_id = OLD.document_id AND coder_id = OLD.coder_id)
        UNION ALL SELECT OLD.code_id, 1) GROUP BY other_id) o
 WHERE a.code_id = OLD.code_id OR k.slice_id = OLD.code_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, OLD.code_id, OLD.coder_id, OLD.document_id, -1, -1 * NOT EXISTS (SELECT 1 FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id AND vc.code_id = OLD.code_id
              WHERE v.document_id = OLD.document_id AND v.coder_id = OLD.coder_id AND v.start < (SELECT end FROM segments WHERE id = OLD.segment_id) AND (SELECT start FROM segments WHERE id = OLD.segment_id) < v.end
   AND v.start >= (SELECT start FROM segments WHERE id = OLD.segment_id) - (SELECT max(end - start) FROM segments WHERE document_id = OLD.document_id AND coder_id = OLD.coder_id) AND v.id <> OLD.segment_id)
  FROM segment_codes a
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = OLD.segment_id AND code_id = k.slice_id))))
 WHERE a.segment_id = OLD.segment_id AND a.code_id <> OLD.code_id AND k.slice_id <> OLD.code_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, OLD.code_id, OLD.coder_id, OLD.document_id, 0, -1
  FROM segments u
  JOIN segment_codes a ON a.segment_id = u.id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = u.id AND code_id = k.slice_id))))
 WHERE u.document_id = OLD.document_id AND u.coder_id = OLD.coder_id AND u.start < (SELECT end FROM segments WHERE id = OLD.segment_id) AND (SELECT start FROM segments WHERE id = OLD.segment_id) < u.end
   AND u.start >= (SELECT start FROM segments WHERE id = OLD.segment_id) - (SELECT max(end - start) FROM segments WHERE document_id = OLD.document_id AND coder_id = OLD.coder_id) AND u.id <> OLD.segment_id
   AND NOT EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = u.id AND code_id = OLD.code_id)
   AND NOT EXISTS (SELECT 1 FROM segments v JOIN segment_codes vc ON vc.segment_id = v.id AND vc.code_id = OLD.code_id
              WHERE v.document_id = OLD.document_id AND v.coder_id = OLD.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = OLD.document_id AND coder_id = OLD.coder_id) AND v.id <> OLD.segment_id AND v.id <> u.id)
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0; END;
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
CREATE TRIGGER cooccurrence_segment_resized AFTER UPDATE OF start, end ON segments BEGIN
  INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, -1 * sum(o.own), -1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM (SELECT id, document_id, coder_id,
    CASE id WHEN OLD.id THEN OLD.start ELSE start END AS start, CASE id WHEN OLD.id THEN OLD.end ELSE end END AS end
  FROM segments WHERE document_id = OLD.document_id AND coder_id = OLD.coder_id) u
          JOIN (SELECT id, document_id, coder_id,
    CASE id WHEN OLD.id THEN OLD.start ELSE start END AS start, CASE id WHEN OLD.id THEN OLD.end ELSE end END AS end
  FROM segments WHERE document_id = OLD.document_id AND coder_id = OLD.coder_id) v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT n.id FROM segments n
   WHERE n.document_id = OLD.document_id AND n.coder_id = OLD.coder_id
     AND (n.id = OLD.id OR (n.start < OLD.end AND OLD.start < n.end) OR (n.start < NEW.end AND NEW.start < n.end)))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE true
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
  INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT n.id FROM segments n
   WHERE n.document_id = OLD.document_id AND n.coder_id = OLD.coder_id
     AND (n.id = OLD.id OR (n.start < OLD.end AND OLD.start < n.end) OR (n.start < NEW.end AND NEW.start < n.end)))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE true
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
  DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0;
END;

CREATE TRIGGER cooccurrence_slice_added AFTER INSERT ON framework_values WHEN NEW.axis = 'slice' BEGIN DELETE FROM cooccurrence WHERE slice_id IN (NEW.code_id);
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (NEW.code_id))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE k.slice_id IN (NEW.code_id)
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0; END;
CREATE TRIGGER cooccurrence_slice_removed AFTER DELETE ON framework_values WHEN OLD.axis = 'slice' BEGIN DELETE FROM cooccurrence WHERE slice_id IN (OLD.code_id);
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (OLD.code_id))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE k.slice_id IN (OLD.code_id)
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0; END;
CREATE TRIGGER cooccurrence_slice_changed AFTER UPDATE OF axis, code_id ON framework_values WHEN OLD.axis = 'slice' OR NEW.axis = 'slice'
BEGIN DELETE FROM cooccurrence WHERE slice_id IN (OLD.code_id, NEW.code_id);
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (OLD.code_id, NEW.code_id))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE k.slice_id IN (OLD.code_id, NEW.code_id)
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0; END;

CREATE TRIGGER cooccurrence_cell_added AFTER INSERT ON framework_cells WHEN true BEGIN DELETE FROM cooccurrence WHERE code_id IN (NEW.code_id) AND slice_id <> 0;
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (NEW.code_id))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE a.code_id IN (NEW.code_id) AND k.slice_id <> 0
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0; END;
CREATE TRIGGER cooccurrence_cell_removed AFTER DELETE ON framework_cells WHEN true BEGIN DELETE FROM cooccurrence WHERE code_id IN (OLD.code_id) AND slice_id <> 0;
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (OLD.code_id))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE a.code_id IN (OLD.code_id) AND k.slice_id <> 0
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0; END;
CREATE TRIGGER cooccurrence_cell_changed AFTER UPDATE OF code_id ON framework_cells WHEN true OR true
BEGIN DELETE FROM cooccurrence WHERE code_id IN (OLD.code_id, NEW.code_id) AND slice_id <> 0;
INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE u.id IN (SELECT segment_id FROM segment_codes WHERE code_id IN (OLD.code_id, NEW.code_id))
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE a.code_id IN (OLD.code_id, NEW.code_id) AND k.slice_id <> 0
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
DELETE FROM cooccurrence WHERE overlapping = 0;
DELETE FROM cooccurrence_totals WHERE overlapping = 0; END;

-- The counts of the segments already in the project.
DELETE FROM cooccurrence; DELETE FROM cooccurrence_totals; INSERT INTO cooccurrence (code_id, slice_id, other_id, coder_id, document_id, same_segment, overlapping)
SELECT a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id, 1 * sum(o.own), 1 * count(*)
  FROM (SELECT u.id AS segment_id, u.coder_id, u.document_id, vc.code_id AS other_id, max(v.id = u.id) AS own
          FROM segments u
          JOIN segments v ON v.document_id = u.document_id AND v.coder_id = u.coder_id AND v.start < u.end AND u.start < v.end
   AND v.start >= u.start - (SELECT max(end - start) FROM segments WHERE document_id = u.document_id AND coder_id = u.coder_id)
          JOIN segment_codes vc ON vc.segment_id = v.id
         WHERE true
         GROUP BY u.id, vc.code_id) o
  JOIN segment_codes a ON a.segment_id = o.segment_id
  JOIN (SELECT 0 AS slice_id UNION ALL SELECT code_id FROM framework_values WHERE axis = 'slice') k ON (k.slice_id = 0 OR (EXISTS (SELECT 1 FROM framework_cells WHERE code_id = a.code_id)
     AND (EXISTS (SELECT 1 FROM segment_codes WHERE segment_id = o.segment_id AND code_id = k.slice_id))))
 WHERE true
 GROUP BY a.code_id, k.slice_id, o.other_id, o.coder_id, o.document_id
ON CONFLICT (code_id, slice_id, other_id, coder_id, document_id) DO UPDATE SET
    same_segment = same_segment + excluded.same_segment, overlapping = overlapping + excluded.overlapping;
`;
