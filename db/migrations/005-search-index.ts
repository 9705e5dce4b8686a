// Step 5, frozen: the full-text search index over paragraphs, two FTS5 tables (English stemming, and
// words as written for --no-stem) of each paragraph's speech (body_start to end, so a speaker label is
// never a hit). A row's rowid is document_id * 2^32 + n. Triggers keep it in the same transaction as any
// write to paragraphs or a document's text (imports, merges, bulk writes); filled here for old projects.
// Derived data: not part of the undo history.
export const sql = /* sql */ `
CREATE VIRTUAL TABLE search_stemmed USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_exact USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');

CREATE TRIGGER search_paragraph_added AFTER INSERT ON paragraphs BEGIN
  INSERT INTO search_stemmed (rowid, text)
  SELECT NEW.document_id * 4294967296 + NEW.n, substr(plain_text, NEW.body_start + 1, NEW.end - NEW.body_start) FROM documents WHERE id = NEW.document_id;
  INSERT INTO search_exact (rowid, text)
  SELECT NEW.document_id * 4294967296 + NEW.n, substr(plain_text, NEW.body_start + 1, NEW.end - NEW.body_start) FROM documents WHERE id = NEW.document_id;
END;
CREATE TRIGGER search_paragraph_removed AFTER DELETE ON paragraphs BEGIN
  DELETE FROM search_stemmed WHERE rowid = OLD.document_id * 4294967296 + OLD.n;
  DELETE FROM search_exact WHERE rowid = OLD.document_id * 4294967296 + OLD.n;
END;
CREATE TRIGGER search_paragraph_changed AFTER UPDATE ON paragraphs BEGIN
  DELETE FROM search_stemmed WHERE rowid = OLD.document_id * 4294967296 + OLD.n;
  DELETE FROM search_exact WHERE rowid = OLD.document_id * 4294967296 + OLD.n;
  INSERT INTO search_stemmed (rowid, text)
  SELECT NEW.document_id * 4294967296 + NEW.n, substr(plain_text, NEW.body_start + 1, NEW.end - NEW.body_start) FROM documents WHERE id = NEW.document_id;
  INSERT INTO search_exact (rowid, text)
  SELECT NEW.document_id * 4294967296 + NEW.n, substr(plain_text, NEW.body_start + 1, NEW.end - NEW.body_start) FROM documents WHERE id = NEW.document_id;
END;
CREATE TRIGGER search_text_changed AFTER UPDATE OF plain_text ON documents BEGIN
  DELETE FROM search_stemmed WHERE rowid BETWEEN NEW.id * 4294967296 AND NEW.id * 4294967296 + 4294967295;
  DELETE FROM search_exact WHERE rowid BETWEEN NEW.id * 4294967296 AND NEW.id * 4294967296 + 4294967295;
  INSERT INTO search_stemmed (rowid, text)
  SELECT p.document_id * 4294967296 + p.n, substr(NEW.plain_text, p.body_start + 1, p.end - p.body_start) FROM paragraphs p WHERE p.document_id = NEW.id;
  INSERT INTO search_exact (rowid, text)
  SELECT p.document_id * 4294967296 + p.n, substr(NEW.plain_text, p.body_start + 1, p.end - p.body_start) FROM paragraphs p WHERE p.document_id = NEW.id;
END;

INSERT INTO search_stemmed (rowid, text)
SELECT p.document_id * 4294967296 + p.n, substr(d.plain_text, p.body_start + 1, p.end - p.body_start)
  FROM paragraphs p JOIN documents d ON d.id = p.document_id;
INSERT INTO search_exact (rowid, text) SELECT rowid, text FROM search_stemmed;
`;
