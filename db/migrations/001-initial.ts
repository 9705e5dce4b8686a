// Schema v1. Offsets are Unicode code points into documents.plain_text (REFI-QDA §10.2), end exclusive.
// Every entity REFI-QDA exchanges carries a GUID so that merging coders' files and .qdpx round trips keep
// identity. Deleting a code or coder never silently drops codings: those references RESTRICT.
export const sql = /* sql */ `
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  guid       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  color      TEXT NOT NULL CHECK (color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
  created_at TEXT NOT NULL
);

CREATE TABLE documents (
  id           INTEGER PRIMARY KEY,
  guid         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  plain_text   TEXT NOT NULL,
  char_count   INTEGER NOT NULL CHECK (char_count = length(plain_text)),
  content_hash TEXT NOT NULL,             -- sha256 of plain_text (UTF-8): duplicate detection, drift checks
  source_name  TEXT,                      -- the imported file's name
  source_type  TEXT NOT NULL,             -- txt, docx, md, vtt, srt, paste, demo, qdpx ...
  formatting   TEXT,                      -- JSON runs for display only; never part of the offset basis
  description  TEXT NOT NULL DEFAULT '',
  sort         INTEGER NOT NULL DEFAULT 0,
  created_by   INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL,
  modified_at  TEXT NOT NULL
);
CREATE INDEX documents_by_hash ON documents(content_hash);

-- Speaker turns / paragraphs: the numbers exports cite. body_start marks where the speech starts
-- after a speaker label ("DCS: "), which stays in the canonical text.
CREATE TABLE paragraphs (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  n           INTEGER NOT NULL CHECK (n >= 1),
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end >= start),
  body_start  INTEGER NOT NULL CHECK (body_start BETWEEN start AND end),
  speaker     TEXT,
  time_ms     INTEGER CHECK (time_ms >= 0),
  PRIMARY KEY (document_id, n)
) WITHOUT ROWID;

CREATE TABLE cases (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  description TEXT NOT NULL DEFAULT '',
  sort        INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL
);

CREATE TABLE case_documents (
  case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  PRIMARY KEY (case_id, document_id)
) WITHOUT ROWID;
CREATE INDEX case_documents_by_document ON case_documents(document_id);

-- Typed attributes (REFI-QDA "variables") of cases or documents.
CREATE TABLE attributes (
  id      INTEGER PRIMARY KEY,
  guid    TEXT NOT NULL UNIQUE,
  name    TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) > 0),
  scope   TEXT NOT NULL CHECK (scope IN ('case', 'document')),
  type    TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice', 'boolean')),
  choices TEXT,                            -- JSON array of allowed values when type = 'choice'
  sort    INTEGER NOT NULL DEFAULT 0,
  UNIQUE (scope, name)
);

CREATE TABLE case_attribute_values (
  case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value        TEXT NOT NULL,
  PRIMARY KEY (case_id, attribute_id)
) WITHOUT ROWID;

CREATE TABLE document_attribute_values (
  document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  attribute_id INTEGER NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
  value        TEXT NOT NULL,
  PRIMARY KEY (document_id, attribute_id)
) WITHOUT ROWID;

CREATE TABLE codes (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  parent_id   INTEGER REFERENCES codes(id) ON DELETE RESTRICT,
  name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
  color       TEXT NOT NULL CHECK (color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
  description TEXT NOT NULL DEFAULT '',
  codable     INTEGER NOT NULL DEFAULT 1 CHECK (codable IN (0, 1)),
  sort        INTEGER NOT NULL DEFAULT 0,
  created_by  INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE UNIQUE INDEX codes_sibling_names ON codes(ifnull(parent_id, 0), name COLLATE NOCASE);

-- REFI-QDA "Sets" of codes.
CREATE TABLE code_sets (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT ''
);
CREATE TABLE code_set_members (
  set_id  INTEGER NOT NULL REFERENCES code_sets(id) ON DELETE CASCADE,
  code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE CASCADE,
  PRIMARY KEY (set_id, code_id)
) WITHOUT ROWID;

-- A framework is rows × columns (× optional slices); each cell and each slice value is a code, so coding
-- a passage into a cell is applying that cell's code. The MGF is seeded by default, never hard-coded.
CREATE TABLE frameworks (
  id           INTEGER PRIMARY KEY,
  guid         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
  description  TEXT NOT NULL DEFAULT '',
  row_label    TEXT NOT NULL,
  column_label TEXT NOT NULL,
  slice_label  TEXT,
  root_code_id INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  sort         INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE framework_values (
  id           INTEGER PRIMARY KEY,
  guid         TEXT NOT NULL UNIQUE,
  framework_id INTEGER NOT NULL REFERENCES frameworks(id) ON DELETE CASCADE,
  axis         TEXT NOT NULL CHECK (axis IN ('row', 'column', 'slice')),
  name         TEXT NOT NULL CHECK (length(trim(name)) > 0),
  description  TEXT NOT NULL DEFAULT '',
  sort         INTEGER NOT NULL DEFAULT 0,
  code_id      INTEGER UNIQUE REFERENCES codes(id) ON DELETE RESTRICT,  -- slice values only
  CHECK ((axis = 'slice') = (code_id IS NOT NULL))
);
CREATE UNIQUE INDEX framework_value_names ON framework_values(framework_id, axis, name COLLATE NOCASE);

CREATE TABLE framework_cells (
  row_value_id    INTEGER NOT NULL REFERENCES framework_values(id) ON DELETE CASCADE,
  column_value_id INTEGER NOT NULL REFERENCES framework_values(id) ON DELETE CASCADE,
  code_id         INTEGER NOT NULL UNIQUE REFERENCES codes(id) ON DELETE RESTRICT,
  PRIMARY KEY (row_value_id, column_value_id)
) WITHOUT ROWID;

-- A coded passage: one coder, one range, one or more codes.
CREATE TABLE segments (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  coder_id    INTEGER NOT NULL REFERENCES coders(id) ON DELETE RESTRICT,
  start       INTEGER NOT NULL CHECK (start >= 0),
  end         INTEGER NOT NULL CHECK (end > start),
  text_hash   TEXT NOT NULL,               -- sha256 of the coded text: detects drift
  memo        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX segments_by_document ON segments(document_id, start, end);
CREATE INDEX segments_by_coder ON segments(coder_id, document_id);

CREATE TABLE segment_codes (
  segment_id  INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  code_id     INTEGER NOT NULL REFERENCES codes(id) ON DELETE RESTRICT,
  -- Copies of the segment's document and coder (which never change), so that counts, matrices and
  -- agreement read one covering index instead of joining 100,000 segments.
  document_id INTEGER NOT NULL,
  coder_id    INTEGER NOT NULL,
  PRIMARY KEY (segment_id, code_id)
) WITHOUT ROWID;
CREATE INDEX segment_codes_by_code ON segment_codes(code_id, coder_id, document_id, segment_id);

CREATE TRIGGER segment_codes_copy_their_segment BEFORE INSERT ON segment_codes
WHEN NOT EXISTS (SELECT 1 FROM segments WHERE id = NEW.segment_id AND document_id = NEW.document_id AND coder_id = NEW.coder_id)
BEGIN SELECT RAISE(ABORT, 'segment_codes must copy the document and coder of its segment'); END;

CREATE TRIGGER segments_keep_document_and_coder BEFORE UPDATE OF document_id, coder_id ON segments
WHEN NEW.document_id IS NOT OLD.document_id OR NEW.coder_id IS NOT OLD.coder_id
BEGIN SELECT RAISE(ABORT, 'a segment keeps its document and coder'); END;

-- Memos (REFI-QDA "Notes"): free, or attached to one project object.
CREATE TABLE memos (
  id          INTEGER PRIMARY KEY,
  guid        TEXT NOT NULL UNIQUE,
  title       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL DEFAULT '',
  coder_id    INTEGER REFERENCES coders(id) ON DELETE SET NULL,
  document_id INTEGER REFERENCES documents(id) ON DELETE CASCADE,
  code_id     INTEGER REFERENCES codes(id) ON DELETE CASCADE,
  case_id     INTEGER REFERENCES cases(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  modified_at TEXT NOT NULL,
  CHECK ((document_id IS NOT NULL) + (code_id IS NOT NULL) + (case_id IS NOT NULL) <= 1)
);
`;
