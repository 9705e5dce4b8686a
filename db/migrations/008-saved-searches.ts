// Step 8, frozen: saved searches, rerun from the search panel's list; tracked by undo like the codebook
// (saving and deleting one are undo steps). The undo triggers are db/undo.ts's text for this table,
// written out.
export const sql = /* sql */ `
CREATE TABLE saved_searches (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  -- The search as search.run takes it (query, regex, noStem, ignoreCase, scope), as JSON.
  search     TEXT NOT NULL CHECK (json_valid(search)),
  saved_at   TEXT NOT NULL
);

DROP TRIGGER IF EXISTS undo_saved_searches_insert;
CREATE TRIGGER undo_saved_searches_insert AFTER INSERT ON "saved_searches"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "saved_searches" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_saved_searches_update;
CREATE TRIGGER undo_saved_searches_update AFTER UPDATE ON "saved_searches"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "saved_searches" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"search" = ' || quote(OLD."search") || ', ' || '"saved_at" = ' || quote(OLD."saved_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_saved_searches_delete;
CREATE TRIGGER undo_saved_searches_delete AFTER DELETE ON "saved_searches"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "saved_searches" ("id", "name", "search", "saved_at") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."name") || ', ' || quote(OLD."search") || ', ' || quote(OLD."saved_at") || ')'); END;`;
