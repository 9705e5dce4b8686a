// Step 11, frozen: a recording linked to a document (an audio file the person chose, played beside the
// transcript). Only its path is kept, never a copy; size and modification time tell when the file at that
// path is no longer the one linked. Tracked by undo (linking and unlinking are undo steps); the undo
// triggers are db/undo.ts's text for this table, written out.
export const sql = /* sql */ `
CREATE TABLE document_media (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  path        TEXT NOT NULL CHECK (length(path) > 0),
  size        INTEGER NOT NULL CHECK (size >= 0),
  mtime_ms    INTEGER NOT NULL,
  linked_at   TEXT NOT NULL
);
DROP TRIGGER IF EXISTS undo_document_media_insert;
CREATE TRIGGER undo_document_media_insert AFTER INSERT ON "document_media"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "document_media" WHERE ' || '"document_id" = ' || quote(NEW."document_id")); END;

DROP TRIGGER IF EXISTS undo_document_media_update;
CREATE TRIGGER undo_document_media_update AFTER UPDATE ON "document_media"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "document_media" SET ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"path" = ' || quote(OLD."path") || ', ' || '"size" = ' || quote(OLD."size") || ', ' || '"mtime_ms" = ' || quote(OLD."mtime_ms") || ', ' || '"linked_at" = ' || quote(OLD."linked_at") || ' WHERE ' || '"document_id" = ' || quote(NEW."document_id")); END;

DROP TRIGGER IF EXISTS undo_document_media_delete;
CREATE TRIGGER undo_document_media_delete AFTER DELETE ON "document_media"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "document_media" ("document_id", "path", "size", "mtime_ms", "linked_at") VALUES (' || quote(OLD."document_id") || ', ' || quote(OLD."path") || ', ' || quote(OLD."size") || ', ' || quote(OLD."mtime_ms") || ', ' || quote(OLD."linked_at") || ')'); END;`;
