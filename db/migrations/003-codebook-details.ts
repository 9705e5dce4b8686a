// Step 3, frozen: codes gain inclusion and exclusion criteria and an example quote (a segment). Code counts
// move from query time to tables kept by triggers (the current definition is db/code-counts.ts): the
// codebook pane reloads after every coding, and counting 100,000 codings (distinct segments per subtree,
// distinct documents) took ~250 ms; reading the kept totals takes well under a millisecond. These tables
// are derived, so undo does not track them: replaying the tracked tables' changes fires the same triggers
// and keeps them right. The counts are filled from the codings already there, and every tracked table's
// undo triggers are recreated from its columns now (codes has three more).
export const sql = /* sql */ `
ALTER TABLE codes ADD COLUMN inclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN exclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE codes ADD COLUMN example_segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL;

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

CREATE TRIGGER code_counts_tally_added AFTER INSERT ON code_tallies BEGIN 
  INSERT INTO code_totals (code_id, coder_id, segments, documents, segments_with_children, documents_with_children)
    VALUES (NEW.code_id, NEW.coder_id, NEW.own, (NEW.own > 0), NEW.total, (NEW.total > 0))
    ON CONFLICT DO UPDATE SET segments = segments + excluded.segments, documents = documents + excluded.documents,
      segments_with_children = segments_with_children + excluded.segments_with_children,
      documents_with_children = documents_with_children + excluded.documents_with_children; END;
CREATE TRIGGER code_counts_tally_removed AFTER DELETE ON code_tallies BEGIN
  
  INSERT INTO code_totals (code_id, coder_id, segments, documents, segments_with_children, documents_with_children)
    VALUES (OLD.code_id, OLD.coder_id, -OLD.own, -(OLD.own > 0), -OLD.total, -(OLD.total > 0))
    ON CONFLICT DO UPDATE SET segments = segments + excluded.segments, documents = documents + excluded.documents,
      segments_with_children = segments_with_children + excluded.segments_with_children,
      documents_with_children = documents_with_children + excluded.documents_with_children;
  DELETE FROM code_totals WHERE code_id = OLD.code_id AND coder_id = OLD.coder_id AND segments_with_children = 0;
END;
CREATE TRIGGER code_counts_tally_changed AFTER UPDATE ON code_tallies BEGIN
  UPDATE code_totals SET segments = segments + NEW.own - OLD.own, documents = documents + (NEW.own > 0) - (OLD.own > 0),
         segments_with_children = segments_with_children + NEW.total - OLD.total,
         documents_with_children = documents_with_children + (NEW.total > 0) - (OLD.total > 0)
   WHERE code_id = NEW.code_id AND coder_id = NEW.coder_id;
END;

CREATE TRIGGER code_counts_coding_added AFTER INSERT ON segment_codes BEGIN 
  INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
    SELECT l.ancestor_id, iif(x.every, 0, NEW.coder_id), NEW.document_id, l.ancestor_id = NEW.code_id, 1 FROM code_lineage l JOIN (SELECT 0 AS every UNION ALL SELECT 1 AS every) x
     WHERE l.code_id = NEW.code_id
       AND NOT EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = l.ancestor_id
           WHERE o.segment_id = NEW.segment_id AND o.code_id <> NEW.code_id)
    ON CONFLICT DO UPDATE SET own = own + excluded.own, total = total + 1;
  UPDATE code_tallies SET own = own + 1
   WHERE code_id = NEW.code_id AND document_id = NEW.document_id AND coder_id IN (NEW.coder_id, 0)
     AND EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = NEW.code_id
           WHERE o.segment_id = NEW.segment_id AND o.code_id <> NEW.code_id); END;
CREATE TRIGGER code_counts_coding_removed AFTER DELETE ON segment_codes BEGIN 
  UPDATE code_tallies SET own = own - 1
   WHERE code_id = OLD.code_id AND document_id = OLD.document_id AND coder_id IN (OLD.coder_id, 0);
  UPDATE code_tallies SET total = total - 1
   WHERE document_id = OLD.document_id AND coder_id IN (OLD.coder_id, 0)
     AND code_id IN (SELECT l.ancestor_id FROM code_lineage l WHERE l.code_id = OLD.code_id
                        AND NOT EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = l.ancestor_id
           WHERE o.segment_id = OLD.segment_id AND true));
  DELETE FROM code_tallies
   WHERE own = 0 AND total = 0 AND document_id = OLD.document_id AND coder_id IN (OLD.coder_id, 0)
     AND code_id IN (SELECT ancestor_id FROM code_lineage WHERE code_id = OLD.code_id); END;
CREATE TRIGGER code_counts_coding_changed AFTER UPDATE ON segment_codes BEGIN
  
  UPDATE code_tallies SET own = own - 1
   WHERE code_id = OLD.code_id AND document_id = OLD.document_id AND coder_id IN (OLD.coder_id, 0);
  UPDATE code_tallies SET total = total - 1
   WHERE document_id = OLD.document_id AND coder_id IN (OLD.coder_id, 0)
     AND code_id IN (SELECT l.ancestor_id FROM code_lineage l WHERE l.code_id = OLD.code_id
                        AND NOT EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = l.ancestor_id
           WHERE o.segment_id = OLD.segment_id AND NOT (o.segment_id = NEW.segment_id AND o.code_id = NEW.code_id)));
  DELETE FROM code_tallies
   WHERE own = 0 AND total = 0 AND document_id = OLD.document_id AND coder_id IN (OLD.coder_id, 0)
     AND code_id IN (SELECT ancestor_id FROM code_lineage WHERE code_id = OLD.code_id);
  
  INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
    SELECT l.ancestor_id, iif(x.every, 0, NEW.coder_id), NEW.document_id, l.ancestor_id = NEW.code_id, 1 FROM code_lineage l JOIN (SELECT 0 AS every UNION ALL SELECT 1 AS every) x
     WHERE l.code_id = NEW.code_id
       AND NOT EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = l.ancestor_id
           WHERE o.segment_id = NEW.segment_id AND o.code_id <> NEW.code_id)
    ON CONFLICT DO UPDATE SET own = own + excluded.own, total = total + 1;
  UPDATE code_tallies SET own = own + 1
   WHERE code_id = NEW.code_id AND document_id = NEW.document_id AND coder_id IN (NEW.coder_id, 0)
     AND EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = NEW.code_id
           WHERE o.segment_id = NEW.segment_id AND o.code_id <> NEW.code_id);
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
  
  INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
    SELECT a.ancestor_id, iif(x.every, 0, sc.coder_id), sc.document_id, 0, -count(DISTINCT sc.segment_id)
      FROM code_lineage a
      JOIN code_lineage sub ON sub.ancestor_id = NEW.id
      JOIN segment_codes sc ON sc.code_id = sub.code_id
      JOIN (SELECT 0 AS every UNION ALL SELECT 1 AS every) x
     WHERE a.code_id = NEW.id AND a.ancestor_id <> NEW.id
       AND NOT EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = a.ancestor_id
           WHERE o.segment_id = sc.segment_id AND o.code_id NOT IN (SELECT code_id FROM code_lineage WHERE ancestor_id = NEW.id))
     GROUP BY a.ancestor_id, iif(x.every, 0, sc.coder_id), sc.document_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total;
  DELETE FROM code_lineage
   WHERE code_id IN (SELECT code_id FROM code_lineage WHERE ancestor_id = NEW.id)
     AND ancestor_id IN (SELECT ancestor_id FROM code_lineage WHERE code_id = NEW.id AND ancestor_id <> NEW.id);
  INSERT INTO code_lineage (code_id, ancestor_id)
    SELECT d.code_id, a.ancestor_id FROM code_lineage d JOIN code_lineage a ON a.code_id = NEW.parent_id WHERE d.ancestor_id = NEW.id;
  
  INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
    SELECT a.ancestor_id, iif(x.every, 0, sc.coder_id), sc.document_id, 0, +count(DISTINCT sc.segment_id)
      FROM code_lineage a
      JOIN code_lineage sub ON sub.ancestor_id = NEW.id
      JOIN segment_codes sc ON sc.code_id = sub.code_id
      JOIN (SELECT 0 AS every UNION ALL SELECT 1 AS every) x
     WHERE a.code_id = NEW.id AND a.ancestor_id <> NEW.id
       AND NOT EXISTS (SELECT 1 FROM segment_codes o JOIN code_lineage ol ON ol.code_id = o.code_id AND ol.ancestor_id = a.ancestor_id
           WHERE o.segment_id = sc.segment_id AND o.code_id NOT IN (SELECT code_id FROM code_lineage WHERE ancestor_id = NEW.id))
     GROUP BY a.ancestor_id, iif(x.every, 0, sc.coder_id), sc.document_id
    ON CONFLICT DO UPDATE SET total = total + excluded.total;
  DELETE FROM code_tallies
   WHERE own = 0 AND total = 0 AND code_id IN (SELECT ancestor_id FROM code_lineage WHERE code_id = OLD.parent_id);
END;

-- The counts of the codings already in the project.
DELETE FROM code_lineage;
DELETE FROM code_tallies;
DELETE FROM code_totals;
INSERT INTO code_lineage (code_id, ancestor_id)
  WITH RECURSIVE up(code_id, ancestor_id) AS (
    SELECT id, id FROM codes
    UNION ALL
    SELECT up.code_id, c.parent_id FROM up JOIN codes c ON c.id = up.ancestor_id WHERE c.parent_id IS NOT NULL)
  SELECT code_id, ancestor_id FROM up;
INSERT INTO code_tallies (code_id, coder_id, document_id, own, total)
  SELECT l.ancestor_id, iif(x.every, 0, sc.coder_id), sc.document_id, sum(sc.code_id = l.ancestor_id), count(DISTINCT sc.segment_id)
    FROM code_lineage l JOIN segment_codes sc ON sc.code_id = l.code_id JOIN (SELECT 0 AS every UNION ALL SELECT 1 AS every) x
   GROUP BY 1, 2, 3;

-- Undo recording triggers recreated from the columns at this step: codes, code_sets, code_set_members, frameworks, framework_values, framework_cells, segments, segment_codes, memos.
DROP TRIGGER IF EXISTS undo_codes_insert;
CREATE TRIGGER undo_codes_insert AFTER INSERT ON "codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "codes" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_codes_update;
CREATE TRIGGER undo_codes_update AFTER UPDATE ON "codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "codes" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"parent_id" = ' || quote(OLD."parent_id") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"color" = ' || quote(OLD."color") || ', ' || '"description" = ' || quote(OLD."description") || ', ' || '"codable" = ' || quote(OLD."codable") || ', ' || '"sort" = ' || quote(OLD."sort") || ', ' || '"created_by" = ' || quote(OLD."created_by") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ', ' || '"modified_at" = ' || quote(OLD."modified_at") || ', ' || '"inclusion" = ' || quote(OLD."inclusion") || ', ' || '"exclusion" = ' || quote(OLD."exclusion") || ', ' || '"example_segment_id" = ' || quote(OLD."example_segment_id") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_codes_delete;
CREATE TRIGGER undo_codes_delete AFTER DELETE ON "codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "codes" ("id", "guid", "parent_id", "name", "color", "description", "codable", "sort", "created_by", "created_at", "modified_at", "inclusion", "exclusion", "example_segment_id") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."parent_id") || ', ' || quote(OLD."name") || ', ' || quote(OLD."color") || ', ' || quote(OLD."description") || ', ' || quote(OLD."codable") || ', ' || quote(OLD."sort") || ', ' || quote(OLD."created_by") || ', ' || quote(OLD."created_at") || ', ' || quote(OLD."modified_at") || ', ' || quote(OLD."inclusion") || ', ' || quote(OLD."exclusion") || ', ' || quote(OLD."example_segment_id") || ')'); END;

DROP TRIGGER IF EXISTS undo_code_sets_insert;
CREATE TRIGGER undo_code_sets_insert AFTER INSERT ON "code_sets"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "code_sets" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_code_sets_update;
CREATE TRIGGER undo_code_sets_update AFTER UPDATE ON "code_sets"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "code_sets" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"description" = ' || quote(OLD."description") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_code_sets_delete;
CREATE TRIGGER undo_code_sets_delete AFTER DELETE ON "code_sets"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "code_sets" ("id", "guid", "name", "description") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."name") || ', ' || quote(OLD."description") || ')'); END;

DROP TRIGGER IF EXISTS undo_code_set_members_insert;
CREATE TRIGGER undo_code_set_members_insert AFTER INSERT ON "code_set_members"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "code_set_members" WHERE ' || '"set_id" = ' || quote(NEW."set_id") || ' AND ' || '"code_id" = ' || quote(NEW."code_id")); END;

DROP TRIGGER IF EXISTS undo_code_set_members_update;
CREATE TRIGGER undo_code_set_members_update AFTER UPDATE ON "code_set_members"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "code_set_members" SET ' || '"set_id" = ' || quote(OLD."set_id") || ', ' || '"code_id" = ' || quote(OLD."code_id") || ' WHERE ' || '"set_id" = ' || quote(NEW."set_id") || ' AND ' || '"code_id" = ' || quote(NEW."code_id")); END;

DROP TRIGGER IF EXISTS undo_code_set_members_delete;
CREATE TRIGGER undo_code_set_members_delete AFTER DELETE ON "code_set_members"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "code_set_members" ("set_id", "code_id") VALUES (' || quote(OLD."set_id") || ', ' || quote(OLD."code_id") || ')'); END;

DROP TRIGGER IF EXISTS undo_frameworks_insert;
CREATE TRIGGER undo_frameworks_insert AFTER INSERT ON "frameworks"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "frameworks" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_frameworks_update;
CREATE TRIGGER undo_frameworks_update AFTER UPDATE ON "frameworks"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "frameworks" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"description" = ' || quote(OLD."description") || ', ' || '"row_label" = ' || quote(OLD."row_label") || ', ' || '"column_label" = ' || quote(OLD."column_label") || ', ' || '"slice_label" = ' || quote(OLD."slice_label") || ', ' || '"root_code_id" = ' || quote(OLD."root_code_id") || ', ' || '"sort" = ' || quote(OLD."sort") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_frameworks_delete;
CREATE TRIGGER undo_frameworks_delete AFTER DELETE ON "frameworks"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "frameworks" ("id", "guid", "name", "description", "row_label", "column_label", "slice_label", "root_code_id", "sort") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."name") || ', ' || quote(OLD."description") || ', ' || quote(OLD."row_label") || ', ' || quote(OLD."column_label") || ', ' || quote(OLD."slice_label") || ', ' || quote(OLD."root_code_id") || ', ' || quote(OLD."sort") || ')'); END;

DROP TRIGGER IF EXISTS undo_framework_values_insert;
CREATE TRIGGER undo_framework_values_insert AFTER INSERT ON "framework_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "framework_values" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_framework_values_update;
CREATE TRIGGER undo_framework_values_update AFTER UPDATE ON "framework_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "framework_values" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"framework_id" = ' || quote(OLD."framework_id") || ', ' || '"axis" = ' || quote(OLD."axis") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"description" = ' || quote(OLD."description") || ', ' || '"sort" = ' || quote(OLD."sort") || ', ' || '"code_id" = ' || quote(OLD."code_id") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_framework_values_delete;
CREATE TRIGGER undo_framework_values_delete AFTER DELETE ON "framework_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "framework_values" ("id", "guid", "framework_id", "axis", "name", "description", "sort", "code_id") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."framework_id") || ', ' || quote(OLD."axis") || ', ' || quote(OLD."name") || ', ' || quote(OLD."description") || ', ' || quote(OLD."sort") || ', ' || quote(OLD."code_id") || ')'); END;

DROP TRIGGER IF EXISTS undo_framework_cells_insert;
CREATE TRIGGER undo_framework_cells_insert AFTER INSERT ON "framework_cells"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "framework_cells" WHERE ' || '"row_value_id" = ' || quote(NEW."row_value_id") || ' AND ' || '"column_value_id" = ' || quote(NEW."column_value_id")); END;

DROP TRIGGER IF EXISTS undo_framework_cells_update;
CREATE TRIGGER undo_framework_cells_update AFTER UPDATE ON "framework_cells"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "framework_cells" SET ' || '"row_value_id" = ' || quote(OLD."row_value_id") || ', ' || '"column_value_id" = ' || quote(OLD."column_value_id") || ', ' || '"code_id" = ' || quote(OLD."code_id") || ' WHERE ' || '"row_value_id" = ' || quote(NEW."row_value_id") || ' AND ' || '"column_value_id" = ' || quote(NEW."column_value_id")); END;

DROP TRIGGER IF EXISTS undo_framework_cells_delete;
CREATE TRIGGER undo_framework_cells_delete AFTER DELETE ON "framework_cells"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "framework_cells" ("row_value_id", "column_value_id", "code_id") VALUES (' || quote(OLD."row_value_id") || ', ' || quote(OLD."column_value_id") || ', ' || quote(OLD."code_id") || ')'); END;

DROP TRIGGER IF EXISTS undo_segments_insert;
CREATE TRIGGER undo_segments_insert AFTER INSERT ON "segments"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "segments" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_segments_update;
CREATE TRIGGER undo_segments_update AFTER UPDATE ON "segments"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "segments" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"coder_id" = ' || quote(OLD."coder_id") || ', ' || '"start" = ' || quote(OLD."start") || ', ' || '"end" = ' || quote(OLD."end") || ', ' || '"text_hash" = ' || quote(OLD."text_hash") || ', ' || '"memo" = ' || quote(OLD."memo") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ', ' || '"modified_at" = ' || quote(OLD."modified_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_segments_delete;
CREATE TRIGGER undo_segments_delete AFTER DELETE ON "segments"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "segments" ("id", "guid", "document_id", "coder_id", "start", "end", "text_hash", "memo", "created_at", "modified_at") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."document_id") || ', ' || quote(OLD."coder_id") || ', ' || quote(OLD."start") || ', ' || quote(OLD."end") || ', ' || quote(OLD."text_hash") || ', ' || quote(OLD."memo") || ', ' || quote(OLD."created_at") || ', ' || quote(OLD."modified_at") || ')'); END;

DROP TRIGGER IF EXISTS undo_segment_codes_insert;
CREATE TRIGGER undo_segment_codes_insert AFTER INSERT ON "segment_codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "segment_codes" WHERE ' || '"segment_id" = ' || quote(NEW."segment_id") || ' AND ' || '"code_id" = ' || quote(NEW."code_id")); END;

DROP TRIGGER IF EXISTS undo_segment_codes_update;
CREATE TRIGGER undo_segment_codes_update AFTER UPDATE ON "segment_codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "segment_codes" SET ' || '"segment_id" = ' || quote(OLD."segment_id") || ', ' || '"code_id" = ' || quote(OLD."code_id") || ', ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"coder_id" = ' || quote(OLD."coder_id") || ' WHERE ' || '"segment_id" = ' || quote(NEW."segment_id") || ' AND ' || '"code_id" = ' || quote(NEW."code_id")); END;

DROP TRIGGER IF EXISTS undo_segment_codes_delete;
CREATE TRIGGER undo_segment_codes_delete AFTER DELETE ON "segment_codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "segment_codes" ("segment_id", "code_id", "document_id", "coder_id") VALUES (' || quote(OLD."segment_id") || ', ' || quote(OLD."code_id") || ', ' || quote(OLD."document_id") || ', ' || quote(OLD."coder_id") || ')'); END;

DROP TRIGGER IF EXISTS undo_memos_insert;
CREATE TRIGGER undo_memos_insert AFTER INSERT ON "memos"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "memos" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_memos_update;
CREATE TRIGGER undo_memos_update AFTER UPDATE ON "memos"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "memos" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"title" = ' || quote(OLD."title") || ', ' || '"body" = ' || quote(OLD."body") || ', ' || '"coder_id" = ' || quote(OLD."coder_id") || ', ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"code_id" = ' || quote(OLD."code_id") || ', ' || '"case_id" = ' || quote(OLD."case_id") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ', ' || '"modified_at" = ' || quote(OLD."modified_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_memos_delete;
CREATE TRIGGER undo_memos_delete AFTER DELETE ON "memos"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "memos" ("id", "guid", "title", "body", "coder_id", "document_id", "code_id", "case_id", "created_at", "modified_at") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."title") || ', ' || quote(OLD."body") || ', ' || quote(OLD."coder_id") || ', ' || quote(OLD."document_id") || ', ' || quote(OLD."code_id") || ', ' || quote(OLD."case_id") || ', ' || quote(OLD."created_at") || ', ' || quote(OLD."modified_at") || ')'); END;`;
