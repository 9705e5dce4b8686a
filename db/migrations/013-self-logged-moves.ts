// Step 13, frozen: a text edit's rigid moves in the undo history as one statement each. Until now the undo
// triggers logged every segment and paragraph a word fix moved, and undoing the fix replayed them one by one
// (a segment's row also recounting its co-occurrences): 1.3 s of CPU for a word in a 50,000-word transcript
// with 2,000 codings. Now a move goes through a view whose trigger logs its own reverse, with a marker row
// naming the move while it runs, which the undo triggers of segments and paragraphs skip (db/undo.ts,
// SELF_LOGGED_UPDATES):
// - segment_moves (document_id, ids, delta): the segments listed (a JSON array) move by delta; the reverse
//   moves the same ids back. The marker is segment_shifts (step 9), so co-occurrence skips them as before.
// - paragraph_moves (document_id, from_n, to_n, delta): paragraphs from_n..to_n move by delta.
// - paragraph_renumbers (document_id, after, by): the paragraphs after number `after` are numbered `by` on,
//   through numbers no paragraph has; the reverse is (after + by, -by). Its marker has delta 0.
export const sql = /* sql */ `
CREATE TABLE paragraph_shifts (
  document_id INTEGER NOT NULL,
  from_n      INTEGER NOT NULL,
  to_n        INTEGER NOT NULL,
  delta       INTEGER NOT NULL
);

CREATE VIEW segment_moves (document_id, ids, delta) AS SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER segment_move INSTEAD OF INSERT ON segment_moves BEGIN
  INSERT INTO undo_log (step_id, statement)
  SELECT step_id, 'INSERT INTO segment_moves (document_id, ids, delta) VALUES (' || CAST(NEW.document_id AS INTEGER) || ', '
         || quote(NEW.ids) || ', ' || CAST(-NEW.delta AS INTEGER) || ')'
    FROM undo_recording WHERE step_id IS NOT NULL;
  INSERT INTO segment_shifts (document_id, from_offset, until_offset, delta)
  SELECT NEW.document_id, min(start), max(start) + 1, NEW.delta FROM segments
   WHERE document_id = NEW.document_id AND id IN (SELECT value FROM json_each(NEW.ids)) HAVING count(*) > 0;
  UPDATE segments SET start = start + NEW.delta, end = end + NEW.delta
   WHERE document_id = NEW.document_id AND id IN (SELECT value FROM json_each(NEW.ids));
  DELETE FROM segment_shifts;
END;

CREATE VIEW paragraph_moves (document_id, from_n, to_n, delta) AS SELECT NULL, NULL, NULL, NULL WHERE 0;
CREATE TRIGGER paragraph_move INSTEAD OF INSERT ON paragraph_moves BEGIN
  INSERT INTO undo_log (step_id, statement)
  SELECT step_id, 'INSERT INTO paragraph_moves (document_id, from_n, to_n, delta) VALUES (' || CAST(NEW.document_id AS INTEGER) || ', '
         || CAST(NEW.from_n AS INTEGER) || ', ' || CAST(NEW.to_n AS INTEGER) || ', ' || CAST(-NEW.delta AS INTEGER) || ')'
    FROM undo_recording WHERE step_id IS NOT NULL;
  INSERT INTO paragraph_shifts (document_id, from_n, to_n, delta) VALUES (NEW.document_id, NEW.from_n, NEW.to_n, NEW.delta);
  UPDATE paragraphs SET start = start + NEW.delta, end = end + NEW.delta, body_start = body_start + NEW.delta
   WHERE document_id = NEW.document_id AND n BETWEEN NEW.from_n AND NEW.to_n;
  DELETE FROM paragraph_shifts;
END;

CREATE VIEW paragraph_renumbers (document_id, after, by) AS SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER paragraph_renumber INSTEAD OF INSERT ON paragraph_renumbers BEGIN
  INSERT INTO undo_log (step_id, statement)
  SELECT step_id, 'INSERT INTO paragraph_renumbers (document_id, after, by) VALUES (' || CAST(NEW.document_id AS INTEGER) || ', '
         || CAST(NEW.after + NEW.by AS INTEGER) || ', ' || CAST(-NEW.by AS INTEGER) || ')'
    FROM undo_recording WHERE step_id IS NOT NULL;
  INSERT INTO paragraph_shifts (document_id, from_n, to_n, delta) VALUES (NEW.document_id, NEW.after + 1, NEW.after + 1, 0);
  UPDATE paragraphs SET n = n + 2147483648 WHERE document_id = NEW.document_id AND n > NEW.after;
  UPDATE paragraphs SET n = n - (2147483648 - NEW.by) WHERE document_id = NEW.document_id AND n > 2147483648;
  DELETE FROM paragraph_shifts;
END;

DROP TRIGGER IF EXISTS undo_segments_update;
CREATE TRIGGER undo_segments_update AFTER UPDATE ON "segments"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM segment_shifts t WHERE t.document_id = NEW.document_id AND OLD.start >= t.from_offset AND OLD.start < t.until_offset AND NEW.start = OLD.start + t.delta AND NEW.end = OLD.end + t.delta)
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "segments" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"coder_id" = ' || quote(OLD."coder_id") || ', ' || '"start" = ' || quote(OLD."start") || ', ' || '"end" = ' || quote(OLD."end") || ', ' || '"text_hash" = ' || quote(OLD."text_hash") || ', ' || '"memo" = ' || quote(OLD."memo") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ', ' || '"modified_at" = ' || quote(OLD."modified_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;

DROP TRIGGER IF EXISTS undo_paragraphs_update;
CREATE TRIGGER undo_paragraphs_update AFTER UPDATE ON "paragraphs"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM paragraph_shifts t WHERE t.document_id = NEW.document_id AND NEW.speaker IS OLD.speaker AND NEW.time_ms IS OLD.time_ms AND NEW.search_key = OLD.search_key AND NEW.start = OLD.start + t.delta AND NEW.end = OLD.end + t.delta AND NEW.body_start = OLD.body_start + t.delta AND (t.delta = 0 OR (NEW.n = OLD.n AND OLD.n BETWEEN t.from_n AND t.to_n)))
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "paragraphs" SET ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"n" = ' || quote(OLD."n") || ', ' || '"start" = ' || quote(OLD."start") || ', ' || '"end" = ' || quote(OLD."end") || ', ' || '"body_start" = ' || quote(OLD."body_start") || ', ' || '"speaker" = ' || quote(OLD."speaker") || ', ' || '"time_ms" = ' || quote(OLD."time_ms") || ', ' || '"search_key" = ' || quote(OLD."search_key") || ' WHERE ' || '"document_id" = ' || quote(NEW."document_id") || ' AND ' || '"n" = ' || quote(NEW."n")); END;
`;
