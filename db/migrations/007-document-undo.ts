// Step 7, frozen: documents join the undo history, so renaming, reordering and deleting one is undoable.
// A deleted document takes its paragraphs, case links and attribute values with it (ON DELETE CASCADE);
// the undo triggers of those four tables put every row back. The triggers are db/undo.ts's text for these
// tables, written out.
export const sql = /* sql */ `
DROP TRIGGER IF EXISTS undo_documents_insert;
CREATE TRIGGER undo_documents_insert AFTER INSERT ON "documents"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "documents" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_documents_update;
CREATE TRIGGER undo_documents_update AFTER UPDATE ON "documents"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "documents" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"plain_text" = ' || quote(OLD."plain_text") || ', ' || '"char_count" = ' || quote(OLD."char_count") || ', ' || '"content_hash" = ' || quote(OLD."content_hash") || ', ' || '"source_name" = ' || quote(OLD."source_name") || ', ' || '"source_type" = ' || quote(OLD."source_type") || ', ' || '"formatting" = ' || quote(OLD."formatting") || ', ' || '"description" = ' || quote(OLD."description") || ', ' || '"sort" = ' || quote(OLD."sort") || ', ' || '"created_by" = ' || quote(OLD."created_by") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ', ' || '"modified_at" = ' || quote(OLD."modified_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_documents_delete;
CREATE TRIGGER undo_documents_delete AFTER DELETE ON "documents"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "documents" ("id", "guid", "name", "plain_text", "char_count", "content_hash", "source_name", "source_type", "formatting", "description", "sort", "created_by", "created_at", "modified_at") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."guid") || ', ' || quote(OLD."name") || ', ' || quote(OLD."plain_text") || ', ' || quote(OLD."char_count") || ', ' || quote(OLD."content_hash") || ', ' || quote(OLD."source_name") || ', ' || quote(OLD."source_type") || ', ' || quote(OLD."formatting") || ', ' || quote(OLD."description") || ', ' || quote(OLD."sort") || ', ' || quote(OLD."created_by") || ', ' || quote(OLD."created_at") || ', ' || quote(OLD."modified_at") || ')'); END;
DROP TRIGGER IF EXISTS undo_paragraphs_insert;
CREATE TRIGGER undo_paragraphs_insert AFTER INSERT ON "paragraphs"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "paragraphs" WHERE ' || '"document_id" = ' || quote(NEW."document_id") || ' AND ' || '"n" = ' || quote(NEW."n")); END;

DROP TRIGGER IF EXISTS undo_paragraphs_update;
CREATE TRIGGER undo_paragraphs_update AFTER UPDATE ON "paragraphs"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "paragraphs" SET ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"n" = ' || quote(OLD."n") || ', ' || '"start" = ' || quote(OLD."start") || ', ' || '"end" = ' || quote(OLD."end") || ', ' || '"body_start" = ' || quote(OLD."body_start") || ', ' || '"speaker" = ' || quote(OLD."speaker") || ', ' || '"time_ms" = ' || quote(OLD."time_ms") || ' WHERE ' || '"document_id" = ' || quote(NEW."document_id") || ' AND ' || '"n" = ' || quote(NEW."n")); END;

DROP TRIGGER IF EXISTS undo_paragraphs_delete;
CREATE TRIGGER undo_paragraphs_delete AFTER DELETE ON "paragraphs"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "paragraphs" ("document_id", "n", "start", "end", "body_start", "speaker", "time_ms") VALUES (' || quote(OLD."document_id") || ', ' || quote(OLD."n") || ', ' || quote(OLD."start") || ', ' || quote(OLD."end") || ', ' || quote(OLD."body_start") || ', ' || quote(OLD."speaker") || ', ' || quote(OLD."time_ms") || ')'); END;
DROP TRIGGER IF EXISTS undo_case_documents_insert;
CREATE TRIGGER undo_case_documents_insert AFTER INSERT ON "case_documents"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "case_documents" WHERE ' || '"case_id" = ' || quote(NEW."case_id") || ' AND ' || '"document_id" = ' || quote(NEW."document_id")); END;

DROP TRIGGER IF EXISTS undo_case_documents_update;
CREATE TRIGGER undo_case_documents_update AFTER UPDATE ON "case_documents"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "case_documents" SET ' || '"case_id" = ' || quote(OLD."case_id") || ', ' || '"document_id" = ' || quote(OLD."document_id") || ' WHERE ' || '"case_id" = ' || quote(NEW."case_id") || ' AND ' || '"document_id" = ' || quote(NEW."document_id")); END;

DROP TRIGGER IF EXISTS undo_case_documents_delete;
CREATE TRIGGER undo_case_documents_delete AFTER DELETE ON "case_documents"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "case_documents" ("case_id", "document_id") VALUES (' || quote(OLD."case_id") || ', ' || quote(OLD."document_id") || ')'); END;
DROP TRIGGER IF EXISTS undo_document_attribute_values_insert;
CREATE TRIGGER undo_document_attribute_values_insert AFTER INSERT ON "document_attribute_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "document_attribute_values" WHERE ' || '"document_id" = ' || quote(NEW."document_id") || ' AND ' || '"attribute_id" = ' || quote(NEW."attribute_id")); END;

DROP TRIGGER IF EXISTS undo_document_attribute_values_update;
CREATE TRIGGER undo_document_attribute_values_update AFTER UPDATE ON "document_attribute_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "document_attribute_values" SET ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"attribute_id" = ' || quote(OLD."attribute_id") || ', ' || '"value" = ' || quote(OLD."value") || ' WHERE ' || '"document_id" = ' || quote(NEW."document_id") || ' AND ' || '"attribute_id" = ' || quote(NEW."attribute_id")); END;

DROP TRIGGER IF EXISTS undo_document_attribute_values_delete;
CREATE TRIGGER undo_document_attribute_values_delete AFTER DELETE ON "document_attribute_values"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "document_attribute_values" ("document_id", "attribute_id", "value") VALUES (' || quote(OLD."document_id") || ', ' || quote(OLD."attribute_id") || ', ' || quote(OLD."value") || ')'); END;
`;
