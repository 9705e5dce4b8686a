// Step 5, frozen: the log of reconciliation decisions (who decided what for which span and code of two
// coders' disagreement, when and why), tracked by undo like the Consensus codings it writes. The undo
// triggers are db/undo.ts's text for this table, written out.
export const sql = /* sql */ `
CREATE TABLE reconciliations (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end > start),
  -- The coders compared, by name as they were then, and which of them coded the span.
  coder_a     TEXT NOT NULL,
  coder_b     TEXT NOT NULL,
  side        TEXT NOT NULL CHECK (side IN ('A', 'B')),
  decision    TEXT NOT NULL CHECK (decision IN ('A', 'B', 'both', 'neither')),
  note        TEXT NOT NULL DEFAULT '',
  decided_by  INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  decided_at  TEXT NOT NULL,
  -- The Consensus segment the decision wrote, if any.
  segment_id  INTEGER REFERENCES segments(id) ON DELETE SET NULL
);
CREATE INDEX reconciliations_by_span ON reconciliations(document_id, code_id, start, end);

DROP TRIGGER IF EXISTS undo_reconciliations_insert;
CREATE TRIGGER undo_reconciliations_insert AFTER INSERT ON "reconciliations"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "reconciliations" WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_reconciliations_update;
CREATE TRIGGER undo_reconciliations_update AFTER UPDATE ON "reconciliations"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "reconciliations" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"code_id" = ' || quote(OLD."code_id") || ', ' || '"start" = ' || quote(OLD."start") || ', ' || '"end" = ' || quote(OLD."end") || ', ' || '"coder_a" = ' || quote(OLD."coder_a") || ', ' || '"coder_b" = ' || quote(OLD."coder_b") || ', ' || '"side" = ' || quote(OLD."side") || ', ' || '"decision" = ' || quote(OLD."decision") || ', ' || '"note" = ' || quote(OLD."note") || ', ' || '"decided_by" = ' || quote(OLD."decided_by") || ', ' || '"decided_at" = ' || quote(OLD."decided_at") || ', ' || '"segment_id" = ' || quote(OLD."segment_id") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_reconciliations_delete;
CREATE TRIGGER undo_reconciliations_delete AFTER DELETE ON "reconciliations"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "reconciliations" ("id", "document_id", "code_id", "start", "end", "coder_a", "coder_b", "side", "decision", "note", "decided_by", "decided_at", "segment_id") VALUES (' || quote(OLD."id") || ', ' || quote(OLD."document_id") || ', ' || quote(OLD."code_id") || ', ' || quote(OLD."start") || ', ' || quote(OLD."end") || ', ' || quote(OLD."coder_a") || ', ' || quote(OLD."coder_b") || ', ' || quote(OLD."side") || ', ' || quote(OLD."decision") || ', ' || quote(OLD."note") || ', ' || quote(OLD."decided_by") || ', ' || quote(OLD."decided_at") || ', ' || quote(OLD."segment_id") || ')'); END;`;
