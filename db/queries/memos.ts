import { DataError } from '../errors';
import { newGuid, nowIso } from '../ids';
import type { Db } from '../project-file';
import { stmt } from '../statements';

/** What a memo is written on: a document, a code, a case, or the project itself. One memo per object. */
export type MemoTarget = { kind: 'document' | 'code' | 'case'; id: number } | { kind: 'project' };

const TABLE = { document: 'documents', code: 'codes', case: 'cases' } as const;
const COLUMN = { document: 'document_id', code: 'code_id', case: 'case_id' } as const;
const TITLE = { document: 'Document memo', code: 'Code memo', case: 'Case memo', project: 'Project memo' } as const;

/** The WHERE clause that finds the target's memo, and its parameter. */
function memoOf(target: MemoTarget): { where: string; id: number | null } {
  if (target.kind === 'project') return { where: 'document_id IS NULL AND code_id IS NULL AND case_id IS NULL', id: null };
  return { where: `${COLUMN[target.kind]} = @id`, id: target.id };
}

function requireTarget(db: Db, target: MemoTarget): void {
  if (target.kind === 'project') return;
  if (!stmt(db, `SELECT 1 FROM ${TABLE[target.kind]} WHERE id = ?`).get(target.id)) {
    throw new DataError('not-found', `There is no ${target.kind} with id ${target.id}.`);
  }
}

/** The memo on an object (empty when none was written). */
export function getMemo(db: Db, target: MemoTarget): string {
  requireTarget(db, target);
  const { where, id } = memoOf(target);
  const row = stmt(db, `SELECT body FROM memos WHERE ${where} ORDER BY id LIMIT 1`).get({ id }) as { body: string } | undefined;
  return row?.body ?? '';
}

export function setMemo(db: Db, target: MemoTarget, body: string, coderId: number | null): void {
  requireTarget(db, target);
  const now = nowIso();
  const { where, id } = memoOf(target);
  const existing = stmt(db, `SELECT id FROM memos WHERE ${where} ORDER BY id LIMIT 1`).get({ id }) as { id: number } | undefined;
  if (existing) {
    stmt(db, 'UPDATE memos SET body = ?, modified_at = ? WHERE id = ?').run(body, now, existing.id);
    return;
  }
  stmt(
    db,
    `INSERT INTO memos (guid, title, body, coder_id, document_id, code_id, case_id, created_at, modified_at)
     VALUES (@guid, @title, @body, @coder, @document, @code, @case, @now, @now)`,
  ).run({
    guid: newGuid(),
    title: TITLE[target.kind],
    body,
    coder: coderId,
    document: target.kind === 'document' ? target.id : null,
    code: target.kind === 'code' ? target.id : null,
    case: target.kind === 'case' ? target.id : null,
    now,
  });
}

export interface MemoEntry {
  kind: 'document' | 'code' | 'case' | 'project' | 'coding';
  /** The memo's object: the document, code, case or segment (null for the project). */
  objectId: number | null;
  /** What a reader calls the object: the document's or case's name, the code's name, the coded document. */
  objectName: string;
  /** For a coding memo, the document the coded passage is in. */
  documentId: number | null;
  body: string;
  author: string | null;
  authorId: number | null;
  modifiedAt: string;
}

export interface MemoFilter {
  kinds?: MemoEntry['kind'][];
  authorId?: number;
  /** Only this coder's coding memos (object memos all stay). */
  codingsBy?: number;
  /** Words the memo's text or its object's name contains (case-insensitive). */
  text?: string;
}

/**
 * Every written memo (empty ones left out), newest first: object memos and coding memos alike. Memos written
 * within the same millisecond come the later-made first (the test that writes several at once found the tie).
 */
export function listMemos(db: Db, filter: MemoFilter = {}): MemoEntry[] {
  const rows = stmt(
    db,
    `SELECT kind, objectId, objectName, documentId, body, author, authorId, modifiedAt FROM (
       SELECT CASE WHEN m.document_id IS NOT NULL THEN 'document' WHEN m.code_id IS NOT NULL THEN 'code'
                   WHEN m.case_id IS NOT NULL THEN 'case' ELSE 'project' END AS kind,
              coalesce(m.document_id, m.code_id, m.case_id) AS objectId,
              coalesce(d.name, c.name, k.name, 'Project') AS objectName,
              m.document_id AS documentId, m.body, w.name AS author, m.coder_id AS authorId, m.modified_at AS modifiedAt,
              m.id AS seq
         FROM memos m
         LEFT JOIN documents d ON d.id = m.document_id
         LEFT JOIN codes c ON c.id = m.code_id
         LEFT JOIN cases k ON k.id = m.case_id
         LEFT JOIN coders w ON w.id = m.coder_id
       UNION ALL
       SELECT 'coding', s.id, d.name, s.document_id, s.memo, w.name, s.coder_id, s.modified_at, s.id
         FROM segments s JOIN documents d ON d.id = s.document_id JOIN coders w ON w.id = s.coder_id
        WHERE s.memo <> '')
     WHERE body <> ''
       AND (@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))
       AND (@author IS NULL OR authorId = @author)
       AND (@codingsBy IS NULL OR kind <> 'coding' OR authorId = @codingsBy)
       AND (@text IS NULL OR instr(lower(body || ' ' || objectName), lower(@text)) > 0)
     ORDER BY modifiedAt DESC, seq DESC, kind, objectId`,
  ).all({
    kinds: filter.kinds ? JSON.stringify(filter.kinds) : null,
    author: filter.authorId ?? null,
    codingsBy: filter.codingsBy ?? null,
    text: filter.text?.trim() ? filter.text.trim() : null,
  }) as MemoEntry[];
  return rows;
}

/** Memos attached to one code now belong to another (when the first is merged into it). */
export function moveCodeMemos(db: Db, fromCodeId: number, toCodeId: number): void {
  stmt(db, 'UPDATE memos SET code_id = ? WHERE code_id = ?').run(toCodeId, fromCodeId);
}
