// Step 9, frozen: transcript text edits stored as deltas. A document's text changes only by inserting
// (document_id, edits) into the view document_text_edits, edits a JSON array of [start, end, text, at] in
// order (start and end: code points of the text before them; at: where the text lands in the text after
// them, which makes the reverse edit [at, at + length(text), removed, start]): its trigger logs the reverse edits (the removed text,
// never a copy of the whole transcript), rewrites the text once and bumps the document's text version,
// which tells each connection's text cache (db/document-text.ts) that its copy is stale.
// The undo trigger of documents stops copying plain_text and char_count (db/undo.ts, DELTA_COLUMNS).
// The search index no longer re-reads every paragraph of a document whose text or paragraphs change:
// inserting (document_id, a JSON array of paragraph numbers) into search_reindex re-indexes those
// paragraphs, and logs itself, so that an edit's undo and redo re-index what they touch (paragraph
// numbers, unlike offsets, mean the same before and after an edit). segment_shifts names the rigid shift
// of the segments after an edit while it runs, and segments_around_edits the segments stretched in place
// around a change: both keep every overlap, so co-occurrence skips them.
export const sql = /* sql */ `
CREATE TABLE document_text_versions (
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  version     INTEGER NOT NULL
);

CREATE TABLE segments_around_edits (id INTEGER PRIMARY KEY);

CREATE TABLE segment_shifts (
  document_id  INTEGER NOT NULL,
  from_offset  INTEGER NOT NULL,
  until_offset INTEGER NOT NULL,
  delta        INTEGER NOT NULL
);

CREATE VIEW document_text_edits (document_id, edits) AS SELECT NULL, NULL WHERE 0;
CREATE TRIGGER document_text_edit INSTEAD OF INSERT ON document_text_edits BEGIN
  SELECT RAISE(ABORT, 'text edits must be in order, inside their document, insert text and say where it lands') FROM documents d
   WHERE d.id = NEW.document_id AND (json_array_length(NEW.edits) = 0 OR EXISTS (
     SELECT 1 FROM json_each(NEW.edits) j LEFT JOIN json_each(NEW.edits) p ON p.key = j.key - 1
      WHERE NOT ((j.value ->> 0) >= ifnull(p.value ->> 1, 0) AND (j.value ->> 1) >= (j.value ->> 0)
                 AND (j.value ->> 1) <= d.char_count AND typeof(j.value ->> 2) = 'text'
                 AND (j.value ->> 3) - (j.value ->> 0)
                     = ifnull((p.value ->> 3) - (p.value ->> 0) + length(p.value ->> 2) - ((p.value ->> 1) - (p.value ->> 0)), 0))));
  INSERT INTO undo_log (step_id, statement)
  SELECT r.step_id, 'INSERT INTO document_text_edits (document_id, edits) VALUES (' || CAST(NEW.document_id AS INTEGER) || ', '
         || quote((SELECT json_group_array(json_array((j.value ->> 3), (j.value ->> 3) + length(j.value ->> 2),
                                                      substr(d.plain_text, (j.value ->> 0) + 1, (j.value ->> 1) - (j.value ->> 0)),
                                                      (j.value ->> 0)) ORDER BY j.key)
                     FROM json_each(NEW.edits) j)) || ')'
    FROM undo_recording r, documents d WHERE r.step_id IS NOT NULL AND d.id = NEW.document_id;
  -- The text between the edits (each piece from the previous edit's end) followed by each edit's text, then the rest.
  UPDATE documents
     SET plain_text = (SELECT group_concat(substr(plain_text, ifnull(p.value ->> 1, 0) + 1, (j.value ->> 0) - ifnull(p.value ->> 1, 0))
                                             || (j.value ->> 2), '' ORDER BY j.key)
                         FROM json_each(NEW.edits) j LEFT JOIN json_each(NEW.edits) p ON p.key = j.key - 1)
                      || substr(plain_text, (SELECT j.value ->> 1 FROM json_each(NEW.edits) j ORDER BY j.key DESC LIMIT 1) + 1),
         char_count = char_count + (SELECT sum(length(j.value ->> 2) - ((j.value ->> 1) - (j.value ->> 0))) FROM json_each(NEW.edits) j)
   WHERE id = NEW.document_id;
  INSERT INTO document_text_versions (document_id, version) VALUES (NEW.document_id, 1)
    ON CONFLICT (document_id) DO UPDATE SET version = version + 1;
END;

DROP TRIGGER search_text_changed;
DROP TRIGGER search_paragraph_changed;
CREATE VIEW search_reindex (document_id, paragraphs) AS SELECT NULL, NULL WHERE 0;
CREATE TRIGGER search_reindex_paragraphs INSTEAD OF INSERT ON search_reindex BEGIN
  INSERT INTO undo_log (step_id, statement)
  SELECT step_id, 'INSERT INTO search_reindex (document_id, paragraphs) VALUES (' || CAST(NEW.document_id AS INTEGER) || ', '
         || quote(NEW.paragraphs) || ')'
    FROM undo_recording WHERE step_id IS NOT NULL;
  DELETE FROM search_stemmed WHERE rowid IN (SELECT NEW.document_id * 4294967296 + value FROM json_each(NEW.paragraphs));
  DELETE FROM search_exact WHERE rowid IN (SELECT NEW.document_id * 4294967296 + value FROM json_each(NEW.paragraphs));
  INSERT INTO search_stemmed (rowid, text)
  SELECT p.document_id * 4294967296 + p.n, substr(d.plain_text, p.body_start + 1, p.end - p.body_start)
    FROM json_each(NEW.paragraphs) j JOIN paragraphs p ON p.document_id = NEW.document_id AND p.n = j.value
    JOIN documents d ON d.id = p.document_id;
  INSERT INTO search_exact (rowid, text)
  SELECT rowid, text FROM search_stemmed WHERE rowid IN (SELECT NEW.document_id * 4294967296 + value FROM json_each(NEW.paragraphs));
END;

DROP TRIGGER cooccurrence_segment_resized;
-- A text edit moves the segments after it by the same amount, one statement per stretch (named in
-- segment_shifts while it runs), and stretches in place those holding a whole change that inserts text
-- (named in segments_around_edits): both keep every overlap, so neither is recounted. The segments it cuts
-- otherwise wait out of every neighbourhood meanwhile (db/queries/text-edits.ts).
CREATE TRIGGER cooccurrence_segment_resized AFTER UPDATE OF start, end ON segments
WHEN NOT EXISTS (SELECT 1 FROM segment_shifts t WHERE t.document_id = NEW.document_id AND OLD.start >= t.from_offset
                 AND OLD.start < t.until_offset AND NEW.start = OLD.start + t.delta AND NEW.end = OLD.end + t.delta)
 AND NOT EXISTS (SELECT 1 FROM segments_around_edits WHERE id = NEW.id) BEGIN
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

DROP TRIGGER IF EXISTS undo_documents_update;
CREATE TRIGGER undo_documents_update AFTER UPDATE OF "id", "guid", "name", "content_hash", "source_name", "source_type", "formatting", "description", "sort", "created_by", "created_at", "modified_at" ON "documents"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "documents" SET ' || '"id" = ' || quote(OLD."id") || ', ' || '"guid" = ' || quote(OLD."guid") || ', ' || '"name" = ' || quote(OLD."name") || ', ' || '"content_hash" = ' || quote(OLD."content_hash") || ', ' || '"source_name" = ' || quote(OLD."source_name") || ', ' || '"source_type" = ' || quote(OLD."source_type") || ', ' || '"formatting" = ' || quote(OLD."formatting") || ', ' || '"description" = ' || quote(OLD."description") || ', ' || '"sort" = ' || quote(OLD."sort") || ', ' || '"created_by" = ' || quote(OLD."created_by") || ', ' || '"created_at" = ' || quote(OLD."created_at") || ', ' || '"modified_at" = ' || quote(OLD."modified_at") || ' WHERE ' || '"id" = ' || quote(NEW."id")); END;
`;
