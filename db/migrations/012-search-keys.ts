// Step 12, frozen: each paragraph's row in the search index (step 5) gets a key of its own, kept when turns
// are numbered again. Until now a row's id was document_id * 2^32 + n, so splitting or joining a turn
// renumbered every later turn in the index and re-read all of their speech. Now paragraphs.search_key is
// the row id: document_id * 2^32 plus a number below 2^32, in the order of the turns (a search reads a
// document's hits in row-id order), spread out so that a turn split in two gets a key between its
// neighbours' (db/search-keys.ts). The index is built again under these keys, the triggers read them,
// and search_reindex re-reads the listed paragraphs at their keys, or with paragraphs NULL every
// paragraph of the document, after its keys were spread again. The undo triggers of paragraphs (db/undo.ts's
// text, written out) restore the key with the row. Rows logged for undo before this step, without a key,
// are logged again to get one when they come back: n * 2^16 into the document's range where that lies
// between the neighbours' keys (a whole document put back), else halfway between them.
export const sql = /* sql */ `
DROP TRIGGER search_reindex_paragraphs;

CREATE TABLE paragraphs_keyed (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  n           INTEGER NOT NULL CHECK (n >= 1),
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end >= start),
  body_start  INTEGER NOT NULL CHECK (body_start BETWEEN start AND end),
  speaker     TEXT,
  time_ms     INTEGER CHECK (time_ms >= 0),
  search_key  INTEGER NOT NULL UNIQUE,
  PRIMARY KEY (document_id, n)
) WITHOUT ROWID;
INSERT INTO paragraphs_keyed (document_id, n, start, end, body_start, speaker, time_ms, search_key)
SELECT p.document_id, p.n, p.start, p.end, p.body_start, p.speaker, p.time_ms,
       p.document_id * 4294967296 + p.n * (4294967296 / (m.last + 1))
  FROM paragraphs p JOIN (SELECT document_id, max(n) AS last FROM paragraphs GROUP BY document_id) m ON m.document_id = p.document_id;
DROP TABLE paragraphs;
ALTER TABLE paragraphs_keyed RENAME TO paragraphs;

DROP TABLE search_stemmed;
DROP TABLE search_exact;
CREATE VIRTUAL TABLE search_stemmed USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_exact USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO search_stemmed (rowid, text)
SELECT p.search_key, substr(d.plain_text, p.body_start + 1, p.end - p.body_start)
  FROM paragraphs p JOIN documents d ON d.id = p.document_id;
INSERT INTO search_exact (rowid, text) SELECT rowid, text FROM search_stemmed;

CREATE TRIGGER search_paragraph_added AFTER INSERT ON paragraphs BEGIN
  INSERT INTO search_stemmed (rowid, text)
  SELECT NEW.search_key, substr(plain_text, NEW.body_start + 1, NEW.end - NEW.body_start) FROM documents WHERE id = NEW.document_id;
  INSERT INTO search_exact (rowid, text) SELECT rowid, text FROM search_stemmed WHERE rowid = NEW.search_key;
END;
CREATE TRIGGER search_paragraph_removed AFTER DELETE ON paragraphs BEGIN
  DELETE FROM search_stemmed WHERE rowid = OLD.search_key;
  DELETE FROM search_exact WHERE rowid = OLD.search_key;
END;

CREATE TRIGGER search_reindex_paragraphs INSTEAD OF INSERT ON search_reindex BEGIN
  INSERT INTO undo_log (step_id, statement)
  SELECT step_id, 'INSERT INTO search_reindex (document_id, paragraphs) VALUES (' || CAST(NEW.document_id AS INTEGER) || ', '
         || quote(NEW.paragraphs) || ')'
    FROM undo_recording WHERE step_id IS NOT NULL;
  DELETE FROM search_stemmed WHERE NEW.paragraphs IS NULL
     AND rowid BETWEEN NEW.document_id * 4294967296 AND NEW.document_id * 4294967296 + 4294967295;
  DELETE FROM search_exact WHERE NEW.paragraphs IS NULL
     AND rowid BETWEEN NEW.document_id * 4294967296 AND NEW.document_id * 4294967296 + 4294967295;
  DELETE FROM search_stemmed WHERE rowid IN
    (SELECT p.search_key FROM json_each(NEW.paragraphs) j JOIN paragraphs p ON p.document_id = NEW.document_id AND p.n = j.value);
  DELETE FROM search_exact WHERE rowid IN
    (SELECT p.search_key FROM json_each(NEW.paragraphs) j JOIN paragraphs p ON p.document_id = NEW.document_id AND p.n = j.value);
  INSERT INTO search_stemmed (rowid, text)
  SELECT p.search_key, substr(d.plain_text, p.body_start + 1, p.end - p.body_start)
    FROM paragraphs p JOIN documents d ON d.id = p.document_id
   WHERE p.document_id = NEW.document_id AND (NEW.paragraphs IS NULL OR p.n IN (SELECT value FROM json_each(NEW.paragraphs)));
  INSERT INTO search_exact (rowid, text)
  SELECT s.rowid, s.text FROM paragraphs p JOIN search_stemmed s ON s.rowid = p.search_key
   WHERE p.document_id = NEW.document_id AND (NEW.paragraphs IS NULL OR p.n IN (SELECT value FROM json_each(NEW.paragraphs)));
END;

DROP TRIGGER IF EXISTS undo_paragraphs_insert;
CREATE TRIGGER undo_paragraphs_insert AFTER INSERT ON "paragraphs"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'DELETE FROM "paragraphs" WHERE ' || '"document_id" = ' || quote(NEW."document_id") || ' AND ' || '"n" = ' || quote(NEW."n")); END;

DROP TRIGGER IF EXISTS undo_paragraphs_update;
CREATE TRIGGER undo_paragraphs_update AFTER UPDATE ON "paragraphs"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'UPDATE "paragraphs" SET ' || '"document_id" = ' || quote(OLD."document_id") || ', ' || '"n" = ' || quote(OLD."n") || ', ' || '"start" = ' || quote(OLD."start") || ', ' || '"end" = ' || quote(OLD."end") || ', ' || '"body_start" = ' || quote(OLD."body_start") || ', ' || '"speaker" = ' || quote(OLD."speaker") || ', ' || '"time_ms" = ' || quote(OLD."time_ms") || ', ' || '"search_key" = ' || quote(OLD."search_key") || ' WHERE ' || '"document_id" = ' || quote(NEW."document_id") || ' AND ' || '"n" = ' || quote(NEW."n")); END;

DROP TRIGGER IF EXISTS undo_paragraphs_delete;
CREATE TRIGGER undo_paragraphs_delete AFTER DELETE ON "paragraphs"
WHEN (SELECT step_id FROM undo_recording) IS NOT NULL
BEGIN INSERT INTO undo_log (step_id, statement) VALUES ((SELECT step_id FROM undo_recording), 'INSERT INTO "paragraphs" ("document_id", "n", "start", "end", "body_start", "speaker", "time_ms", "search_key") VALUES (' || quote(OLD."document_id") || ', ' || quote(OLD."n") || ', ' || quote(OLD."start") || ', ' || quote(OLD."end") || ', ' || quote(OLD."body_start") || ', ' || quote(OLD."speaker") || ', ' || quote(OLD."time_ms") || ', ' || quote(OLD."search_key") || ')'); END;

UPDATE undo_log
   SET statement = 'INSERT INTO "paragraphs" ("document_id", "n", "start", "end", "body_start", "speaker", "time_ms", "search_key") '
       || 'SELECT v.*, (SELECT CASE WHEN k > lo AND k < hi THEN k ELSE (lo + hi) / 2 END FROM (SELECT '
       || 'v.column1 * 4294967296 + v.column2 * 65536 AS k, '
       || 'ifnull((SELECT max(search_key) FROM paragraphs WHERE document_id = v.column1 AND n < v.column2), v.column1 * 4294967296) AS lo, '
       || 'ifnull((SELECT min(search_key) FROM paragraphs WHERE document_id = v.column1 AND n > v.column2), v.column1 * 4294967296 + 4294967296) AS hi)) '
       || 'FROM (VALUES ' || substr(statement, instr(statement, ') VALUES (') + 9) || ') v'
 WHERE statement LIKE 'INSERT INTO "paragraphs" (%';
`;
