// The reads behind inter-coder agreement: one query per concern, id lists passed as JSON arrays.
import type { Db } from '../project-file';
import { stmt } from '../statements';

const json = (ids: readonly number[] | null) => (ids === null ? null : JSON.stringify(ids));
const inList = (column: string, param: string) => `${column} IN (SELECT value FROM json_each(@${param}))`;
const inScope = (column: string) => `(@documents IS NULL OR ${inList(column, 'documents')})`;

/** Which of the coders coded anything (any code) in which documents: a coder is present where they coded. */
export function coderPresence(
  db: Db,
  coderIds: readonly number[],
  documentIds: readonly number[] | null,
): { coderId: number; documentId: number }[] {
  return stmt(
    db,
    `SELECT DISTINCT coder_id AS coderId, document_id AS documentId FROM segments
      WHERE ${inList('coder_id', 'coders')} AND ${inScope('document_id')}`,
  ).all({ coders: json(coderIds), documents: json(documentIds) }) as { coderId: number; documentId: number }[];
}

export interface CodedRange {
  documentId: number;
  coderId: number;
  codeId: number;
  start: number;
  end: number;
}

/** Every (document, coder, code, start, end) of the coders' segments, for the codes given or all of them. */
export function codedRanges(
  db: Db,
  coderIds: readonly number[],
  codeIds: readonly number[] | null,
  documentIds: readonly number[] | null,
): CodedRange[] {
  const codes = codeIds === null ? '' : `AND ${inList('sc.code_id', 'codes')}`;
  return stmt(
    db,
    `SELECT sc.document_id AS documentId, sc.coder_id AS coderId, sc.code_id AS codeId, s.start, s.end
       FROM segment_codes sc JOIN segments s ON s.id = sc.segment_id
      WHERE ${inList('sc.coder_id', 'coders')} ${codes} AND ${inScope('sc.document_id')}`,
  ).all({ coders: json(coderIds), documents: json(documentIds), ...(codeIds === null ? {} : { codes: json(codeIds) }) }) as CodedRange[];
}

/** Names and lengths (code points) of documents, in the documents list's order. */
export function documentLengths(db: Db, documentIds: readonly number[]): { id: number; name: string; characters: number }[] {
  return stmt(
    db,
    `SELECT id, name, char_count AS characters FROM documents WHERE ${inList('id', 'documents')} ORDER BY sort, name COLLATE NOCASE`,
  ).all({ documents: json(documentIds) }) as { id: number; name: string; characters: number }[];
}

/** The non-empty paragraphs (speaker turns) of documents, as code-point ranges in order. */
export function paragraphRanges(db: Db, documentIds: readonly number[]): { documentId: number; start: number; end: number }[] {
  return stmt(
    db,
    `SELECT document_id AS documentId, start, end FROM paragraphs
      WHERE ${inList('document_id', 'documents')} AND end > start ORDER BY document_id, n`,
  ).all({ documents: json(documentIds) }) as { documentId: number; start: number; end: number }[];
}

/** The canonical plain text of documents, for quoting disagreements. */
export function documentTexts(db: Db, documentIds: readonly number[]): Map<number, string> {
  const rows = stmt(db, `SELECT id, plain_text AS text FROM documents WHERE ${inList('id', 'documents')}`).all({
    documents: json(documentIds),
  }) as { id: number; text: string }[];
  return new Map(rows.map((r) => [r.id, r.text]));
}

export interface Reconciliation {
  documentId: number;
  codeId: number;
  start: number;
  end: number;
  coderA: string;
  coderB: string;
  side: 'A' | 'B';
  decision: 'A' | 'B' | 'both' | 'neither';
  note: string;
  decidedBy: number | null;
  decidedAt: string;
  segmentId: number | null;
}

/** Logs one reconciliation decision. */
export function insertReconciliation(db: Db, r: Reconciliation): number {
  return Number(
    stmt(
      db,
      `INSERT INTO reconciliations (document_id, code_id, start, end, coder_a, coder_b, side, decision, note, decided_by, decided_at, segment_id)
       VALUES (@documentId, @codeId, @start, @end, @coderA, @coderB, @side, @decision, @note, @decidedBy, @decidedAt, @segmentId)`,
    ).run(r).lastInsertRowid,
  );
}

/** Every logged decision in the documents, latest last. */
export function reconciliationsIn(db: Db, documentIds: readonly number[]): (Reconciliation & { id: number })[] {
  return stmt(
    db,
    `SELECT id, document_id AS documentId, code_id AS codeId, start, end, coder_a AS coderA, coder_b AS coderB, side, decision, note,
            decided_by AS decidedBy, decided_at AS decidedAt, segment_id AS segmentId
       FROM reconciliations WHERE ${inList('document_id', 'documents')} ORDER BY id`,
  ).all({ documents: json(documentIds) }) as (Reconciliation & { id: number })[];
}
