// What merging one project file into another reads from each and writes into the target. The matching
// itself (electron/services/merge.ts) works on these plain rows; every write keeps the source's GUIDs, so
// a second merge of the same file finds everything already there.
import type { AttributeType } from './cases';
import type { Db } from '../project-file';
import { spreadKey } from '../search-keys';
import { stmt } from '../statements';

export interface CoderRow {
  id: number;
  guid: string;
  name: string;
  color: string;
  createdAt: string;
}

export interface CaseRow {
  id: number;
  guid: string;
  name: string;
  description: string;
  createdAt: string;
}

export interface AttributeRow {
  id: number;
  guid: string;
  name: string;
  type: AttributeType;
  choices: string | null;
}

export interface CodeRow {
  id: number;
  guid: string;
  parentId: number | null;
  name: string;
  color: string;
  description: string;
  inclusion: string;
  exclusion: string;
  codable: number;
  createdAt: string;
  modifiedAt: string;
}

export interface FrameworkRow {
  id: number;
  guid: string;
  name: string;
  rootCodeId: number;
}

export interface DocumentRow {
  id: number;
  guid: string;
  name: string;
  text: string;
  characters: number;
  contentHash: string;
  sourceName: string | null;
  sourceType: string;
  formatting: string | null;
  description: string;
  createdBy: number | null;
  createdAt: string;
  modifiedAt: string;
}

export interface ParagraphRow {
  documentId: number;
  n: number;
  start: number;
  end: number;
  bodyStart: number;
  speaker: string | null;
  timeMs: number | null;
}

export interface SegmentRow {
  id: number;
  guid: string;
  documentId: number;
  coderId: number;
  start: number;
  end: number;
  textHash: string;
  memo: string;
  createdAt: string;
  modifiedAt: string;
}

/** Everything a merge takes from a project: identities, texts, codings. */
export interface ProjectContents {
  projectGuid: string;
  projectName: string;
  coders: CoderRow[];
  cases: CaseRow[];
  caseDocuments: { caseId: number; documentId: number }[];
  attributes: AttributeRow[];
  attributeValues: { caseId: number; attributeId: number; value: string }[];
  /** Parents before their children. */
  codes: CodeRow[];
  frameworks: FrameworkRow[];
  /** Cell and slice-value codes, with their framework. */
  frameworkCodes: { codeId: number; frameworkId: number }[];
  documents: DocumentRow[];
  paragraphs: ParagraphRow[];
  segments: SegmentRow[];
  segmentCodes: { segmentId: number; codeId: number }[];
  memos: number;
  codeSets: number;
}

const meta = (db: Db, key: string) =>
  (stmt(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? '';

/** Reads a whole project (the source of a merge) into memory. */
export function readProjectContents(db: Db): ProjectContents {
  const all = <T>(sql: string) => db.prepare(sql).all() as T[];
  return {
    projectGuid: meta(db, 'project_guid'),
    projectName: meta(db, 'project_name'),
    coders: all('SELECT id, guid, name, color, created_at AS createdAt FROM coders ORDER BY id'),
    cases: all('SELECT id, guid, name, description, created_at AS createdAt FROM cases ORDER BY sort, id'),
    caseDocuments: all('SELECT case_id AS caseId, document_id AS documentId FROM case_documents'),
    attributes: all("SELECT id, guid, name, type, choices FROM attributes WHERE scope = 'case' ORDER BY sort, id"),
    attributeValues: all(
      `SELECT v.case_id AS caseId, v.attribute_id AS attributeId, v.value FROM case_attribute_values v
         JOIN attributes a ON a.id = v.attribute_id WHERE a.scope = 'case'`,
    ),
    codes: all(`WITH RECURSIVE tree(id, depth) AS (
                  SELECT id, 0 FROM codes WHERE parent_id IS NULL
                  UNION ALL SELECT c.id, t.depth + 1 FROM codes c JOIN tree t ON c.parent_id = t.id)
                SELECT c.id, c.guid, c.parent_id AS parentId, c.name, c.color, c.description, c.inclusion, c.exclusion,
                       c.codable, c.created_at AS createdAt, c.modified_at AS modifiedAt
                  FROM tree t JOIN codes c ON c.id = t.id ORDER BY t.depth, c.sort, c.id`),
    frameworks: all('SELECT id, guid, name, root_code_id AS rootCodeId FROM frameworks ORDER BY sort, id'),
    frameworkCodes: all(`SELECT code_id AS codeId, framework_id AS frameworkId FROM framework_values WHERE code_id IS NOT NULL
                         UNION ALL
                         SELECT c.code_id, v.framework_id FROM framework_cells c JOIN framework_values v ON v.id = c.row_value_id`),
    documents: all(`SELECT id, guid, name, plain_text AS text, char_count AS characters, content_hash AS contentHash,
                           source_name AS sourceName, source_type AS sourceType, formatting, description, created_by AS createdBy,
                           created_at AS createdAt, modified_at AS modifiedAt
                      FROM documents ORDER BY sort, id`),
    paragraphs: all(`SELECT document_id AS documentId, n, start, end, body_start AS bodyStart, speaker, time_ms AS timeMs
                       FROM paragraphs ORDER BY document_id, n`),
    segments: all(`SELECT id, guid, document_id AS documentId, coder_id AS coderId, start, end, text_hash AS textHash, memo,
                          created_at AS createdAt, modified_at AS modifiedAt FROM segments ORDER BY id`),
    segmentCodes: all('SELECT segment_id AS segmentId, code_id AS codeId FROM segment_codes ORDER BY segment_id, code_id'),
    memos: (db.prepare('SELECT count(*) AS n FROM memos').get() as { n: number }).n,
    codeSets: (db.prepare('SELECT count(*) AS n FROM code_sets').get() as { n: number }).n,
  };
}

/** What a merge compares the source with: the target's identities, without texts or codings. */
export interface MergeTarget {
  projectGuid: string;
  coders: { id: number; guid: string; name: string }[];
  cases: { id: number; guid: string; name: string }[];
  attributes: AttributeRow[];
  attributeValues: { caseId: number; attributeId: number; value: string }[];
  codes: { id: number; guid: string; parentId: number | null; name: string }[];
  frameworks: FrameworkRow[];
  frameworkCodes: { codeId: number; frameworkId: number }[];
  documents: { id: number; name: string; contentHash: string }[];
  segmentGuids: Set<string>;
}

export function readMergeTarget(db: Db): MergeTarget {
  const all = <T>(sql: string) => stmt(db, sql).all() as T[];
  return {
    projectGuid: meta(db, 'project_guid'),
    coders: all('SELECT id, guid, name FROM coders'),
    cases: all('SELECT id, guid, name FROM cases'),
    attributes: all("SELECT id, guid, name, type, choices FROM attributes WHERE scope = 'case'"),
    attributeValues: all('SELECT case_id AS caseId, attribute_id AS attributeId, value FROM case_attribute_values'),
    codes: all('SELECT id, guid, parent_id AS parentId, name FROM codes'),
    frameworks: all('SELECT id, guid, name, root_code_id AS rootCodeId FROM frameworks'),
    frameworkCodes: all(`SELECT code_id AS codeId, framework_id AS frameworkId FROM framework_values WHERE code_id IS NOT NULL
                         UNION ALL
                         SELECT c.code_id, v.framework_id FROM framework_cells c JOIN framework_values v ON v.id = c.row_value_id`),
    documents: all('SELECT id, name, content_hash AS contentHash FROM documents ORDER BY id'),
    segmentGuids: new Set(db.prepare('SELECT guid FROM segments').pluck().all() as string[]),
  };
}

const nextSort = (table: string, where = 'true') => `(SELECT ifnull(max(sort), 0) + 1 FROM ${table} WHERE ${where})`;

export function insertCoderRow(db: Db, c: Omit<CoderRow, 'id'>): number {
  return Number(
    stmt(db, 'INSERT INTO coders (guid, name, color, created_at) VALUES (?, ?, ?, ?)').run(c.guid, c.name, c.color, c.createdAt)
      .lastInsertRowid,
  );
}

export function insertCaseRow(db: Db, c: Omit<CaseRow, 'id'>): number {
  return Number(
    stmt(db, `INSERT INTO cases (guid, name, description, created_at, sort) VALUES (?, ?, ?, ?, ${nextSort('cases')})`).run(
      c.guid,
      c.name,
      c.description,
      c.createdAt,
    ).lastInsertRowid,
  );
}

export function insertAttributeRow(db: Db, a: Omit<AttributeRow, 'id'>): number {
  return Number(
    stmt(db, `INSERT INTO attributes (guid, name, scope, type, choices, sort) VALUES (?, ?, 'case', ?, ?, ${nextSort('attributes')})`).run(
      a.guid,
      a.name,
      a.type,
      a.choices,
    ).lastInsertRowid,
  );
}

export function setChoices(db: Db, attributeId: number, choices: string[]): void {
  stmt(db, 'UPDATE attributes SET choices = ? WHERE id = ?').run(JSON.stringify(choices), attributeId);
}

export function insertAttributeValue(db: Db, caseId: number, attributeId: number, value: string): void {
  stmt(db, 'INSERT INTO case_attribute_values (case_id, attribute_id, value) VALUES (?, ?, ?)').run(caseId, attributeId, value);
}

export function insertCodeRow(db: Db, c: Omit<CodeRow, 'id'>): number {
  return Number(
    stmt(
      db,
      `INSERT INTO codes (guid, parent_id, name, color, description, inclusion, exclusion, codable, sort, created_at, modified_at)
       VALUES (@guid, @parentId, @name, @color, @description, @inclusion, @exclusion, @codable,
               ${nextSort('codes', 'ifnull(parent_id, 0) = ifnull(@parentId, 0)')}, @createdAt, @modifiedAt)`,
    ).run(c).lastInsertRowid,
  );
}

export function insertDocumentRow(db: Db, d: Omit<DocumentRow, 'id'>, paragraphs: ParagraphRow[]): number {
  const id = Number(
    stmt(
      db,
      `INSERT INTO documents (guid, name, plain_text, char_count, content_hash, source_name, source_type, formatting, description,
                              sort, created_by, created_at, modified_at)
       VALUES (@guid, @name, @text, @characters, @contentHash, @sourceName, @sourceType, @formatting, @description,
               ${nextSort('documents')}, @createdBy, @createdAt, @modifiedAt)`,
    ).run(d).lastInsertRowid,
  );
  const add = stmt(
    db,
    'INSERT INTO paragraphs (document_id, n, start, end, body_start, speaker, time_ms, search_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // Keys spread anew in this project (the source's keys belong to its own document ids).
  const last = paragraphs.reduce((max, p) => Math.max(max, p.n), 0);
  for (const p of paragraphs) add.run(id, p.n, p.start, p.end, p.bodyStart, p.speaker, p.timeMs, spreadKey(id, p.n, last));
  return id;
}

export function linkCase(db: Db, caseId: number, documentId: number): void {
  stmt(db, 'INSERT OR IGNORE INTO case_documents (case_id, document_id) VALUES (?, ?)').run(caseId, documentId);
}

/** A coded passage as it was, under the target's ids for its document, coder and codes. */
export function insertSegmentRow(db: Db, s: Omit<SegmentRow, 'id'>, codeIds: number[]): void {
  const id = Number(
    stmt(
      db,
      `INSERT INTO segments (guid, document_id, coder_id, start, end, text_hash, memo, created_at, modified_at)
       VALUES (@guid, @documentId, @coderId, @start, @end, @textHash, @memo, @createdAt, @modifiedAt)`,
    ).run(s).lastInsertRowid,
  );
  const add = stmt(db, 'INSERT INTO segment_codes (segment_id, code_id, document_id, coder_id) VALUES (?, ?, ?, ?)');
  // Distinct: the bulk path inserts without the guard that ignored a repeated code.
  for (const codeId of new Set(codeIds)) add.run(id, codeId, s.documentId, s.coderId);
}

/** A merge is not a step of the undo history, and the steps before it are dropped (see README, "Two coders"). */
export function clearUndoHistory(db: Db): void {
  stmt(db, 'DELETE FROM undo_steps').run();
}
