// Step 2, frozen: persistent undo/redo. Steps (one per undoable API call), their reversing SQL, and which
// step, if any, the triggers are recording right now; then each tracked table's recording triggers, as
// db/undo.ts generated them from the tables' columns at this step (schema step 1).
export const sql = /* sql */ `
CREATE TABLE undo_steps (
  id         INTEGER PRIMARY KEY,
  label      TEXT NOT NULL,
  coder_id   INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  state      TEXT NOT NULL CHECK (state IN ('done', 'undone'))
);
CREATE TABLE undo_log (
  seq       INTEGER PRIMARY KEY,
  step_id   INTEGER NOT NULL REFERENCES undo_steps(id) ON DELETE CASCADE,
  statement TEXT NOT NULL
);
CREATE INDEX undo_log_by_step ON undo_log(step_id, seq);
CREATE TABLE undo_recording (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  step_id INTEGER
);
INSERT INTO undo_recording (id, step_id) VALUES (1, NULL);

-- Recording triggers: codes, code_sets, code_set_members, frameworks, framework_values, framework_cells, segments, segment_codes, memos.
DROP TRIGGER IF EXISTS undo_codes_insert;
CREATE TRIGGER undo_codes_insert AFTER INSERT ON "codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "codes" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_codes_update;
CREATE TRIGGER undo_codes_update AFTER UPDATE ON "codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "codes" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"parent_id" = ' || quote(OLD."parent_id") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"color" = ' || quote(OLD."color") || ', ' || '"description" = ' || quote(OLD."description") || ', ' || '"codable" = ' || quote(OLD."codable") || ', ' || '"sort" = ' || quote(OLD."sort") || ', ' || '"created_by" = ' || quote(OLD."created_by") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ', ' || '"modified_at" = ' || quote(OLD."modified_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_codes_delete;
CREATE TRIGGER undo_codes_delete AFTER DELETE ON "codes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "codes" ("id", "guid", "parent_id", "name", "color", "description", "codable", "sort", "created_by", "created_at", "modified_at") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."parent_id") || ', ' || quote(OLD."name") || ', ' || quote(OLD."color") || ', ' || quote(OLD."description") || ', ' || quote(OLD."codable") || ', ' || quote(OLD."sort") || ', ' || quote(OLD."created_by") || ', ' || quote(OLD."created_at") || ', ' || quote(OLD."modified_at") || ')'); END;

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
