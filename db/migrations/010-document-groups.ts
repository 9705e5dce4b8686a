// Step 10, frozen: document groups (folders; a document may be in several), and the case table's rows in
// the undo history: groups, their members, cases, attribute definitions and case attribute values. A
// deleted document or group takes its memberships with it (ON DELETE CASCADE); the undo triggers put
// them back. The triggers are db/undo.ts's text for these tables, written out.
export const sql = /* sql */ `
CREATE TABLE document_groups (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  sort       INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE document_group_members (
  group_id    INTEGER NOT NULL REFERENCES document_groups(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, document_id)
) WITHOUT ROWID;
CREATE INDEX document_group_members_by_document ON document_group_members(document_id);

DROP TRIGGER IF EXISTS undo_document_groups_insert;
CREATE TRIGGER undo_document_groups_insert AFTER INSERT ON "document_groups"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "document_groups" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_document_groups_update;
CREATE TRIGGER undo_document_groups_update AFTER UPDATE ON "document_groups"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "document_groups" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"sort" = ' || quote(OLD."sort") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_document_groups_delete;
CREATE TRIGGER undo_document_groups_delete AFTER DELETE ON "document_groups"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "document_groups" ("id", "guid", "name", "sort", "created_at") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."name") || ', ' || quote(OLD."sort") || ', ' || quote(OLD."created_at") || ')'); END;
DROP TRIGGER IF EXISTS undo_document_group_members_insert;
CREATE TRIGGER undo_document_group_members_insert AFTER INSERT ON "document_group_members"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "document_group_members" WHERE ' || '"group_id" = ' || quote(NEW."group_id") || ' AND ' || '"document_id" = ' || quote(NEW."document_id")); END;

DROP TRIGGER IF EXISTS undo_document_group_members_update;
CREATE TRIGGER undo_document_group_members_update AFTER UPDATE ON "document_group_members"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "document_group_members" SET ' || '"group_id" = ' || quote(OLD."group_id") || ', ' || '"document_id" = ' || quote(OLD."document_id") || ' WHERE ' || '"group_id" = ' || quote(NEW."group_id") || ' AND ' || '"document_id" = ' || quote(NEW."document_id")); END;

DROP TRIGGER IF EXISTS undo_document_group_members_delete;
CREATE TRIGGER undo_document_group_members_delete AFTER DELETE ON "document_group_members"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "document_group_members" ("group_id", "document_id") VALUES (' || quote(OLD."group_id") || ', ' || quote(OLD."document_id") || ')'); END;
DROP TRIGGER IF EXISTS undo_cases_insert;
CREATE TRIGGER undo_cases_insert AFTER INSERT ON "cases"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "cases" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_cases_update;
CREATE TRIGGER undo_cases_update AFTER UPDATE ON "cases"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "cases" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"description" = ' || quote(OLD."description") || ', ' || '"sort" = ' || quote(OLD."sort") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_cases_delete;
CREATE TRIGGER undo_cases_delete AFTER DELETE ON "cases"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "cases" ("id", "guid", "name", "description", "sort", "created_at") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."name") || ', ' || quote(OLD."description") || ', ' || quote(OLD."sort") || ', ' || quote(OLD."created_at") || ')'); END;
DROP TRIGGER IF EXISTS undo_attributes_insert;
CREATE TRIGGER undo_attributes_insert AFTER INSERT ON "attributes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "attributes" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_attributes_update;
CREATE TRIGGER undo_attributes_update AFTER UPDATE ON "attributes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "attributes" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"scope" = ' || quote(OLD."scope") || ', ' || '"type" = ' || quote(OLD."type") || ', ' || '"choices" = ' || quote(OLD."choices") || ', ' || '"sort" = ' || quote(OLD."sort") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_attributes_delete;
CREATE TRIGGER undo_attributes_delete AFTER DELETE ON "attributes"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "attributes" ("id", "guid", "name", "scope", "type", "choices", "sort") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."name") || ', ' || quote(OLD."scope") || ', ' || quote(OLD."type") || ', ' || quote(OLD."choices") || ', ' || quote(OLD."sort") || ')'); END;
DROP TRIGGER IF EXISTS undo_case_attribute_values_insert;
CREATE TRIGGER undo_case_attribute_values_insert AFTER INSERT ON "case_attribute_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "case_attribute_values" WHERE ' || '"case_id" = ' || quote(NEW."case_id") || ' AND ' || '"attribute_id" = ' || quote(NEW."attribute_id")); END;

DROP TRIGGER IF EXISTS undo_case_attribute_values_update;
CREATE TRIGGER undo_case_attribute_values_update AFTER UPDATE ON "case_attribute_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "case_attribute_values" SET ' || '"case_id" = ' || quote(OLD."case_id") || ', ' || '"attribute_id" = ' || quote(OLD."attribute_id") || ', ' || '"value" = ' || quote(OLD."value") || ' WHERE ' || '"case_id" = ' || quote(NEW."case_id") || ' AND ' || '"attribute_id" = ' || quote(NEW."attribute_id")); END;

DROP TRIGGER IF EXISTS undo_case_attribute_values_delete;
CREATE TRIGGER undo_case_attribute_values_delete AFTER DELETE ON "case_attribute_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "case_attribute_values" ("case_id", "attribute_id", "value") VALUES (' || quote(OLD."case_id") || ', ' || quote(OLD."attribute_id") || ', ' || quote(OLD."value") || ')'); END;`;
